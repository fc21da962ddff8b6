package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapPageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two vessels; the second carries text that would break out of a script block if pasted. */
    static final String VESSELS =
            """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature",
               "geometry": {"type": "Polygon", "coordinates": [[[10.0, 52.0], [10.001, 52.0],
                   [10.001, 52.0005], [10.0, 52.0]]]},
               "properties": {"id": 1, "lon": 10.0007, "lat": 52.0002, "length_m": 85.4,
                   "width_m": 17.9, "heading_deg": 47.2, "area_m2": 1200, "pixels": 12,
                   "mean_probability": 0.81, "max_probability": 0.97}},
              {"type": "Feature", "geometry": null,
               "properties": {"id": 2, "lon": 10.02, "lat": 52.01,
                   "note": "</script><script>alert(1)</script> <!-- & é"}}
            ]}
            """;

    @TempDir Path dir;

    static byte[] tinyPng() {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, 0xff336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static MapLayer layer(String name) {
        return new MapLayer(name, tinyPng(), 52.0, 10.0, 52.03, 10.05);
    }

    static MapContent content(String productId, String modelName, String vessels) {
        return new MapContent(
                productId,
                "2024-05-01T10:20:21.024+02:00",
                "Contains modified Copernicus Sentinel data 2024",
                modelName,
                0.45,
                layer("True colour"),
                List.of(layer("Vessel probability"), layer("Vessel <i>mask</i>")),
                vessels,
                vessels.split("\"Feature\"").length - 1);
    }

    private String write(MapContent content) throws IOException {
        Path page = dir.resolve("map/index.html");
        MapPage.write(page, content);
        try (Stream<Path> files = Files.list(page.getParent())) {
            assertEquals(List.of(page), files.toList(), "only the page, no partial file");
        }
        return Files.readString(page);
    }

    @Test
    void inlinesLeafletAndFetchesNothing() throws IOException {
        String html = write(content("S2B_MSIL1C_TEST", "quickstart", VESSELS));

        String leaflet = resource("/META-INF/resources/webjars/leaflet/1.9.4/dist/leaflet.js");
        String withoutSourceMap = leaflet.substring(0, leaflet.indexOf("//# sourceMappingURL"));
        assertTrue(html.contains(withoutSourceMap), "leaflet.js is inlined");
        assertFalse(html.contains("sourceMappingURL"), "no source map is looked for");
        assertTrue(html.contains(".leaflet-control-layers-toggle"), "leaflet.css is inlined");
        assertTrue(html.contains("Copyright (c) 2010-2023, Volodymyr Agafonkin"), "licence kept");
        assertEquals(List.of(), fetchedReferences(html));
    }

    /**
     * Every reference a browser would load: {@code url(...)} in styles that is not a data URI or a
     * fragment, {@code src}/{@code href} values on any tag but a link anchor {@code <a>} that name
     * another file or server, and {@code @import}.
     */
    static List<String> fetchedReferences(String html) {
        List<String> found = new ArrayList<>();
        Matcher css = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)").matcher(html);
        while (css.find()) {
            String target = css.group(1);
            if (!target.startsWith("data:") && !target.startsWith("#")) {
                found.add("url(" + target + ")");
            }
        }
        Matcher attribute =
                Pattern.compile("(?i)\\b(src|href)\\s*=\\s*(['\"])([^'\"]*)\\2").matcher(html);
        while (attribute.find()) {
            String target = attribute.group(3);
            String tag = html.substring(html.lastIndexOf('<', attribute.start()) + 1);
            boolean anchor = tag.matches("(?is)a\\s.*");
            if (!anchor && !target.startsWith("data:") && !target.startsWith("#")) {
                found.add(attribute.group(1) + "=" + target);
            }
        }
        if (html.contains("@import")) {
            found.add("@import");
        }
        return found;
    }

    @Test
    void theFetchScanFindsWhatABrowserWouldLoad() {
        assertEquals(
                List.of("url(images/layers.png)", "src=https://cdn.example/x.js", "href=a.css"),
                fetchedReferences(
                        "<style>a{background:url(images/layers.png)} b{background:url(data:x)}"
                                + "</style><script src=\"https://cdn.example/x.js\"></script>"
                                + "<link rel=stylesheet href='a.css'>"
                                + "<a href=\"https://leafletjs.com\">Leaflet</a>"));
    }

    @Test
    void geoJsonRoundTripsThroughItsScriptBlock() throws IOException {
        String html = write(content("S2B_MSIL1C_TEST", "quickstart", VESSELS));

        Matcher block =
                Pattern.compile(
                                "<script type=\"application/json\" id=\"s2v-vessels\">(.*?)</script>",
                                Pattern.DOTALL)
                        .matcher(html);
        assertTrue(block.find());
        assertEquals(JSON.readTree(VESSELS), JSON.readTree(block.group(1)));
        assertFalse(html.contains("<script>alert(1)"), "no script breaks out of the data block");
        assertFalse(html.contains("<!-- &"));
        assertEquals(count(html, "<script"), count(html, "</script>"), "balanced script tags");
    }

    @Test
    void escapesTextAndShowsTheTitleFacts() throws IOException {
        String html = write(content("S2B <b>\"x\" & y</b>", "model <script>", VESSELS));

        assertTrue(html.contains("S2B &lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;"));
        assertTrue(html.contains("model &lt;script&gt;"));
        assertFalse(html.contains("<b>\"x\""));
        assertFalse(html.contains("model <script>"));
        // Layer names reach the layer switcher as HTML: escaped, then JSON-escaped.
        assertTrue(html.contains("Vessel \\u003ci>mask\\u003c/i>"), "raw name");
        assertTrue(html.contains("Vessel &lt;i&gt;mask&lt;/i&gt;"), "label");
        assertFalse(html.contains("<i>mask"));
        assertTrue(html.contains("<td>2024-05-01 08:20 UTC</td>"), "sensing time in UTC");
        assertTrue(html.contains("<td>0.45</td>"));
        assertTrue(html.contains("<td class=\"s2v-count\">2</td>"));
        assertTrue(html.contains("Copernicus Sentinel data 2024"));
    }

    @Test
    void aMapShowingOnlyTheMostProbableVesselsSaysHowManyWereFound() throws IOException {
        MapContent two = content("S2B_MSIL1C_MANY", "quickstart", VESSELS);
        String html =
                write(
                        new MapContent(
                                two.productId(),
                                two.sensingTime(),
                                two.attribution(),
                                two.modelName(),
                                two.threshold(),
                                two.trueColour(),
                                two.overlays(),
                                two.vesselsGeoJson(),
                                12345));
        assertTrue(
                html.contains("<td class=\"s2v-count\">12345 (the 2 most probable shown)</td>"),
                "the count line");
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new MapContent(
                                two.productId(),
                                two.sensingTime(),
                                two.attribution(),
                                two.modelName(),
                                two.threshold(),
                                two.trueColour(),
                                two.overlays(),
                                two.vesselsGeoJson(),
                                1));
    }

    @Test
    void aSceneWithoutVesselsSaysSo() throws IOException {
        String html =
                write(
                        content(
                                "S2B_MSIL1C_EMPTY",
                                "quickstart",
                                "{\"type\": \"FeatureCollection\", \"features\": []}"));
        assertTrue(html.contains("<td class=\"s2v-count\">none found</td>"));
        assertFalse(html.contains("click a vessel"));
    }

    @Test
    void refusesContentItCannotShow() {
        String empty = "{\"type\": \"FeatureCollection\", \"features\": []}";
        MapLayer base = layer("True colour");
        assertThrows(
                IllegalArgumentException.class,
                () -> new MapContent("p", "yesterday", "c", "m", 0.5, base, List.of(), empty, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> new MapContent("p", "", "c", "m", 1.5, base, List.of(), empty, 0));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new MapContent(
                                "p",
                                "",
                                "c",
                                "m",
                                0.5,
                                base,
                                List.of(layer("True colour")),
                                empty,
                                0));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        new MapContent(
                                "p",
                                "",
                                "c",
                                "m",
                                0.5,
                                base,
                                List.of(),
                                "{\"type\": \"Feature\"}",
                                0));
        IllegalArgumentException noCentroid =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                new MapContent(
                                        "p",
                                        "",
                                        "c",
                                        "m",
                                        0.5,
                                        base,
                                        List.of(),
                                        "{\"type\": \"FeatureCollection\", \"features\": [{\"type\":"
                                                + " \"Feature\", \"properties\": {\"lon\": 10}}]}",
                                        1));
        assertTrue(noCentroid.getMessage().contains("feature 0"), noCentroid.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new MapLayer("x", new byte[] {1, 2, 3}, 52, 10, 53, 11));
        assertThrows(
                IllegalArgumentException.class, () -> new MapLayer("x", tinyPng(), 53, 10, 52, 11));
        assertThrows(
                IllegalArgumentException.class, () -> new MapLayer("x", tinyPng(), 86, 10, 87, 11));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = MapPageTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
