package dev.s2v.inference;

import dev.s2v.config.BuildInfo;
import dev.s2v.config.YamlFiles;
import dev.s2v.evaluation.PixelHistogram;
import dev.s2v.evaluation.Threshold;
import dev.s2v.files.AtomicFiles;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandSources;
import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.VectorLabels;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code s2v predict}: a model run over a whole product, written as georeferenced rasters, vessel
 * vectors and a map.
 *
 * <p>The product is read strip by strip ({@link ScenePredictor}); each strip goes to {@code
 * probability.tif} and {@code mask.tif} on the product's 10 m grid and CRS (cut to the area of
 * interest), to the object tracker that joins vessels across strips, and to the map's overview.
 * Everything is written into a hidden folder beside the output folder, which is renamed into place
 * only when complete: an interrupted or failed run never leaves an output that looks finished.
 */
public final class Prediction {
    /** The vessels as GeoJSON. */
    public static final String VESSELS_GEOJSON = PredictionOutputs.VESSELS_GEOJSON;

    /** The vessels as CSV. */
    public static final String VESSELS_CSV = PredictionOutputs.VESSELS_CSV;

    /** The map page. */
    public static final String MAP = "map.html";

    /** What was run and what it found. */
    public static final String RECORD = "prediction.yaml";

    private Prediction() {}

    /**
     * Runs a prediction.
     *
     * @param request what to predict
     * @param progress the progress bar over the windows
     * @return what was found and where the time went
     * @throws FileAlreadyExistsException when the output folder exists and may not be replaced
     * @throws java.nio.file.NoSuchFileException when the model or product is missing
     * @throws IllegalArgumentException when the product lacks a band of the model, the area lies
     *     outside the product, or the window does not fit the network
     * @throws IOException when a file cannot be read or written
     */
    public static PredictionSummary run(PredictRequest request, ProgressMeter progress)
            throws IOException {
        Path out = request.out().toAbsolutePath().normalize();
        requireReplaceable(out, request.overwrite());
        long start = System.nanoTime();
        try (TrainedModel model = TrainedModel.load(request.model());
                BandSource source = BandSources.open(request.product(), request.stackScale())) {
            ModelDescriptor descriptor = model.descriptor();
            requireUsable(source, descriptor.bands());
            ScenePredictor predictor = new ScenePredictor(model, request.windows());
            Threshold threshold =
                    vesselThreshold(request.threshold().orElse(descriptor.threshold()));
            Optional<VectorLabels> area = request.aoi().open();
            try {
                PixelWindow region = region(source, area, request.aoi());
                Path staging = AtomicFiles.stagingFolder(out, "partial");
                try {
                    PredictionSummary summary =
                            predictInto(
                                    staging,
                                    request,
                                    model,
                                    source,
                                    predictor,
                                    threshold,
                                    region,
                                    area.orElse(null),
                                    strip -> {},
                                    progress,
                                    start);
                    AtomicFiles.replaceFolder(staging, out);
                    return summary.movedTo(out);
                } catch (IOException | RuntimeException e) {
                    AtomicFiles.discardAfter(staging, e);
                    throw e;
                }
            } finally {
                area.ifPresent(VectorLabels::close);
            }
        }
    }

