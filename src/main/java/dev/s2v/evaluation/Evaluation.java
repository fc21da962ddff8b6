package dev.s2v.evaluation;

import dev.s2v.config.EvaluateConfig;
import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.ModelInput;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TileRecord;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.model.UNetArchitecture;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code s2v evaluate}: a trained model scored on one split of a dataset, beside two baselines,
 * with the threshold frozen before that split is read, and the report written.
 *
 * <p>The steps: the validation split's probabilities choose the threshold (or check a given one); a
 * spectral threshold rule is fitted on training pixels; then the evaluated split is streamed in
 * batches: each tile is predicted, and the model and both baselines are scored on it by the same
 * {@link EvaluationScores}; finally the worst tiles are read again for the gallery. Only the
 * per-tile rows are kept, so memory does not grow with the tiles' pixels. The model's inputs are
 * normalised with the model's own parameters ({@code model.xml}), whatever the dataset's statistics
 * say.
 */
public final class Evaluation {
    /** Side of a tile pixel: tiles are cut on the products' 10 m grid. */
    public static final double PIXEL_SIZE_M = 10;

    /** Tiles in the report's gallery of worst tiles. */
    static final int GALLERY_TILES = 12;

    /** Further tiles in the gallery, those with the most far false alarms. */
    public static final int FAR_FALSE_ALARM_TILES = 6;

    /** Pixels per prediction batch: 32 tiles of 64 x 64. */
    private static final int BATCH_PIXELS = 32 * 64 * 64;

    /** Training tiles read at most to fit the spectral baseline, spread evenly over the split. */
    static final int MAX_FIT_TILES = 2000;

    /** Water pixels the spectral fit keeps, about; vessel pixels are all kept. */
    static final long FIT_WATER_PIXELS = 2_000_000;

    /** Seed of the water pixels drawn for the spectral fit. */
    private static final long FIT_SEED = 20_251_125;

    private Evaluation() {}

    /**
     * What to evaluate.
     *
     * @param model the model folder ({@code model.xml} and weights)
     * @param dataset the dataset folder
     * @param split the split to score; the threshold never comes from it (unless it is the
     *     validation split, which the report then says)
     * @param threshold {@code auto} or a fixed threshold
     * @param matching how predicted objects are matched to true vessels
     * @param out the report folder to create
     * @param overwrite whether an existing report folder is replaced
     */
    public record Request(
            Path model,
            Path dataset,
            Split split,
            ThresholdSpec threshold,
            ObjectMatching matching,
            Path out,
            boolean overwrite) {
        /** Validates that everything is given. */
        public Request {
            if (model == null
                    || dataset == null
                    || split == null
                    || threshold == null
                    || matching == null
                    || out == null) {
                throw new IllegalArgumentException(
                        "an evaluation needs a model, a dataset, a split, a threshold rule, a"
                                + " matching rule and a report folder");
            }
        }
    }

    /**
     * The default report folder: {@code <model>/eval-<dataset folder name>-<split>}.
     *
     * @param model the model folder
     * @param dataset the dataset folder
     * @param split the evaluated split
     */
    public static Path defaultReportFolder(Path model, Path dataset, Split split) {
        return model.resolve("eval-" + folderName(dataset) + "-" + split.key());
    }

    /**
     * Runs the evaluation after {@code s2v train} as an experiment's {@code evaluate:} section
     * asks: the report goes to {@link #defaultReportFolder}, replacing an earlier one (it described
     * weights that no longer exist), and the headline numbers are printed.
     *
     * @param model the exported model folder
     * @param dataset the dataset the model was trained on
     * @param config the experiment's {@code evaluate:} section
     * @param out receives progress lines and the headline
     * @return what the evaluation found
     * @throws IOException when tiles cannot be read or the report written
     * @throws IllegalArgumentException when the model and dataset disagree, or the split has no
     *     tiles, or the threshold cannot be chosen (no validation vessels)
     */
    public static EvaluationSummary afterTraining(
            Path model, Path dataset, EvaluateConfig config, PrintStream out) throws IOException {
        Split split = Split.parse(config.split());
        EvaluationSummary summary =
                run(
                        new Request(
                                model,
                                dataset,
                                split,
                                ThresholdSpec.parse(config.threshold()),
                                new ObjectMatching(
                                        config.matchRadiusPx(),
                                        config.minLengthM(),
                                        config.nearM() / PIXEL_SIZE_M),
                                defaultReportFolder(model, dataset, split),
                                true),
                        out::println);
        summary.headline().forEach(out::println);
        return summary;
    }

