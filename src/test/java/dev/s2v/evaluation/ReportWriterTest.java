package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder of a small end-to-end evaluation. */
class ReportWriterTest {
    private static TestEvaluations.Run run;
    private static Path report;

    @BeforeAll
    static void writeOnce(@TempDir Path dir) throws IOException {
        run = TestEvaluations.run();
        report = dir.resolve("report");
        ReportWriter.write(report, run.result(), run.gallery());
    }

    private static int shown() {
        return run.gallery().worst().size() + run.gallery().farFalseAlarms().size();
    }

    @Test
    void everyFileIsThere() {
        for (String name :
                List.of(
                        ReportWriter.HTML,
                        ReportWriter.MARKDOWN,
                        ReportWriter.JSON,
                        ReportWriter.PER_SCENE,
                        ReportWriter.PER_TILE,
                        ReportWriter.PR_CURVE,
                        ReportWriter.CONFUSION)) {
            assertTrue(Files.isRegularFile(report.resolve(name)), name);
        }
    }

    @Test
    void galleryImagesNameTilesWithoutRepeatingTheirScene() {
        float[] one = {0f};
        byte[] none = {0};
        GalleryTile named =
                new GalleryTile(
                        "S2A_x", "S2A_x_r00064_c00128", 1, 1, one, one, one, none, none, one);
        assertEquals("r00064_c00128", ReportWriter.shortTileId(named));
        GalleryTile other = new GalleryTile("S2A_x", "t7", 1, 1, one, one, one, none, none, one);
        assertEquals("t7", ReportWriter.shortTileId(other));
    }

    @Test
    void farFalseAlarmsHaveTheirOwnGalleryAfterTheWorstTiles() throws IOException {
        int worst = run.gallery().worst().size();
        int far = run.gallery().farFalseAlarms().size();
        assertEquals(2, worst);
        assertTrue(far > 0, "the noisy model raises false alarms on tiles without vessels");
        try (var files = Files.list(report.resolve(ReportWriter.GALLERY))) {
            assertEquals(worst + far, files.count());
        }
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        int section = md.indexOf("## False alarms far from labelled vessels");
        assertTrue(section > md.indexOf("## Worst tiles"));
        assertTrue(md.indexOf(String.format("%02d_", worst + 1)) > section);
        assertTrue(
                Files.readString(report.resolve(ReportWriter.PER_TILE))
                        .lines()
                        .findFirst()
                        .orElseThrow()
                        .endsWith(",far_false_alarms"));
    }

    @Test
    void theNotesAreInBothReports() throws IOException {
        for (String name : List.of(ReportWriter.HTML, ReportWriter.MARKDOWN)) {
            assertTrue(
                    Files.readString(report.resolve(name))
                            .contains("The spectral baseline was fitted on one training tile."),
                    name);
        }
    }

    @Test
    void chartsDecodeAt1200By800() throws IOException {
        for (String name : List.of(ReportWriter.PR_CURVE, ReportWriter.CONFUSION)) {
            BufferedImage image = ImageIO.read(report.resolve(name).toFile());
            assertEquals(1200, image.getWidth(), name);
            assertEquals(800, image.getHeight(), name);
        }
    }

    @Test
    void galleryImagesDecodeWithFourPanels() throws IOException {
        List<Path> images;
        try (Stream<Path> files = Files.list(report.resolve(ReportWriter.GALLERY))) {
            images = files.sorted().toList();
        }
        assertEquals(shown(), images.size());
        GalleryTile first = run.gallery().worst().get(0);
        assertTrue(images.get(0).getFileName().toString().startsWith("01_"), images.toString());
        assertTrue(
                images.get(0).getFileName().toString().matches("[A-Za-z0-9._-]+"),
                "odd characters of ids stay out of file names: " + images.get(0));
        BufferedImage image = ImageIO.read(images.get(0).toFile());
        assertEquals(GalleryRenderer.panelX(first, 4), image.getWidth());
        assertEquals(
                GalleryRenderer.panelY() + 16 * GalleryRenderer.scale(first) + GalleryRenderer.GAP,
                image.getHeight());
    }

    @Test
    void theHtmlIsSelfContained() throws IOException {
        String html = Files.readString(report.resolve(ReportWriter.HTML));
        Matcher refs = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (refs.find()) {
            assertTrue(refs.group(1).startsWith("data:image/png;base64,"), refs.group(1));
            images++;
        }
        assertEquals(2 + shown(), images, "two charts and the gallery");
        assertFalse(html.contains("url("), "no CSS fetches");
        assertFalse(html.contains("<script"), "nothing runs");
    }

