package dev.s2v.inference;

import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.SceneLabels;
import dev.s2v.evaluation.AllBackgroundBaseline;
import dev.s2v.evaluation.ConfusionMatrix;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationResult;
import dev.s2v.evaluation.EvaluationScores;
import dev.s2v.evaluation.EvaluationSettings;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.evaluation.Gallery;
import dev.s2v.evaluation.GalleryTile;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.PixelBaseline;
import dev.s2v.evaluation.PredictorResult;
import dev.s2v.evaluation.ReportWriter;
import dev.s2v.evaluation.Threshold;
import dev.s2v.evaluation.ThresholdChoice;
import dev.s2v.evaluation.TileRow;
import dev.s2v.files.AtomicFiles;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandSources;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code s2v evaluate --product P --labels L}: whole labelled scenes predicted exactly as {@code
 * s2v predict} predicts them and scored by the same pixel and vessel code as the tile report, in
 * the same report format. The report's "tiles" are cells of the model's tile size laid over each
 * scene; vessels are matched over the whole scene (a vessel crossing a cell or strip border is one
 * vessel) and counted in the cell that holds their centroid. Each scene's predictions ({@code
 * probability.tif}, {@code mask.tif}, vectors and map) are kept in the report folder under {@code
 * scenes/}.
 */
public final class SceneEvaluation {
    /** The report folder's sub-folder of per-scene predictions. */
    public static final String SCENES = "scenes";

    /** Cells in the report's gallery of worst cells. */
    private static final int GALLERY_CELLS = 12;

    private SceneEvaluation() {}

    /**
     * A baseline to score beside the model.
     *
     * @param predictor how it predicts
     * @param note how it was made, one sentence for the report
     */
    public record Baseline(PixelBaseline predictor, String note) {}

    /**
     * What to evaluate.
     *
     * @param model the model folder
     * @param scenes the labelled scenes
     * @param scenesName what the report calls the set of scenes (e.g. the folder's name)
     * @param threshold the vessel threshold; empty for the model's own
     * @param matching how predicted vessels are matched to true ones
     * @param windows how scenes are cut into windows
     * @param out the report folder to create
     * @param overwrite whether an existing report folder is replaced
     * @param baseline a baseline scored beside the model and the all-background one (e.g. the
     *     spectral threshold fitted on training tiles), with the report's sentence on how it was
     *     made; or null
     */
    public record Request(
            Path model,
            List<LabelledScene> scenes,
            String scenesName,
            OptionalDouble threshold,
            ObjectMatching matching,
            WindowSettings windows,
            Path out,
            boolean overwrite,
            Baseline baseline) {
        /** Validates that everything is given. */
        public Request {
            if (model == null
                    || scenes == null
                    || scenes.isEmpty()
                    || scenesName == null
                    || threshold == null
                    || matching == null
                    || windows == null
                    || out == null) {
                throw new IllegalArgumentException(
                        "a whole-scene evaluation needs a model, at least one labelled scene, a"
                                + " threshold rule, a matching rule, window settings and a report"
                                + " folder");
            }
            scenes = List.copyOf(scenes);
        }
    }

