package dev.s2v.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.ConfigException;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.RealCrop;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.dataset.TileRecord;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.raster.Natives;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tiny experiments (base 16, depth 2, 32 px tiles) on a small dataset of bright rectangles. */
@Tag("native")
class ExperimentsTest {
    @TempDir static Path dir;
    static DatasetFolder dataset;

    @BeforeAll
    static void build() throws IOException {
        Natives.assumeGdal();
        dataset = TestDatasets.write(dir.resolve("data"), 3, 128, 32, 5);
    }

    static Path config(String name, String extra) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(
                file,
                "name: "
                        + name
                        + "\nseed: 3\nbands: [B02, B03, B04, B08]\n"
                        + "dataset: {path: data/dataset, tile_size: 32}\n"
                        + "model: {filters: 16, depth: 2, dropout: 0.1}\n"
                        + "train: {epochs: 3, batch_size: 4, learning_rate: 0.01,"
                        + " early_stopping: {patience: 0}, reduce_lr: {patience: 1, factor: 0.5}}\n"
                        + extra);
        return file;
    }

    static TrainingSummary run(Path config, Path resume, BooleanSupplier interrupt, String... set)
            throws IOException {
        return Experiments.train(
                new Experiments.Request(
                        config,
                        List.of(set),
                        resume,
                        true,
                        dir.resolve("experiments"),
                        dir.resolve("models")),
                new PrintStream(new ByteArrayOutputStream()),
                false,
                interrupt);
    }

    @Test
    void aTinyRunLowersTheLossAndWritesItsRunFolder() throws IOException {
        TrainingSummary s = run(config("tiny", "evaluate: {split: test}\n"), null, () -> false);
        assertEquals(TrainingOutcome.COMPLETED, s.outcome());
        assertEquals(3, s.history().size());
        assertTrue(
                s.history().get(2).trainLoss() < s.history().get(0).trainLoss(),
                "loss " + s.history());
        for (String file :
                new String[] {
                    "resolved-config.yaml",
                    "run.yaml",
                    "training.log",
                    "metrics.csv",
                    "curves.png",
                    "checkpoints/last/weights.params",
                    "checkpoints/best/state.yaml"
                }) {
            assertTrue(Files.exists(s.runFolder().resolve(file)), file);
        }
        Path model = s.modelFolder().orElseThrow();
        assertTrue(Files.exists(model.resolve("model.xml")));
        assertTrue(Files.exists(model.resolve("eval-dataset-test/report.html")));
        ModelDescriptor exported = ModelDescriptor.read(model.resolve("model.xml"));
        double threshold = exported.threshold();
        assertTrue(threshold > 0 && threshold < 1, "threshold from validation: " + threshold);
        assertEquals(
                Optional.of(ProductLevel.L1C), exported.inputLevel(), "synthetic L1C products");
        List<String> csv = Files.readAllLines(s.runFolder().resolve("metrics.csv"));
        assertEquals(EpochMetrics.HEADER, csv.get(0));
        assertEquals(4, csv.size());
        EpochMetrics second = EpochMetrics.parse(csv.get(2));
        assertEquals(s.history().get(1).trainLoss(), second.trainLoss(), 1e-6);
        assertEquals(s.history().get(1).valF1(), second.valF1(), 1e-6);
    }

    @Test
    void theSameSeedGivesTheSameMetrics() throws IOException {
        Path config = config("repeat", "");
        List<EpochMetrics> a = run(config, null, () -> false, "train.epochs=2").history();
        List<EpochMetrics> b = run(config, null, () -> false, "train.epochs=2").history();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).trainLoss(), b.get(i).trainLoss());
            assertEquals(a.get(i).valLoss(), b.get(i).valLoss());
        }
    }

    @Test
    void resumingFromAnyCheckpointEndsWithTheSameWeights() throws IOException {
        // A minimum improvement no epoch reaches: the best checkpoint stays at epoch 1.
        Path config = config("resume", "");
        String[] set = {"train.early_stopping={patience: 0, monitor: val_loss, min_delta: 10}"};
        TrainingSummary whole = run(config, null, () -> false, set);
        assertEquals(1, whole.bestEpoch());
        byte[] expected = weights(whole.runFolder());

        // Interrupted in the middle of the second epoch, then resumed.
        int batchesPerEpoch = (int) (dataset.tiles(dev.s2v.dataset.Split.TRAIN).size() / 4);
        AtomicInteger polls = new AtomicInteger();
        TrainingSummary cut =
                run(config, null, () -> polls.incrementAndGet() > batchesPerEpoch + 2, set);
        assertEquals(TrainingOutcome.INTERRUPTED, cut.outcome());
        TrainingSummary resumed = run(null, cut.runFolder(), () -> false);
        assertEquals(TrainingOutcome.COMPLETED, resumed.outcome());
        assertArrayEquals(expected, weights(resumed.runFolder()));
        assertEquals(losses(whole), losses(resumed));

        // From the checkpoint of the best epoch of the whole run.
        TrainingSummary fromBest =
                run(null, whole.runFolder().resolve("checkpoints/best"), () -> false);
        assertArrayEquals(expected, weights(fromBest.runFolder()));
    }

    /** Every epoch's losses and scores (not its duration, which no two runs share). */
    private static List<List<Double>> losses(TrainingSummary s) {
        return s.history().stream()
                .map(
                        m ->
                                List.of(
                                        m.trainLoss(),
                                        m.valLoss(),
                                        m.valDice(),
                                        m.valF1(),
                                        m.learningRate()))
                .toList();
    }

    private static byte[] weights(Path runFolder) throws IOException {
        return Files.readAllBytes(runFolder.resolve("checkpoints/last/weights.params"));
    }

    @Test
    void aNonFiniteLossStopsNamingEpochAndBatch() throws IOException {
        Path config = config("overflow", "");
        NonFiniteLossException e =
                assertThrows(
                        NonFiniteLossException.class,
                        () ->
                                run(
                                        config,
                                        null,
                                        () -> false,
                                        "train.loss=bce",
                                        "train.loss_params={pos_weight: 1.0e38}"));
        assertTrue(e.getMessage().contains("epoch 1, batch 1"), e.getMessage());
    }

    @Test
    void fineTuningStartsFromAnotherModelsWeightsAndRefusesOnesThatDoNotFit() throws IOException {
        TrainingSummary base = run(config("base", ""), null, () -> false);
        Path models = dir.resolve("models");
        TrainingSummary tuned =
                run(config("tuned", ""), null, () -> false, "model.init_from=models/base");
        assertTrue(
                tuned.history().get(0).trainLoss() < base.history().get(0).trainLoss(),
                "the first epoch starts from trained weights: "
                        + tuned.history()
                        + " against "
                        + base.history());
        assertTrue(
                Files.readString(tuned.runFolder().resolve("training.log"))
                        .contains("starting from the weights of " + models.resolve("base")));
        assertEquals(
                ModelDescriptor.read(models.resolve("base/model.xml")).normalization(),
                ModelDescriptor.read(models.resolve("tuned/model.xml")).normalization(),
                "the input scale the weights learnt on is kept");

        TestDatasets.write(
                dir.resolve("three"),
                3,
                96,
                32,
                5,
                true,
                List.of(SpectralBand.B02, SpectralBand.B03, SpectralBand.B04));
        long runsBefore = countRuns();
        ConfigException bands =
                assertThrows(
                        ConfigException.class,
                        () ->
                                run(
                                        config("other-bands", ""),
                                        null,
                                        () -> false,
                                        "model.init_from=models/base",
                                        "bands=[B02, B03, B04]",
                                        "dataset.path=three/dataset"));
        assertTrue(
                bands.getMessage()
                        .contains(
                                "model.init_from: "
                                        + models.resolve("base")
                                        + " reads bands [B02, B03, B04, B08], this experiment"
                                        + " [B02, B03, B04]"),
                bands.getMessage());
        ConfigException network =
                assertThrows(
                        ConfigException.class,
                        () ->
                                run(
                                        config("wider", ""),
                                        null,
                                        () -> false,
                                        "model.init_from=models/base",
                                        "model.filters=32"));
        assertTrue(
                network.getMessage()
                        .contains(
                                "is a UNET of 4 bands, 16 filters, depth 2, batch norm, transposed"
                                        + " decoder, this experiment builds one of 4 bands, 32"
                                        + " filters"),
                network.getMessage());
        assertTrue(network.getMessage().lines().count() == 1);
        assertEquals(runsBefore, countRuns(), "refused before any run folder is made");
    }

    @Test
    void anotherDatasetIsMixedIntoEveryEpoch() throws IOException {
        TestDatasets.write(dir.resolve("second"), 3, 128, 32, 9);
        TrainingSummary mixed =
                run(
                        config("mixed", ""),
                        null,
                        () -> false,
                        "dataset.mix={path: second/dataset, share: 0.25}",
                        "train.epochs=1");
        assertEquals(TrainingOutcome.COMPLETED, mixed.outcome());
        assertTrue(
                Files.readString(mixed.runFolder().resolve("training.log"))
                        .contains(
                                "training tiles of " + dir.resolve("second/dataset") + " at 25 %"),
                "the log says what was mixed in");
    }

    @Test
    void aFolderOfRealStacksIsCutIntoTheExperimentsDatasetOrNamedWhenMissing() throws IOException {
        Path config = dir.resolve("ports.yaml");
        Files.writeString(
                config,
                "name: ports\nseed: 3\nbands: [B02, B03, B04, B08, B11]\n"
                        + "dataset: {path: ports/dataset, tile_size: 32,"
                        + " build_if_missing: {from: ports/scenes, split: block, block_km: 0.64,"
                        + " val: 0.5, seed: 3}}\n"
                        + "model: {filters: 16, depth: 2, dropout: 0.1}\n"
                        + "train: {epochs: 1, batch_size: 4, learning_rate: 0.01,"
                        + " early_stopping: {patience: 0}, reduce_lr: {patience: 1, factor: 0.5}}\n");
        NoSuchFileException missing =
                assertThrows(NoSuchFileException.class, () -> run(config, null, () -> false));
        assertEquals(dir.resolve("ports/scenes").toString(), missing.getFile());
        assertTrue(
                missing.getMessage().contains("NAME.tif")
                        && missing.getMessage().contains("NAME_labels.geojson"),
                missing.getMessage());

        // Two scenes, each the real crop under its own name, with its mask and instances beside;
        // they overlap, so they are split by 640 m blocks.
        Path scenes = dir.resolve("ports/scenes");
        for (String name : List.of("piraeus_a", "piraeus_b")) {
            RealCrop crop = RealCrop.copyTo(dir.resolve("ports/copies").resolve(name));
            Files.createDirectories(scenes);
            Files.move(crop.stack(), scenes.resolve(name + ".tif"));
            Files.move(crop.labels(), scenes.resolve(name + "_labels.geojson"));
            Files.move(crop.mask(), scenes.resolve(name + "_mask.tif"));
            Files.move(crop.instances(), scenes.resolve(name + "_instances.tif"));
        }
        TrainingSummary trained = run(config, null, () -> false);
        assertEquals(TrainingOutcome.COMPLETED, trained.outcome());
        DatasetFolder built = DatasetFolder.open(dir.resolve("ports/dataset"));
        assertEquals(2, built.descriptor().sources().size());
        assertEquals(
                32,
                built.tiles().size() + built.descriptor().dropped().blockEdges(),
                "4 x 4 tiles of 32 px per scene");
        assertTrue(!built.tiles(Split.TRAIN).isEmpty() && !built.tiles(Split.VAL).isEmpty());
        assertTrue(built.hasInstances());
        ModelDescriptor model = ModelDescriptor.read(dir.resolve("models/ports/model.xml"));
        assertEquals(
                List.of(
                        SpectralBand.B02,
                        SpectralBand.B03,
                        SpectralBand.B04,
                        SpectralBand.B08,
                        SpectralBand.B11),
                model.bands());
        assertEquals(Optional.of(ProductLevel.L2A), model.inputLevel());
    }

    private static long countRuns() throws IOException {
        Path runs = dir.resolve("experiments");
        if (!Files.exists(runs)) {
            return 0;
        }
        try (var experiments = Files.walk(runs, 2)) {
            return experiments.count();
        }
    }

    @Test
    void experimentsThatCannotRunAreRefusedBeforeTraining() throws IOException {
        Path config = config("refused", "");
        ConfigException bands =
                assertThrows(
                        ConfigException.class,
                        () -> run(config, null, () -> false, "bands=[B02, B03, B04, B8A]"));
        assertTrue(bands.getMessage().contains("differ from the dataset's"), bands.getMessage());
        // Oversampling repeats only the tiles with vessels: an epoch holds negatives + 3 x
        // positives samples, fewer than tiles x 3, and one more than that gives no step at all.
        List<TileRecord> train = dataset.tiles(Split.TRAIN);
        long positives = train.stream().filter(TileRecord::hasVessels).count();
        long samples = (train.size() - positives) + 3 * positives;
        assertTrue(positives > 0 && samples + 1 <= 3L * train.size(), "tiles: " + train);
        ConfigException batch =
                assertThrows(
                        ConfigException.class,
                        () ->
                                run(
                                        config,
                                        null,
                                        () -> false,
                                        "train.oversample_positives=3",
                                        "train.batch_size=" + (samples + 1)));
        assertTrue(
                batch.getMessage()
                        .contains("larger than the " + samples + " training samples of an epoch"),
                batch.getMessage());
        ConfigException loss =
                assertThrows(
                        ConfigException.class,
                        () -> run(config, null, () -> false, "train.loss_params={gama: 2}"));
        assertTrue(loss.getMessage().contains("train.loss_params"), loss.getMessage());
        Files.createDirectories(dir.resolve("models/taken"));
        assertThrows(
                FileAlreadyExistsException.class,
                () ->
                        Experiments.train(
                                new Experiments.Request(
                                        config("taken", ""),
                                        List.of(),
                                        null,
                                        false,
                                        dir.resolve("experiments"),
                                        dir.resolve("models")),
                                new PrintStream(new ByteArrayOutputStream()),
                                false));
    }
}
