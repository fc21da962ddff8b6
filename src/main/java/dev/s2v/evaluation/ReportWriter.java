package dev.s2v.evaluation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.s2v.charts.Pages;
import dev.s2v.files.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes an evaluation's report folder:
 *
 * <ul>
 *   <li>{@value #HTML}: one self-contained page (inline CSS, images as data URIs) for the analyst;
 *   <li>{@value #MARKDOWN}: the same tables as Markdown, images linked as files;
 *   <li>{@value #JSON}: the whole {@link EvaluationResult}, undefined numbers as {@code null};
 *   <li>{@value #PER_SCENE} and {@value #PER_TILE}: the model's rows, undefined numbers as "n/a";
 *   <li>{@value #PR_CURVE} and {@value #CONFUSION}: 1200 x 800 charts;
 *   <li>{@value #GALLERY}/: one four-panel PNG per gallery tile, worst first as given.
 * </ul>
 *
 * The folder is written under a temporary name next to its destination and renamed when complete,
 * so it either appears whole or not at all.
 */
public final class ReportWriter {
    /** The HTML report. */
    public static final String HTML = "report.html";

    /** The Markdown report. */
    public static final String MARKDOWN = "report.md";

    /** All numbers as JSON. */
    public static final String JSON = "metrics.json";

    /** The model's scores per scene. */
    public static final String PER_SCENE = "per_scene.csv";

    /** The model's scores per tile. */
    public static final String PER_TILE = "per_tile.csv";

    /** The precision-recall chart. */
    public static final String PR_CURVE = "pr_curve.png";

    /** The confusion matrix chart. */
    public static final String CONFUSION = "confusion.png";

    /** The folder of gallery images. */
    public static final String GALLERY = "gallery";

    private static final String CSS =
            Pages.BASE_CSS
                    + """
                    .wide { overflow-x: auto; }
                    tr.model td { font-weight: 600; background: #fbfbe8; }
                    .note { background: #eef6ee; border-left: 4px solid #3a8a3a; padding: 0.6em 1em; }
                    figcaption { font-size: 0.9em; color: #333; }
                    footer { margin-top: 3em; font-size: 0.85em; color: #666; }
                    """;

    private ReportWriter() {}

    /**
     * Writes the report into a new folder.
     *
     * @param outDir the folder to create
     * @param result what the evaluation found
     * @param gallery tiles to show
     * @throws FileAlreadyExistsException when {@code outDir} exists
     * @throws IOException when a file cannot be written
     */
    public static void write(Path outDir, EvaluationResult result, Gallery gallery)
            throws IOException {
        write(outDir, result, gallery, false);
    }

    /**
     * Writes the report, replacing an existing report folder when told to.
     *
     * @param outDir the folder to create
     * @param result what the evaluation found
     * @param gallery tiles to show
     * @param overwrite whether an existing folder at {@code outDir} is replaced
     * @throws FileAlreadyExistsException when {@code outDir} exists and may not be replaced, or is
     *     not a folder
     * @throws IOException when a file cannot be written
     */
    public static void write(
            Path outDir, EvaluationResult result, Gallery gallery, boolean overwrite)
            throws IOException {
        write(outDir, result, gallery, overwrite, folder -> {});
    }

    /** Adds files of its own to a report folder before the folder appears. */
    @FunctionalInterface
    public interface Attachments {
        /**
         * Writes or moves files into the report folder being built.
         *
         * @throws IOException when they cannot be written
         */
        void addTo(Path folder) throws IOException;
    }

    /**
     * Writes the report with attachments (e.g. the predictions of whole-scene evaluation), which
     * appear in the report folder together with it.
     *
     * @param outDir the folder to create
     * @param result what the evaluation found
     * @param gallery tiles to show
     * @param overwrite whether an existing folder at {@code outDir} is replaced
     * @param attachments adds its files to the folder before it is published
     * @throws FileAlreadyExistsException when {@code outDir} exists and may not be replaced, or is
     *     not a folder
     * @throws IOException when a file cannot be written
     */
    public static void write(
            Path outDir,
            EvaluationResult result,
            Gallery gallery,
            boolean overwrite,
            Attachments attachments)
            throws IOException {
        Path target = outDir.toAbsolutePath().normalize();
        boolean exists = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
        if (exists && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(
                    target.toString(), null, "is not a folder; choose another report folder");
        }
        if (exists && !overwrite) {
            throw new FileAlreadyExistsException(
                    target.toString(),
                    null,
                    "the report folder exists; choose another one or allow overwriting");
        }
        Path staging = AtomicFiles.stagingFolder(target, "tmp");
        try {
            writeAll(staging, result, gallery);
            attachments.addTo(staging);
            AtomicFiles.replaceFolder(staging, target);
        } catch (IOException | RuntimeException e) {
            AtomicFiles.discardAfter(staging, e);
            throw e;
        }
    }

    private static void writeAll(Path dir, EvaluationResult result, Gallery gallery)
            throws IOException {
        byte[] pr = png(EvaluationCharts.precisionRecall(result));
        byte[] confusion = png(EvaluationCharts.confusion(result));
        Files.write(dir.resolve(PR_CURVE), pr);
        Files.write(dir.resolve(CONFUSION), confusion);
        if (!gallery.worst().isEmpty() || !gallery.farFalseAlarms().isEmpty()) {
            Files.createDirectory(dir.resolve(GALLERY));
        }
        List<GalleryImage> worst = writeImages(dir, gallery.worst(), result.tiles(), 1);
        List<GalleryImage> far =
                writeImages(dir, gallery.farFalseAlarms(), result.tiles(), worst.size() + 1);
        Files.writeString(dir.resolve(JSON), jsonMapper().writeValueAsString(result));
        Files.writeString(dir.resolve(PER_SCENE), perSceneCsv(result.scenes()));
        Files.writeString(dir.resolve(PER_TILE), perTileCsv(result.tiles()));
        Files.writeString(dir.resolve(MARKDOWN), new ReportDocument(result, worst, far).markdown());
        Files.writeString(
                dir.resolve(HTML), new ReportDocument(result, worst, far).html(CSS, pr, confusion));
    }

    /** Renders and writes gallery tiles, numbering their files from {@code first}. */
    private static List<GalleryImage> writeImages(
            Path dir, List<GalleryTile> tiles, List<TileRow> rows, int first) throws IOException {
        List<GalleryImage> images = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i++) {
            GalleryTile tile = tiles.get(i);
            String scores = scores(tile, rows);
            String caption = "scene " + tile.sceneId() + ", tile " + tile.tileId() + scores;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(
                    GalleryRenderer.render(tile, "tile " + shortTileId(tile) + scores),
                    "png",
                    bytes);
            String file =
                    GALLERY
                            + "/"
                            + String.format(
                                    Locale.ROOT,
                                    "%02d_%s_%s.png",
                                    first + i,
                                    safeName(tile.sceneId()),
                                    safeName(tile.tileId()));
            Files.write(dir.resolve(file), bytes.toByteArray());
            images.add(new GalleryImage(file, caption, bytes.toByteArray()));
        }
        return images;
    }

    /** A gallery image as written: its relative path, caption and PNG bytes. */
    record GalleryImage(String file, String caption, byte[] png) {}

    private static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** A file name part made of letters, digits, '.', '_' and '-' only. */
    public static String safeName(String text) {
        String safe = text.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.length() > 60 ? safe.substring(0, 60) : safe;
    }

    /**
     * The tile id without its scene id in front (tiles are named after their scene), so that the
     * line drawn above the panels fits.
     */
    static String shortTileId(GalleryTile tile) {
        String prefix = tile.sceneId() + "_";
        return tile.tileId().startsWith(prefix) && tile.tileId().length() > prefix.length()
                ? tile.tileId().substring(prefix.length())
                : tile.tileId();
    }

    /** ": Dice ..., false alarms, misses and vessels" of a tile, or "" without its row. */
    private static String scores(GalleryTile tile, List<TileRow> rows) {
        for (TileRow row : rows) {
            if (row.sceneId().equals(tile.sceneId()) && row.tileId().equals(tile.tileId())) {
                ConfusionMatrix m = row.confusion();
                ObjectScores o = row.objects();
                return String.format(
                        Locale.ROOT,
                        ": Dice %s, %d false-alarm px, %d missed px; vessels %d true, %d"
                                + " predicted, %d matched, %d far false alarms",
                        ReportText.ratio(m.f1()),
                        m.falsePositives(),
                        m.falseNegatives(),
                        o.trueObjects(),
                        o.predictedObjects(),
                        o.matchedTrue(),
                        row.farFalseAlarms());
            }
        }
        return "";
    }

    /** JSON with undefined numbers as null (JSON has no NaN). */
    static ObjectMapper jsonMapper() {
        JsonSerializer<Double> finiteOrNull =
                new JsonSerializer<>() {
                    @Override
                    public void serialize(
                            Double value, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        if (Double.isFinite(value)) {
                            generator.writeNumber(value);
                        } else {
                            generator.writeNull();
                        }
                    }
                };
        SimpleModule module = new SimpleModule("finite-or-null");
        module.addSerializer(Double.class, finiteOrNull);
        module.addSerializer(Double.TYPE, finiteOrNull);
        return new ObjectMapper().registerModule(module).enable(SerializationFeature.INDENT_OUTPUT);
    }

    private static String perSceneCsv(List<SceneRow> scenes) {
        StringBuilder csv =
                new StringBuilder(
                        "scene_id,tiles,"
                                + PIXEL_COLUMNS
                                + ","
                                + VESSEL_COLUMNS
                                + ",vessel_precision,vessel_recall,vessel_f1\n");
        for (SceneRow s : scenes) {
            csv.append(ReportText.csv(s.sceneId()))
                    .append(',')
                    .append(s.tiles())
                    .append(',')
                    .append(pixelCells(s.confusion()))
                    .append(',')
                    .append(vesselCells(s.objects()))
                    .append(',')
                    .append(ReportText.number(s.objects().precision()))
                    .append(',')
                    .append(ReportText.number(s.objects().recall()))
                    .append(',')
                    .append(ReportText.number(s.objects().f1()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String perTileCsv(List<TileRow> tiles) {
        StringBuilder csv =
                new StringBuilder(
                        "scene_id,tile_id,"
                                + PIXEL_COLUMNS
                                + ","
                                + VESSEL_COLUMNS
                                + ",far_false_alarms\n");
        for (TileRow t : tiles) {
            csv.append(ReportText.csv(t.sceneId()))
                    .append(',')
                    .append(ReportText.csv(t.tileId()))
                    .append(',')
                    .append(pixelCells(t.confusion()))
                    .append(',')
                    .append(vesselCells(t.objects()))
                    .append(',')
                    .append(t.farFalseAlarms())
                    .append('\n');
        }
        return csv.toString();
    }

    private static final String PIXEL_COLUMNS =
            "pixels,vessel_pixels,tp,fp,fn,tn,precision,recall,f1,iou";

    private static final String VESSEL_COLUMNS = "true_vessels,predicted_vessels,matched_vessels";

    private static String pixelCells(ConfusionMatrix m) {
        return String.join(
                ",",
                Long.toString(m.total()),
                Long.toString(m.positives()),
                Long.toString(m.truePositives()),
                Long.toString(m.falsePositives()),
                Long.toString(m.falseNegatives()),
                Long.toString(m.trueNegatives()),
                ReportText.number(m.precision()),
                ReportText.number(m.recall()),
                ReportText.number(m.f1()),
                ReportText.number(m.iou()));
    }

    private static String vesselCells(ObjectScores o) {
        return o.trueObjects() + "," + o.predictedObjects() + "," + o.matchedTrue();
    }
}