    /**
     * Evaluates a model on whole scenes and writes the report.
     *
     * @param request what to evaluate
     * @param log receives one line per scene
     * @param progress the progress bar over each scene's windows
     * @return the result, the report folder and the timings
     * @throws FileAlreadyExistsException when the report folder exists and may not be replaced
     * @throws IllegalArgumentException when a product lacks a band of the model, or its labels
     *     cannot be placed on it
     * @throws IOException when a file cannot be read or written
     */
    public static EvaluationSummary run(
            Request request, Consumer<String> log, ProgressMeter progress) throws IOException {
        Path out = request.out().toAbsolutePath().normalize();
        Prediction.requireReplaceable(out, request.overwrite());
        long start = System.nanoTime();
        List<EvaluationSummary.Phase> phases = new ArrayList<>();
        try (TrainedModel model = TrainedModel.load(request.model())) {
            ModelDescriptor descriptor = model.descriptor();
            ScenePredictor predictor = new ScenePredictor(model, request.windows());
            boolean own = request.threshold().isEmpty();
            Threshold threshold =
                    Prediction.vesselThreshold(request.threshold().orElse(descriptor.threshold()));
            double pixelSizeM = Evaluation.PIXEL_SIZE_M;
            EvaluationScores modelScores =
                    new EvaluationScores(threshold, request.matching(), pixelSizeM);
            List<PixelBaseline> baselines = new ArrayList<>();
            if (request.baseline() != null) {
                baselines.add(request.baseline().predictor());
            }
            baselines.add(new AllBackgroundBaseline());
            List<EvaluationScores> baselineScores = new ArrayList<>();
            for (int i = 0; i < baselines.size(); i++) {
                baselineScores.add(
                        new EvaluationScores(
                                EvaluationScores.BINARY, request.matching(), pixelSizeM));
            }
            Path staging = AtomicFiles.stagingFolder(out, "scenes");
            try {
                Map<String, Path> folders = new LinkedHashMap<>();
                Set<String> warnings = new LinkedHashSet<>();
                Map<String, LabelledScene> scenesById = new LinkedHashMap<>();
                for (int i = 0; i < request.scenes().size(); i++) {
                    LabelledScene scene = request.scenes().get(i);
                    long sceneStart = System.nanoTime();
                    try (BandSource source = BandSources.open(scene.product(), scene.stackScale());
                            SceneLabels labels = SceneLabels.open(scene, source.grid(), true)) {
                        Prediction.requireUsable(source, descriptor.bands());
                        if (folders.containsKey(source.sceneId())) {
                            throw new IllegalArgumentException(
                                    scene.product()
                                            + ": scene "
                                            + source.sceneId()
                                            + " is given twice");
                        }
                        Path folder = staging.resolve(ReportWriter.safeName(source.sceneId()));
                        folders.put(source.sceneId(), folder);
                        scenesById.put(source.sceneId(), scene);
                        PixelWindow region =
                                PixelWindow.of(source.grid().width(), source.grid().height());
                        SceneScoring scoring =
                                new SceneScoring(
                                        source.sceneId(),
                                        labels,
                                        region,
                                        threshold,
                                        descriptor.bands(),
                                        descriptor.tileSizePx(),
                                        source.grid().pixelSizeX(),
                                        modelScores,
                                        baselines,
                                        baselineScores);
                        Files.createDirectories(folder);
                        PredictionSummary predicted =
                                Prediction.predictInto(
                                        folder,
                                        sceneRequest(request, scene, folder),
                                        model,
                                        source,
                                        predictor,
                                        threshold,
                                        region,
                                        null,
                                        scoring,
                                        progress,
                                        sceneStart);
                        scoring.finish();
                        for (String warning : predicted.warnings()) {
                            log.accept("warning: " + warning);
                            warnings.add(warning);
                        }
                        double seconds = (System.nanoTime() - sceneStart) / 1e9;
                        phases.add(
                                new EvaluationSummary.Phase(
                                        "scene " + source.sceneId(),
                                        (int) predicted.windowsRun(),
                                        seconds));
                        log.accept(
                                String.format(
                                        Locale.ROOT,
                                        "scene %d/%d %s: %d vessels predicted, %.1f s",
                                        i + 1,
                                        request.scenes().size(),
                                        source.sceneId(),
                                        predicted.vessels(),
                                        seconds));
                    }
                }
                List<PredictorResult> baselineResults = new ArrayList<>();
                for (int i = 0; i < baselines.size(); i++) {
                    baselineResults.add(
                            baselineScores
                                    .get(i)
                                    .result(
                                            baselines.get(i).name(),
                                            baselines.get(i).description()));
                }
                EvaluationResult result =
                        new EvaluationResult(
                                new EvaluationSettings(
                                        Prediction.folderName(request.model()),
                                        request.scenesName(),
                                        EvaluationSettings.WHOLE_SCENES,
                                        pixelSizeM,
                                        request.matching()),
                                new ThresholdChoice(
                                        threshold,
                                        own
                                                ? "from model.xml, fixed when the model was"
                                                        + " trained"
                                                : "fixed beforehand",
                                        ConfusionMatrix.empty()),
                                modelScores.result("model", Evaluation.describe(descriptor)),
                                baselineResults,
                                modelScores.sceneRows(),
                                modelScores.tileRows(),
                                notes(request, predictor, descriptor, warnings));
                long galleryStart = System.nanoTime();
                EvaluationScores.GallerySelection chosen =
                        modelScores.gallery(GALLERY_CELLS, Evaluation.FAR_FALSE_ALARM_TILES);
                Gallery gallery =
                        new Gallery(
                                gallery(
                                        chosen.worst(),
                                        scenesById,
                                        folders,
                                        descriptor.bands(),
                                        descriptor.tileSizePx()),
                                gallery(
                                        chosen.farFalseAlarms(),
                                        scenesById,
                                        folders,
                                        descriptor.bands(),
                                        descriptor.tileSizePx()));
                ReportWriter.write(
                        out,
                        result,
                        gallery,
                        request.overwrite(),
                        folder -> Files.move(staging, folder.resolve(SCENES)));
                phases.add(
                        new EvaluationSummary.Phase(
                                "gallery and report", 0, (System.nanoTime() - galleryStart) / 1e9));
                log.accept("report written to " + out);
                return new EvaluationSummary(result, out, phases);
            } catch (IOException | RuntimeException e) {
                // After a success the scenes were moved into the report; after a failure they go.
                AtomicFiles.discardAfter(staging, e);
                throw e;
            }
        }
    }