    /**
     * Evaluates a model on a split and writes the report.
     *
     * @param request what to evaluate
     * @param log receives progress lines
     * @return the result, the report folder and the timings
     * @throws FileAlreadyExistsException when the report folder exists and may not be replaced
     * @throws java.nio.file.NoSuchFileException when the model or dataset folder, the weights,
     *     {@code model.xml} or a tile is missing
     * @throws IllegalArgumentException when the model's bands or tile size do not fit the dataset,
     *     the split has no tiles, or {@code auto} finds no validation vessel to choose on
     * @throws IOException when a file cannot be read or written
     */
    public static EvaluationSummary run(Request request, Consumer<String> log) throws IOException {
        Path out = request.out().toAbsolutePath().normalize();
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !request.overwrite()) {
            throw new FileAlreadyExistsException(
                    out.toString(),
                    null,
                    "an evaluation report is there; pass --overwrite to replace it, or --out");
        }
        DatasetFolder dataset = DatasetFolder.open(request.dataset());
        List<TileRecord> tiles = dataset.tiles(request.split());
        if (tiles.isEmpty()) {
            throw new IllegalArgumentException(
                    "dataset "
                            + request.dataset()
                            + " has no "
                            + request.split().key()
                            + " tiles ("
                            + splitCounts(dataset)
                            + "); choose another --split");
        }
        try (TrainedModel model = TrainedModel.load(request.model())) {
            requireCompatible(request.model(), model.descriptor(), request.dataset(), dataset);
            return new Run(request, dataset, model, log).evaluate(tiles, out);
        }
    }

    /**
     * Refuses a model that cannot read the dataset's tiles.
     *
     * @throws IllegalArgumentException naming both band lists or both tile sizes
     */
    static void requireCompatible(
            Path modelFolder, ModelDescriptor model, Path datasetFolder, DatasetFolder dataset) {
        if (!dataset.bands().containsAll(model.bands())) {
            List<SpectralBand> missing = new ArrayList<>(model.bands());
            missing.removeAll(dataset.bands());
            throw new IllegalArgumentException(
                    "model "
                            + modelFolder
                            + " reads bands "
                            + names(model.bands())
                            + " but dataset "
                            + datasetFolder
                            + " has "
                            + names(dataset.bands())
                            + " (missing "
                            + names(missing)
                            + "); cut tiles with the model's bands (s2v tiles --bands "
                            + model.bands().stream()
                                    .map(SpectralBand::name)
                                    .collect(Collectors.joining(","))
                            + ")");
        }
        if (model.tileSizePx() != dataset.tileSize()) {
            throw new IllegalArgumentException(
                    "model "
                            + modelFolder
                            + " was trained on "
                            + model.tileSizePx()
                            + " px tiles but dataset "
                            + datasetFolder
                            + " has "
                            + dataset.tileSize()
                            + " px tiles; cut tiles of "
                            + model.tileSizePx()
                            + " px (s2v tiles --tile "
                            + model.tileSizePx()
                            + ")");
        }
        if (!model.reflectance()) {
            throw new IllegalArgumentException(
                    "model "
                            + modelFolder
                            + " takes raw digital numbers (model.xml: reflectance=false) but"
                            + " dataset tiles hold reflectance; only reflectance models can be"
                            + " evaluated on tiles");
        }
    }

    private static String names(List<SpectralBand> bands) {
        return bands.stream().map(SpectralBand::name).toList().toString();
    }

    private static String splitCounts(DatasetFolder dataset) {
        List<String> counts = new ArrayList<>();
        for (Split s : Split.values()) {
            counts.add(dataset.tiles(s).size() + " " + s.key());
        }
        return String.join(", ", counts);
    }

    /** One evaluation's state: the open model and dataset, and the timings. */
    private static final class Run {
        private final Request request;
        private final DatasetFolder dataset;
        private final TrainedModel model;
        private final Consumer<String> log;
        private final TileReader reader;
        private final int size;
        private final int batchSize;
        private final List<EvaluationSummary.Phase> phases = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Run(Request request, DatasetFolder dataset, TrainedModel model, Consumer<String> log) {
            this.request = request;
            this.dataset = dataset;
            this.model = model;
            this.log = log;
            ModelDescriptor d = model.descriptor();
            this.reader = new TileReader(dataset, new ModelInput(d.bands(), d.normalization()));
            this.size = dataset.tileSize();
            this.batchSize = Math.max(1, BATCH_PIXELS / (size * size));
        }

        /** Receives each predicted tile. */
        private interface TileSink {
            void accept(TileReader.Tile tile, float[] probability) throws IOException;
        }

        EvaluationSummary evaluate(List<TileRecord> tiles, Path out) throws IOException {
            ThresholdChoice threshold = chooseThreshold();
            List<PixelBaseline> baselines = new ArrayList<>();
            fitSpectralBaseline().ifPresent(baselines::add);
            baselines.add(new AllBackgroundBaseline());
            model.descriptor()
                    .levelMismatch(
                            dataset.descriptor().inputLevel(),
                            "dataset " + dataset.descriptor().name())
                    .map(mismatch -> "The model " + mismatch + ".")
                    .ifPresent(
                            note -> {
                                log.accept("warning: " + note);
                                notes.add(note);
                            });
            if (dataset.bands().size() > model.descriptor().bands().size()) {
                notes.add(
                        "The model reads "
                                + names(model.descriptor().bands())
                                + " of the dataset's "
                                + names(dataset.bands())
                                + "; the baselines read the same bands.");
            }

            ObjectMatching matching = request.matching();
            EvaluationScores modelScores =
                    new EvaluationScores(threshold.threshold(), matching, PIXEL_SIZE_M);
            List<EvaluationScores> baselineScores = new ArrayList<>();
            for (int i = 0; i < baselines.size(); i++) {
                baselineScores.add(
                        new EvaluationScores(EvaluationScores.BINARY, matching, PIXEL_SIZE_M));
            }
            predict(
                    request.split().key() + " split",
                    tiles,
                    (tile, probability) -> {
                        TileRecord r = tile.record();
                        List<MaskObject> truth = tile.trueVessels();
                        modelScores.add(
                                r.sceneId(),
                                r.tileId(),
                                size,
                                probability,
                                tile.truth(),
                                tile.valid(),
                                truth);
                        for (int i = 0; i < baselines.size(); i++) {
                            baselineScores
                                    .get(i)
                                    .add(
                                            r.sceneId(),
                                            r.tileId(),
                                            size,
                                            baselines.get(i).scores(tile.reflectance()),
                                            tile.truth(),
                                            tile.valid(),
                                            truth);
                        }
                    });

            List<PredictorResult> baselineResults = new ArrayList<>();
            for (int i = 0; i < baselines.size(); i++) {
                baselineResults.add(
                        baselineScores
                                .get(i)
                                .result(baselines.get(i).name(), baselines.get(i).description()));
            }
            EvaluationResult result =
                    new EvaluationResult(
                            new EvaluationSettings(
                                    folderName(request.model()),
                                    folderName(request.dataset()),
                                    request.split().key(),
                                    PIXEL_SIZE_M,
                                    matching),
                            threshold,
                            modelScores.result("model", describe(model.descriptor())),
                            baselineResults,
                            modelScores.sceneRows(),
                            modelScores.tileRows(),
                            notes);
            EvaluationScores.GallerySelection chosen =
                    modelScores.gallery(GALLERY_TILES, FAR_FALSE_ALARM_TILES);
            Gallery gallery =
                    new Gallery(
                            gallery(chosen.worst(), tiles, threshold.threshold()),
                            gallery(chosen.farFalseAlarms(), tiles, threshold.threshold()));
            long start = System.nanoTime();
            ReportWriter.write(out, result, gallery, request.overwrite());
            phases.add(new EvaluationSummary.Phase("report", 0, seconds(start)));
            log.accept("report written to " + out);
            return new EvaluationSummary(result, out, phases);
        }

        /** The threshold: chosen on validation, or given and checked on validation. */
        private ThresholdChoice chooseThreshold() throws IOException {
            List<TileRecord> val = dataset.tiles(Split.VAL);
            boolean auto = request.threshold() instanceof ThresholdSpec.Auto;
            if (auto && val.isEmpty()) {
                throw new IllegalArgumentException(
                        "dataset "
                                + request.dataset()
                                + " has no validation tiles to choose the threshold on ("
                                + splitCounts(dataset)
                                + "); give one with --threshold, e.g. --threshold 0.5");
            }
            ValidationScores validation = new ValidationScores();
            predict(
                    "validation split (threshold)",
                    val,
                    (tile, probability) -> validation.add(probability, tile.truth(), tile.valid()));
            if (request.split() == Split.VAL && auto) {
                notes.add(
                        "The evaluated split is the validation split the threshold was chosen"
                                + " on, so these scores are optimistic; evaluate the test split"
                                + " for an unbiased estimate.");
            }
            ThresholdChoice choice;
            if (request.threshold() instanceof ThresholdSpec.Fixed fixed) {
                choice =
                        new ThresholdChoice(
                                fixed.threshold(),
                                "fixed beforehand",
                                validation.histogram().confusion(fixed.threshold()));
            } else {
                choice = ThresholdSelection.f1Best(validation);
                saturationNote(choice.threshold(), validation.histogram()).ifPresent(notes::add);
            }
            log.accept(
                    String.format(
                            Locale.ROOT,
                            "threshold %s (%s; validation F1 %s)",
                            choice.threshold(),
                            choice.rule(),
                            choice.validation().total() == 0
                                    ? ReportText.NOT_AVAILABLE
                                    : ReportText.ratio(choice.validation().f1())));
            return choice;
        }

        /**
         * The spectral baseline fitted on training pixels, or empty (with a note) when the training
         * split has no vessel pixel.
         */
        private Optional<PixelBaseline> fitSpectralBaseline() throws IOException {
            long start = System.nanoTime();
            FittedBaseline fitted =
                    Evaluation.fitSpectralBaseline(dataset, model.descriptor().bands());
            phases.add(
                    new EvaluationSummary.Phase(
                            "spectral baseline fit (train split)",
                            fitted.tilesRead(),
                            seconds(start)));
            notes.add(fitted.note());
            log.accept(
                    fitted.baseline()
                            .map(b -> "spectral baseline: " + b.description())
                            .orElse(
                                    "no spectral baseline: the training split has no vessel pixel"));
            return fitted.baseline().map(b -> b);
        }

        /**
         * Predicts tiles in batches and hands each tile with its probabilities to the sink, logging
         * progress at every tenth of the tiles and timing the phase.
         */
        private void predict(String phase, List<TileRecord> tiles, TileSink sink)
                throws IOException {
            if (tiles.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            int pixels = size * size;
            int inputLength = reader.inputLength();
            int nextReport = 1;
            for (int first = 0; first < tiles.size(); first += batchSize) {
                int n = Math.min(batchSize, tiles.size() - first);
                float[] input = new float[n * inputLength];
                List<TileReader.Tile> batch = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    batch.add(reader.read(tiles.get(first + i), input, i * inputLength));
                }
                float[] probability = model.predict(input, n, size, size);
                for (int i = 0; i < n; i++) {
                    sink.accept(
                            batch.get(i),
                            Arrays.copyOfRange(probability, i * pixels, (i + 1) * pixels));
                }
                int done = first + n;
                if (done * 10L >= (long) nextReport * tiles.size()) {
                    double s = seconds(start);
                    log.accept(
                            String.format(
                                    Locale.ROOT,
                                    "%s: %d/%d tiles, %.0f s, %.0f tiles/s",
                                    phase,
                                    done,
                                    tiles.size(),
                                    s,
                                    done / s));
                    nextReport = (int) (done * 10L / tiles.size()) + 1;
                }
            }
            phases.add(new EvaluationSummary.Phase(phase, tiles.size(), seconds(start)));
        }

        /** Gallery tiles read and predicted again, with their true colour. */
        private List<GalleryTile> gallery(
                List<TileRow> chosen, List<TileRecord> tiles, Threshold threshold)
                throws IOException {
            Map<String, TileRecord> byId = new HashMap<>();
            for (TileRecord t : tiles) {
                byId.put(t.tileId(), t);
            }
            List<GalleryTile> gallery = new ArrayList<>();
            predict(
                    "gallery",
                    chosen.stream().map(w -> byId.get(w.tileId())).toList(),
                    (tile, probability) -> {
                        float[][] rgb = reader.trueColour(tile.record());
                        gallery.add(
                                new GalleryTile(
                                        tile.record().sceneId(),
                                        tile.record().tileId(),
                                        size,
                                        size,
                                        rgb[0],
                                        rgb[1],
                                        rgb[2],
                                        tile.truth(),
                                        threshold.apply(probability, tile.valid()),
                                        probability));
                    });
            return gallery;
        }
    }

    /**
     * The spectral-threshold baseline fitted on a dataset's training tiles, and the sentence for
     * the report saying how it was fitted (or why it could not be).
     *
     * @param baseline the fitted rule; empty when the training split has no vessel pixel
     * @param note one sentence for the report
     * @param tilesRead training tiles read
     */
    public record FittedBaseline(
            Optional<SpectralThresholdBaseline> baseline, String note, int tilesRead) {}

    /**
     * Fits the spectral-threshold baseline on the training tiles of a dataset (at most {@value
     * #MAX_FIT_TILES}, spread over the split; all vessel pixels, about {@value #FIT_WATER_PIXELS}
     * water pixels), for the given bands.
     *
     * @throws IOException when a tile cannot be read
     */
    public static FittedBaseline fitSpectralBaseline(
            DatasetFolder dataset, List<SpectralBand> bands) throws IOException {
        int size = dataset.tileSize();
        List<TileRecord> train = spread(dataset.tiles(Split.TRAIN), MAX_FIT_TILES);
        long water = 0;
        for (TileRecord t : train) {
            water += (long) size * size - t.nodataPixels() - t.vesselPixels();
        }
        double share = water <= FIT_WATER_PIXELS ? 1 : (double) FIT_WATER_PIXELS / water;
        double[] ones = new double[bands.size()];
        Arrays.fill(ones, 1);
        // Only reflectances are read: the normalisation of the inputs plays no part.
        TileReader reader = new TileReader(dataset, new ModelInput(bands, Normalization.max(ones)));
        TrainingSample sample = new TrainingSample(bands.size(), share, FIT_SEED);
        for (TileRecord t : train) {
            TileReader.Tile tile = reader.read(t, null, 0);
            sample.add(tile.reflectance(), tile.truth(), tile.valid());
        }
        int trainTiles = dataset.tiles(Split.TRAIN).size();
        if (sample.vesselPixels() == 0) {
            return new FittedBaseline(
                    Optional.empty(),
                    "No spectral baseline: the training split ("
                            + trainTiles
                            + " tiles) has no vessel pixel to fit it on.",
                    train.size());
        }
        return new FittedBaseline(
                Optional.of(sample.fit(bands)),
                String.format(
                        Locale.ROOT,
                        "The spectral baseline was fitted on %d of the %d training tiles of %s:"
                                + " all %d of their valid vessel pixels and %s of their %d valid"
                                + " water pixels (weighted back to the whole).",
                        train.size(),
                        trainTiles,
                        folderName(dataset.folder()),
                        sample.vesselPixels(),
                        share == 1
                                ? "all"
                                : String.format(Locale.ROOT, "a random %.2f %%", 100 * share),
                        sample.pixelsSeen() - sample.vesselPixels()),
                train.size());
    }

    /**
     * A warning when the chosen threshold lies in the last step of the grid at either end: the
     * pixels that decide it share one or two 0.0001-wide bins, which the grid cannot split (a
     * network trained with a Dice loss pushes its probabilities into them).
     */
    static Optional<String> saturationNote(Threshold chosen, PixelHistogram validation) {
        if (chosen.step() < PixelHistogram.STEPS - 1 && chosen.step() > 1) {
            return Optional.empty();
        }
        boolean top = chosen.step() >= PixelHistogram.STEPS - 1;
        Threshold edge = new Threshold(top ? PixelHistogram.STEPS - 1 : 2);
        ConfusionMatrix m = validation.confusion(edge);
        double vesselShare =
                (double) (top ? m.truePositives() : m.falseNegatives()) / validation.vesselPixels();
        return Optional.of(
                String.format(
                        Locale.ROOT,
                        "The chosen threshold lies at the %s end of the 0.0001 grid: %.1f %% of"
                                + " the validation vessel pixels score %s, where the grid cannot"
                                + " separate them. The network's probabilities are saturated (as a"
                                + " Dice loss tends to leave them); a finer threshold there might"
                                + " do better than the one shown.",
                        top ? "upper" : "lower",
                        100 * vesselShare,
                        top ? "0.9999 or more" : "below 0.0002"));
    }

    /** Up to {@code max} tiles spread evenly over the list, in its order. */
    static List<TileRecord> spread(List<TileRecord> tiles, int max) {
        if (tiles.size() <= max) {
            return tiles;
        }
        List<TileRecord> picked = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            picked.add(tiles.get((int) ((long) i * tiles.size() / max)));
        }
        return picked;
    }

    private static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /**
     * How a model predicts, in words, for the report: its architecture, bands, normalisation and
     * where it was trained.
     */
    public static String describe(ModelDescriptor d) {
        UNetArchitecture a = d.architecture();
        return String.format(
                Locale.ROOT,
                "UNET of %d filters, depth %d%s, %s decoder, on %s, %s normalisation from"
                        + " model.xml; trained by experiment %s on %s",
                a.baseFilters(),
                a.depth(),
                a.batchNorm() ? ", batch norm" : "",
                a.decoder().key(),
                names(d.bands()),
                d.normalization().kind().key(),
                d.experiment(),
                d.datasetName());
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