    @Test
    void theHtmlStatesTheProtocolAndTheScores() throws IOException {
        String html = Files.readString(report.resolve(ReportWriter.HTML));
        EvaluationResult r = run.result();
        assertTrue(
                html.contains(
                        "Threshold "
                                + r.threshold().threshold()
                                + ", chosen on the validation split only"));
        assertTrue(html.contains("within 5.0 px (50.0 m)"));
        assertTrue(html.contains(ReportText.ratio(r.model().pixels().confusion().f1())));
        assertTrue(html.contains("S2B &lt;scene&gt; 2"), "ids are escaped");
        assertTrue(html.contains("spectral threshold"));
        assertTrue(html.contains("all background"));
        assertTrue(html.contains("25-50 m"));
    }

    @Test
    void theMarkdownLinksOnlyFilesOfTheFolder() throws IOException {
        String md = Files.readString(report.resolve(ReportWriter.MARKDOWN));
        Matcher links = Pattern.compile("!\\[[^\\]]*\\]\\(([^)]+)\\)").matcher(md);
        int count = 0;
        while (links.find()) {
            assertTrue(Files.isRegularFile(report.resolve(links.group(1))), links.group(1));
            count++;
        }
        assertEquals(2 + shown(), count);
        assertTrue(md.contains("| predictor |"));
        // A length class without vessels shows no conventional 1s.
        assertTrue(md.contains("| 50-100 m | 0 | 0 | \u2013 | 0 | 0 | \u2013 | \u2013 |"), md);
    }

    @Test
    void metricsJsonHoldsTheResultWithNullForUndefined() throws IOException {
        JsonNode json = new ObjectMapper().readTree(report.resolve(ReportWriter.JSON).toFile());
        EvaluationResult r = run.result();
        assertEquals(
                r.model().pixels().confusion().f1(),
                json.at("/model/pixels/confusion/f1").asDouble(),
                0);
        assertEquals(
                r.threshold().threshold().value(), json.at("/threshold/threshold").asDouble(), 0);
        assertEquals(5.0, json.at("/settings/matching/radiusPx").asDouble(), 0);
        assertEquals(50.0, json.at("/settings/matchRadiusM").asDouble(), 0);
        JsonNode background = json.at("/baselines/1");
        assertEquals("all background", background.at("/name").asText());
        assertTrue(background.at("/objects/lengthError/meanM").isNull(), "NaN becomes null");
        assertEquals(r.tiles().size(), json.at("/tiles").size());
    }

    @Test
    void csvFilesHaveOneRowPerTileAndScene() throws IOException {
        List<String> tiles = Files.readAllLines(report.resolve(ReportWriter.PER_TILE));
        assertEquals(run.result().tiles().size() + 1, tiles.size());
        assertTrue(tiles.get(0).startsWith("scene_id,tile_id,pixels,vessel_pixels,tp,fp,fn,tn"));
        assertTrue(tiles.get(1).startsWith("\"S2A_scene,1\",tile/0,256,"), tiles.get(1));
        List<String> scenes = Files.readAllLines(report.resolve(ReportWriter.PER_SCENE));
        assertEquals(3, scenes.size());
        TileRow first = run.result().tiles().get(0);
        assertTrue(
                tiles.get(1)
                        .contains(
                                ","
                                        + first.confusion().truePositives()
                                        + ","
                                        + first.confusion().falsePositives()
                                        + ","),
                tiles.get(1));
    }

    @Test
    void anExistingFolderIsRefusedUnlessOverwriting(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Files.createDirectory(out);
        Files.writeString(out.resolve("old.txt"), "old");
        assertThrows(
                FileAlreadyExistsException.class,
                () -> ReportWriter.write(out, run.result(), Gallery.empty()));
        assertTrue(Files.exists(out.resolve("old.txt")), "left alone");

        ReportWriter.write(out, run.result(), Gallery.empty(), true);
        assertFalse(Files.exists(out.resolve("old.txt")), "replaced as a whole");
        assertTrue(Files.isRegularFile(out.resolve(ReportWriter.HTML)));
        assertFalse(Files.exists(out.resolve(ReportWriter.GALLERY)), "no empty gallery folder");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(out), left.toList(), "no temporary folders left behind");
        }
    }
}
