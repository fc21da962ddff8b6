package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.dataset.TileDataset;
import dev.s2v.model.ModelFormatException;
import dev.s2v.model.TestModels;
import dev.s2v.model.TrainedModel;
import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.Natives;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation end to end on a small dataset (four scenes of 96 x 96 pixels in 32 px tiles: two for
 * training, one each for validation and test) and an untrained base-16 model whose normalisation
 * differs from the dataset's.
 */
@Tag("native")
class EvaluationTest {
    @TempDir static Path dir;
    static DatasetFolder dataset;
    static Normalization modelNormalization;
    static Path model;
    static EvaluationSummary auto;

    @BeforeAll
    static void evaluateOnce() throws IOException {
        Natives.assumeGdal();
        dataset = TestDatasets.write(dir.resolve("data"), 4, 96, 32, 11);
        double[] scale = dataset.descriptor().normalization().of(Normalization.Kind.MAX).scale();
        for (int b = 0; b < scale.length; b++) {
            scale[b] *= 1.5 + b;
        }
        modelNormalization = Normalization.max(scale);
        model = TestModels.export(dir.resolve("m"), TestDatasets.BANDS, 32, modelNormalization);
        auto = Evaluation.run(request(dataset.folder(), dir.resolve("eval-auto")), line -> {});
    }

    private static Evaluation.Request request(Path datasetFolder, Path out) {
        return new Evaluation.Request(
                model,
                datasetFolder,
                Split.TEST,
                new ThresholdSpec.Auto(),
                ObjectMatching.defaults(),
                out,
                false);
    }

    /** The model's probabilities of a split, through the dataset's own sample reader. */
    private static List<float[]> probabilities(
            DatasetFolder data, Split split, Normalization normalization, List<byte[]> truth)
            throws IOException {
        TileDataset tiles =
                TileDataset.builder().setSplit(data, split).setNormalization(normalization).build();
        int pixels = 32 * 32;
        List<float[]> result = new ArrayList<>();
        try (TrainedModel m = TrainedModel.load(model)) {
            for (int t = 0; t < tiles.size(); t++) {
                float[] image = new float[4 * pixels];
                float[] mask = new float[pixels];
                tiles.fill(t, image, 0, mask, 0);
                result.add(m.predict(image, 1, 32, 32));
                byte[] bytes = new byte[pixels];
                for (int i = 0; i < pixels; i++) {
                    bytes[i] = (byte) (mask[i] > 0.5f ? 1 : 0);
                }
                truth.add(bytes);
            }
        }
        return result;
    }

    @Test
    void theModelIsScoredAsAnIndependentPassWithItsOwnNormalisationScoresIt() throws IOException {
        List<byte[]> valTruth = new ArrayList<>();
        List<float[]> val = probabilities(dataset, Split.VAL, modelNormalization, valTruth);
        ValidationScores validation = new ValidationScores();
        for (int t = 0; t < val.size(); t++) {
            validation.add(val.get(t), valTruth.get(t), null);
        }
        ThresholdChoice expected = ThresholdSelection.f1Best(validation);
        assertEquals(expected, auto.result().threshold());

        List<byte[]> testTruth = new ArrayList<>();
        List<float[]> test = probabilities(dataset, Split.TEST, modelNormalization, testTruth);
        ConfusionMatrix confusion = ConfusionMatrix.empty();
        ObjectAccumulator objects = new ObjectAccumulator(ObjectMatching.defaults());
        for (int t = 0; t < test.size(); t++) {
            byte[] predicted = expected.threshold().apply(test.get(t), null);
            confusion = confusion.plus(ConfusionMatrix.of(predicted, testTruth.get(t), null));
            objects.add(
                    ConnectedComponents.label(testTruth.get(t), 32, 32, 10).objects(),
                    ConnectedComponents.label(predicted, 32, 32, 10).objects());
        }
        PredictorResult m = auto.result().model();
        assertEquals(confusion, m.pixels().confusion());
        assertEquals(objects.metrics(), m.objects());
        assertEquals(dataset.tiles(Split.TEST).size(), auto.result().tiles().size());
        assertEquals(1, auto.result().scenes().size());

        // The dataset's normalisation would have given other probabilities: the test can tell.
        List<float[]> withDatasetNormalisation =
                probabilities(
                        dataset,
                        Split.TEST,
                        dataset.descriptor().normalization().of(Normalization.Kind.MAX),
                        new ArrayList<>());
        assertFalse(Arrays.equals(test.get(0), withDatasetNormalisation.get(0)));
    }