    /**
     * Predicts a region of a product into a folder: the rasters, the vectors, the map and the
     * record; {@code extra} sees every strip too (e.g. to score it against labels).
     */
    static PredictionSummary predictInto(
            Path folder,
            PredictRequest request,
            TrainedModel model,
            BandSource source,
            ScenePredictor predictor,
            Threshold threshold,
            PixelWindow region,
            VectorLabels area,
            ScenePredictor.StripSink extra,
            ProgressMeter progress,
            long start)
            throws IOException {
        ModelDescriptor descriptor = model.descriptor();
        RasterGrid grid = source.grid().window(region);
        List<SpectralBand> colour = colourBands(source, descriptor.bands());
        List<SpectralBand> read = new ArrayList<>(descriptor.bands());
        colour.stream().filter(b -> !read.contains(b)).forEach(read::add);
        String modelName = folderName(model.folder());
        String sensing = source.sensingTime().map(Instant::toString).orElse("");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("S2V_PRODUCT", source.sceneId());
        metadata.put("S2V_SENSING_TIME", sensing);
        metadata.put("S2V_MODEL", modelName);
        metadata.put("S2V_MODEL_THRESHOLD", Double.toString(descriptor.threshold()));
        metadata.put("S2V_THRESHOLD", threshold.toString());
        metadata.put("S2V_VERSION", BuildInfo.version());
        ScenePredictor.Timings timings;
        int vesselCount;
        List<Vessel> mapVessels;
        Overview overview;
        long validPixels;
        long vesselPixels;
        long finishStart;
        try (PredictionOutputs outputs =
                PredictionOutputs.open(
                        folder,
                        region,
                        grid,
                        threshold,
                        request.probabilityFormat(),
                        colour,
                        metadata)) {
            timings =
                    predictor.run(
                            source,
                            read,
                            region,
                            area == null ? null : window -> area.rasterize(source.grid(), window),
                            strip -> {
                                outputs.accept(strip);
                                extra.accept(strip);
                            },
                            progress);
            finishStart = System.nanoTime();
            outputs.finish();
            vesselCount = outputs.vesselCount();
            mapVessels = outputs.mapVessels();
            overview = outputs.overview();
            validPixels = outputs.validPixels();
            vesselPixels = outputs.vesselPixels();
        }
        MapPage.write(
                folder.resolve(MAP),
                new MapContent(
                        source.sceneId(),
                        sensing,
                        source.attribution()
                                .orElseGet(
                                        () ->
                                                "Contains modified Copernicus Sentinel data"
                                                        + source.sensingTime()
                                                                .map(
                                                                        t ->
                                                                                " "
                                                                                        + t.atZone(
                                                                                                        ZoneOffset
                                                                                                                .UTC)
                                                                                                .getYear())
                                                                .orElse("")),
                        modelName,
                        threshold.value(),
                        trueColour(overview),
                        List.of(
                                MapImages.probability(
                                        "Vessel probability",
                                        overview.grid(),
                                        overview.probability()),
                                MapImages.mask("Vessel mask", overview.grid(), overview.mask())),
                        VesselVectors.featureCollection(mapVessels),
                        vesselCount));
        double writeSeconds = timings.sinkSeconds() + (System.nanoTime() - finishStart) / 1e9;
        List<String> warnings = new ArrayList<>();
        descriptor
                .levelMismatch(source.level(), source.path().getFileName().toString())
                .map(mismatch -> modelName + " " + mismatch)
                .ifPresent(warnings::add);
        if (validPixels == 0) {
            warnings.add(
                    source.path()
                            + ": no pixel of "
                            + request.aoi().describe()
                            + " has data in every band the model reads "
                            + descriptor.bands()
                            + "; the outputs are empty");
        }
        PredictionSummary summary =
                new PredictionSummary(
                        folder,
                        source.sceneId(),
                        vesselCount,
                        vesselPixels,
                        validPixels,
                        (long) region.width() * region.height(),
                        timings.windows(),
                        timings.windowsRun(),
                        timings.decodeSeconds(),
                        timings.modelSeconds(),
                        writeSeconds,
                        (System.nanoTime() - start) / 1e9,
                        warnings);
        writeRecord(folder, request, model, source, grid, region, threshold, predictor, summary);
        return summary;
    }

    /** The map's imagery: true colour where the product has it, else grey. */
    private static MapLayer trueColour(Overview overview) {
        int last = overview.colourBandCount() - 1;
        return MapImages.trueColour(
                "True colour" + (last == 0 ? " (grey)" : ""),
                overview.grid(),
                overview.colour(0),
                overview.colour(Math.min(1, last)),
                overview.colour(last));
    }

    /** B04, B03, B02 when the product has them all, else the model's first band (grey). */
    static List<SpectralBand> colourBands(BandSource source, List<SpectralBand> model) {
        List<SpectralBand> rgb = List.of(SpectralBand.B04, SpectralBand.B03, SpectralBand.B02);
        return source.bands().containsAll(rgb) ? rgb : List.of(model.get(0));
    }