    private static PredictRequest sceneRequest(Request request, LabelledScene scene, Path folder) {
        return new PredictRequest(
                request.model(),
                scene.product(),
                folder,
                request.windows(),
                request.threshold(),
                ProbabilityFormat.UINT8,
                new Aoi.Everywhere(),
                scene.stackScale(),
                true);
    }

    private static List<String> notes(
            Request request,
            ScenePredictor predictor,
            ModelDescriptor descriptor,
            Set<String> warnings) {
        List<String> notes = new ArrayList<>(warnings);
        notes.add(
                String.format(
                        Locale.ROOT,
                        "Whole scenes were predicted as s2v predict predicts them (windows of up to"
                                + " %d px overlapping by %d px, only their centres kept). The"
                                + " report's tiles are the %d px cells of each scene; vessels are"
                                + " matched over the whole scene and counted in the cell that"
                                + " holds their centroid. Each scene's predictions and map are in"
                                + " %s/.",
                        request.windows().windowPx(),
                        request.windows().overlapPx(),
                        descriptor.tileSizePx(),
                        SCENES));
        notes.add(
                request.baseline() != null
                        ? request.baseline().note()
                        : "The spectral-threshold baseline is fitted on training tiles and is"
                                + " scored by the tile evaluation (s2v evaluate --dataset) and by s2v"
                                + " compare.");
        return notes;
    }

    /**
     * Gallery cells with their true colour, truth, prediction and probability, read back from the
     * products, the labels and the predicted rasters.
     */
    private static List<GalleryTile> gallery(
            List<TileRow> chosen,
            Map<String, LabelledScene> scenes,
            Map<String, Path> folders,
            List<SpectralBand> modelBands,
            int cellPx)
            throws IOException {
        List<GalleryTile> tiles = new ArrayList<>();
        for (TileRow row : chosen) {
            LabelledScene scene = scenes.get(row.sceneId());
            try (BandSource source = BandSources.open(scene.product(), scene.stackScale());
                    SceneLabels labels = SceneLabels.open(scene, source.grid(), true)) {
                tiles.add(
                        cell(
                                row,
                                source,
                                labels,
                                modelBands,
                                folders.get(row.sceneId()),
                                SceneScoring.cellWindow(row.tileId(), cellPx, source.grid())));
            }
        }
        return tiles;
    }

    private static GalleryTile cell(
            TileRow row,
            BandSource source,
            SceneLabels labels,
            List<SpectralBand> modelBands,
            Path folder,
            PixelWindow window)
            throws IOException {
        List<SpectralBand> rgb = List.of(SpectralBand.B04, SpectralBand.B03, SpectralBand.B02);
        List<SpectralBand> colour =
                source.bands().containsAll(rgb) ? rgb : List.of(source.bands().iterator().next());
        BandWindow pixels = source.read(colour, window);
        int n = window.pixelCount();
        byte[] stored = new byte[n];
        float[] probability = new float[n];
        try (RasterDataset raster =
                RasterDataset.open(folder.resolve(PredictionOutputs.PROBABILITY))) {
            raster.readByte(1, window, stored);
        }
        for (int i = 0; i < n; i++) {
            int v = stored[i] & 0xFF;
            probability[i] =
                    v == ProbabilityFormat.UINT8_NO_DATA
                            ? 0
                            : (float) v / ProbabilityFormat.UINT8_SCALE;
        }
        byte[] predicted = new byte[n];
        try (RasterDataset raster = RasterDataset.open(folder.resolve(PredictionOutputs.MASK))) {
            raster.readByte(1, window, predicted);
        }
        for (int i = 0; i < n; i++) {
            predicted[i] = (byte) (predicted[i] == 1 ? 1 : 0);
        }
        byte[] truth = labels.read(window);
        int last = colour.size() - 1;
        return new GalleryTile(
                row.sceneId(),
                row.tileId(),
                window.width(),
                window.height(),
                pixels.band(0),
                pixels.band(Math.min(1, last)),
                pixels.band(last),
                truth,
                predicted,
                probability);
    }
}