    /**
     * Any change in a reported number or sentence shows here. After an intended change, rewrite the
     * golden file with {@code mvn test -Dtest=EvaluationTest -Ds2v.updateGolden=true} and review
     * its diff before committing it.
     */
    @Test
    void theReportMatchesItsGoldenFile() throws IOException {
        String report = Files.readString(auto.reportFolder().resolve(ReportWriter.MARKDOWN));
        Path golden = Path.of("src/test/resources/golden/evaluation-report.md");
        if (Boolean.getBoolean("s2v.updateGolden")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, report);
        }
        assertEquals(Files.readString(golden), report);
    }

    @Test
    void bothBaselinesAreScoredOnTheSameTiles() {
        List<PredictorResult> baselines = auto.result().baselines();
        assertEquals(
                List.of("spectral threshold", "all background"),
                baselines.stream().map(PredictorResult::name).toList());
        long pixels = auto.result().model().pixels().confusion().total();
        long vessels = auto.result().model().pixels().confusion().positives();
        assertTrue(vessels > 0);
        for (PredictorResult b : baselines) {
            assertEquals(pixels, b.pixels().confusion().total());
            assertEquals(vessels, b.pixels().confusion().positives());
            assertEquals(EvaluationScores.BINARY, b.pixels().threshold());
        }
        ConfusionMatrix background = baselines.get(1).pixels().confusion();
        assertEquals(0, background.truePositives() + background.falsePositives());
        assertEquals(0.0, background.f1());
        // Vessels are far brighter than water in the test data: one band separates them.
        assertTrue(baselines.get(0).pixels().confusion().f1() > 0.9);
        assertTrue(
                auto.result().notes().stream()
                        .anyMatch(n -> n.startsWith("The spectral baseline was fitted on")),
                auto.result().notes().toString());
    }

    @Test
    void theReportIsCompleteAndTheHtmlReferencesOnlyWhatExists() throws IOException {
        Path report = auto.reportFolder();
        for (String file :
                List.of(
                        ReportWriter.HTML,
                        ReportWriter.MARKDOWN,
                        ReportWriter.JSON,
                        ReportWriter.PER_SCENE,
                        ReportWriter.PER_TILE,
                        ReportWriter.PR_CURVE,
                        ReportWriter.CONFUSION)) {
            assertTrue(Files.size(report.resolve(file)) > 0, file);
        }
        try (Stream<Path> gallery = Files.list(report.resolve(ReportWriter.GALLERY))) {
            assertEquals(
                    Math.min(Evaluation.GALLERY_TILES, dataset.tiles(Split.TEST).size()),
                    gallery.count());
        }
        String html = Files.readString(report.resolve(ReportWriter.HTML));
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (refs.find()) {
            String ref = refs.group(1);
            if (ref.startsWith("data:image/png;base64,")) {
                images++;
            } else {
                assertTrue(Files.isRegularFile(report.resolve(ref)), ref);
            }
        }
        assertEquals(2 + Math.min(Evaluation.GALLERY_TILES, 9), images);
        assertTrue(html.contains("chosen on the validation split only"));

        List<String> headline = auto.headline();
        assertTrue(
                headline.get(0).startsWith("test split of dataset: 9 tiles from 1 scene;"),
                headline.get(0));
        assertTrue(headline.stream().anyMatch(l -> l.trim().startsWith("spectral threshold")));
        String background =
                headline.stream()
                        .filter(l -> l.trim().startsWith("all background"))
                        .findFirst()
                        .orElseThrow();
        // Nothing predicted: precision has no denominator and shows as such, recall and F1 are 0.
        assertEquals(
                List.of("all", "background", "\u2013", "0.000", "0.000"),
                Arrays.asList(background.trim().split(" +")).subList(0, 5));
        assertEquals(
                "report: " + report.resolve(ReportWriter.HTML), headline.get(headline.size() - 1));
    }

    @Test
    void changingTestLabelsDoesNotMoveTheThreshold() throws IOException {
        Path copy = copyDataset("relabelled");
        TestDatasets.rewrite(
                DatasetFolder.open(copy),
                Split.TEST,
                (tile, stored, mask) -> {
                    for (int i = 0; i < mask.length; i++) {
                        mask[i] = (byte) (i % 7 == 0 ? 1 : 0);
                    }
                });
        EvaluationSummary relabelled =
                Evaluation.run(request(copy, dir.resolve("eval-relabelled")), line -> {});
        assertEquals(auto.result().threshold(), relabelled.result().threshold());
        assertNotEquals(
                auto.result().model().pixels().confusion(),
                relabelled.result().model().pixels().confusion());
    }

    @Test
    void aFixedThresholdIsAppliedAndCheckedOnValidation() throws IOException {
        Threshold fixed = Threshold.of(0.3);
        EvaluationSummary s =
                Evaluation.run(
                        new Evaluation.Request(
                                model,
                                dataset.folder(),
                                Split.TEST,
                                new ThresholdSpec.Fixed(fixed),
                                new ObjectMatching(3),
                                dir.resolve("eval-fixed"),
                                false),
                        line -> {});
        ThresholdChoice choice = s.result().threshold();
        assertEquals(fixed, choice.threshold());
        assertEquals("fixed beforehand", choice.rule());
        long valPixels = dataset.tiles(Split.VAL).size() * 32L * 32;
        assertEquals(valPixels, choice.validation().total());
        assertEquals(3.0, s.result().settings().matching().radiusPx());
        assertTrue(
                Files.readString(s.reportFolder().resolve(ReportWriter.HTML))
                        .contains("Threshold 0.3000, fixed beforehand (validation F1"));
    }

    @Test
    void mismatchedBandsAndTileSizesAreRefusedNamingBoth() throws IOException {
        Path otherBands =
                TestModels.export(
                        dir.resolve("m-b8a"),
                        List.of(
                                SpectralBand.B02,
                                SpectralBand.B03,
                                SpectralBand.B04,
                                SpectralBand.B8A),
                        32,
                        modelNormalization);
        IllegalArgumentException bands =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Evaluation.run(withModel(otherBands), line -> {}));
        assertEquals(
                "model "
                        + otherBands
                        + " reads bands [B02, B03, B04, B8A] but dataset "
                        + dataset.folder()
                        + " has [B02, B03, B04, B08] (missing [B8A]); cut tiles with the model's"
                        + " bands (s2v tiles --bands B02,B03,B04,B8A)",
                bands.getMessage());

        Path otherSize =
                TestModels.export(dir.resolve("m-64"), TestDatasets.BANDS, 64, modelNormalization);
        IllegalArgumentException size =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Evaluation.run(withModel(otherSize), line -> {}));
        assertTrue(
                size.getMessage().contains("trained on 64 px tiles but dataset")
                        && size.getMessage().contains("has 32 px tiles"),
                size.getMessage());
    }

    @Test
    void brokenWeightsAreNamedInsteadOfScored() throws IOException {
        Path broken =
                TestModels.export(
                        dir.resolve("m-nan"), TestDatasets.BANDS, 32, modelNormalization, true);
        ModelFormatException e =
                assertThrows(
                        ModelFormatException.class,
                        () -> Evaluation.run(withModel(broken), line -> {}));
        assertTrue(
                e.getMessage()
                        .startsWith(
                                broken.resolve(TrainedModel.WEIGHTS_FILE)
                                        + ": the network gives probability NaN; its weights"
                                        + " are broken"),
                e.getMessage());
    }

    @Test
    void missingWeightsAndAnExistingReportAreRefused() throws IOException {
        Path noWeights = dir.resolve("m-no-weights");
        Files.createDirectories(noWeights);
        Files.copy(
                model.resolve(TrainedModel.DESCRIPTOR_FILE),
                noWeights.resolve(TrainedModel.DESCRIPTOR_FILE));
        NoSuchFileException missing =
                assertThrows(
                        NoSuchFileException.class,
                        () -> Evaluation.run(withModel(noWeights), line -> {}));
        assertEquals(noWeights.resolve(TrainedModel.WEIGHTS_FILE).toString(), missing.getFile());

        assertThrows(
                FileAlreadyExistsException.class,
                () -> Evaluation.run(request(dataset.folder(), auto.reportFolder()), line -> {}));
    }

    @Test
    void emptySplitsAreRefused() throws IOException {
        Path noTest = copyDataset("no-test");
        Path manifest = noTest.resolve("manifest.csv");
        Files.writeString(manifest, Files.readString(manifest).replace(",test,", ",train,"));
        IllegalArgumentException test =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                Evaluation.run(
                                        request(noTest, dir.resolve("eval-none")), line -> {}));
        assertEquals(
                "dataset "
                        + noTest
                        + " has no test tiles (27 train, 9 val, 0 test); choose another --split",
                test.getMessage());

        Path noVal = copyDataset("no-val");
        manifest = noVal.resolve("manifest.csv");
        Files.writeString(manifest, Files.readString(manifest).replace(",val,", ",train,"));
        IllegalArgumentException val =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Evaluation.run(request(noVal, dir.resolve("eval-none")), line -> {}));
        assertTrue(val.getMessage().contains("no validation tiles to choose the threshold on"));
        assertFalse(Files.exists(dir.resolve("eval-none")));
    }

    @Test
    void aThresholdAtAnEndOfTheGridIsFlagged() {
        PixelHistogram h = new PixelHistogram();
        // Vessels at 1, 1, 0.99995 (bin 9999), 0.5 and 0.0001 (bin 1); water at 0.1.
        h.add(
                new float[] {1f, 1f, 0.99995f, 0.5f, 0.0001f, 0.1f},
                new byte[] {1, 1, 1, 1, 1, 0},
                null);
        assertEquals(Optional.empty(), Evaluation.saturationNote(new Threshold(5000), h));
        assertEquals(Optional.empty(), Evaluation.saturationNote(new Threshold(9998), h));
        String top = Evaluation.saturationNote(new Threshold(10000), h).orElseThrow();
        assertTrue(top.contains("upper end of the 0.0001 grid: 60.0 % of"), top);
        assertTrue(top.contains("score 0.9999 or more"), top);
        String bottom = Evaluation.saturationNote(new Threshold(1), h).orElseThrow();
        assertTrue(bottom.contains("lower end of the 0.0001 grid: 20.0 % of"), bottom);
    }

    @Test
    void theDefaultReportFolderIsInTheModelFolder() {
        assertEquals(
                Path.of("models/q/eval-synthetic-demo-test"),
                Evaluation.defaultReportFolder(
                        Path.of("models/q"), Path.of("datasets/synthetic-demo/"), Split.TEST));
    }

    @Test
    void spreadPicksEvenlyAndKeepsShortLists() {
        List<Integer> picked =
                Evaluation.spread(dataset.tiles(), 4).stream()
                        .map(t -> dataset.tiles().indexOf(t))
                        .toList();
        int n = dataset.tiles().size();
        assertEquals(List.of(0, n / 4, n / 2, 3 * n / 4), picked);
        assertEquals(dataset.tiles(), Evaluation.spread(dataset.tiles(), n));
    }

    private static Evaluation.Request withModel(Path otherModel) {
        return new Evaluation.Request(
                otherModel,
                dataset.folder(),
                Split.TEST,
                new ThresholdSpec.Auto(),
                ObjectMatching.defaults(),
                dir.resolve("never"),
                false);
    }

    private static Path copyDataset(String name) throws IOException {
        Path target = dir.resolve(name).resolve("data");
        try (Stream<Path> files = Files.walk(dataset.folder())) {
            for (Path p : files.toList()) {
                Path to = target.resolve(dataset.folder().relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