    /**
     * Refuses an output folder that exists, unless it may be replaced and is a folder.
     *
     * @throws FileAlreadyExistsException naming the folder and what to do
     */
    static void requireReplaceable(Path out, boolean overwrite) throws FileAlreadyExistsException {
        if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(
                    out.toString(), null, "is not a folder; choose another --out");
        }
        if (!overwrite) {
            throw new FileAlreadyExistsException(
                    out.toString(), null, "pass --overwrite to replace it, or choose --out");
        }
    }

    /**
     * The vessel threshold on the 0.0001 grid of probabilities that masks and evaluation share.
     *
     * @throws IllegalArgumentException when it rounds to 0 (every pixel a vessel) or 1
     */
    static Threshold vesselThreshold(double probability) {
        Threshold threshold = Threshold.of(probability);
        if (threshold.step() < 1 || threshold.step() >= PixelHistogram.STEPS) {
            throw new IllegalArgumentException(
                    "the threshold "
                            + probability
                            + " rounds to "
                            + threshold
                            + " on the 0.0001 grid of probabilities; choose one from 0.0001 to"
                            + " 0.9999");
        }
        return threshold;
    }

    /**
     * Refuses a product that lacks a band the model reads, or whose grid cannot be measured in
     * metres (vessel lengths, areas and headings need a projected, north-up grid).
     *
     * @throws IllegalArgumentException naming the product, the problem and the fix
     */
    static void requireUsable(BandSource source, List<SpectralBand> bands) {
        CrsTransform.metricProblem(source.grid())
                .ifPresent(
                        problem -> {
                            throw new IllegalArgumentException(
                                    source.path()
                                            + ": "
                                            + problem
                                            + "; s2v measures vessels on a projected grid in"
                                            + " metres: reproject it first, e.g. gdalwarp -t_srs"
                                            + " EPSG:32632 -tr 10 10 (the product's UTM zone)");
                        });
        List<SpectralBand> missing =
                bands.stream().filter(b -> !source.bands().contains(b)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    source.path()
                            + ": has no "
                            + String.join(", ", missing.stream().map(Enum::name).toList())
                            + ", which the model reads (the model: "
                            + bands
                            + "; the product: "
                            + source.bands()
                            + ")");
        }
    }

    /**
     * The pixels to predict: the whole grid, or the window of the grid that holds the area.
     *
     * @throws IllegalArgumentException when the area does not reach the product
     */
    static PixelWindow region(BandSource source, Optional<VectorLabels> area, Aoi aoi)
            throws IOException {
        RasterGrid grid = source.grid();
        if (area.isEmpty()) {
            return PixelWindow.of(grid.width(), grid.height());
        }
        return area.get()
                .pixelBounds(grid)
                .orElseThrow(
                        () ->
                                new IllegalArgumentException(
                                        aoi.describe()
                                                + ": the area of interest lies outside "
                                                + source.path()
                                                + " ("
                                                + grid.crsLabel()
                                                + ", "
                                                + grid.width()
                                                + " x "
                                                + grid.height()
                                                + " px)"));
    }

    private static void writeRecord(
            Path folder,
            PredictRequest request,
            TrainedModel model,
            BandSource source,
            RasterGrid grid,
            PixelWindow region,
            Threshold threshold,
            ScenePredictor predictor,
            PredictionSummary summary)
            throws IOException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("s2v_version", BuildInfo.version());
        record.put("created", Instant.now().toString());
        record.put("product", source.sceneId());
        record.put("product_path", source.path().toAbsolutePath().toString());
        record.put("sensing_time", source.sensingTime().map(Instant::toString).orElse(""));
        record.put("model", folderName(model.folder()));
        record.put("model_path", model.folder().toAbsolutePath().toString());
        record.put("bands", model.descriptor().bands().stream().map(Enum::name).toList());
        record.put("model_threshold", model.descriptor().threshold());
        record.put("threshold", threshold.value());
        record.put("area", request.aoi().describe());
        record.put("crs", grid.crsLabel());
        record.put("region", List.of(region.col(), region.row(), region.width(), region.height()));
        record.put("window_px", predictor.windowsOver(region).windowPx());
        record.put("overlap_px", request.windows().overlapPx());
        record.put("batch", request.windows().batch());
        record.put("probability_format", request.probabilityFormat().key());
        record.put("valid_pixels", summary.validPixels());
        record.put("vessel_pixels", summary.vesselPixels());
        record.put("vessels", summary.vessels());
        record.put(
                "seconds",
                Map.of(
                        "decode", round(summary.decodeSeconds()),
                        "model", round(summary.modelSeconds()),
                        "write", round(summary.writeSeconds())));
        YamlFiles.write(folder.resolve(RECORD), record);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 100) / 100.0;
    }

    /** The last name of a folder's path, e.g. a model's name. */
    static String folderName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /**
     * The summary line a command prints at the end.
     *
     * @param summary what a prediction found
     */
    public static String summaryLine(PredictionSummary summary) {
        return String.format(
                Locale.ROOT,
                "%d %s found in %.1f s (decoding %.1f s, model %.1f s, writing %.1f s); outputs in"
                        + " %s",
                summary.vessels(),
                summary.vessels() == 1 ? "vessel" : "vessels",
                summary.totalSeconds(),
                summary.decodeSeconds(),
                summary.modelSeconds(),
                summary.writeSeconds(),
                summary.folder());
    }
}
