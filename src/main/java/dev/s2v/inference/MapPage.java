package dev.s2v.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s2v.charts.Pages;
import dev.s2v.files.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the interactive map of one scene as a single HTML file that works offline from disk:
 * Leaflet's script, stylesheet and icons are inlined from its WebJar, the layers are PNG data URIs
 * and the vessels inline GeoJSON, so opening the page fetches nothing.
 *
 * <p>The page shows the true-colour layer (the map opens on it), the overlays and two vessel
 * layers, each with a switch: the outlines (the GeoJSON geometries) and a circle marker per vessel
 * at its {@code lon}/{@code lat} whose popup lists its attributes. A title box names the product,
 * the sensing time, the model, its threshold and the number of vessels; a scale bar is metric.
 */
public final class MapPage {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private MapPage() {}

    /**
     * Writes the page under a temporary name, then renames it to {@code file}.
     *
     * @throws IOException when the file cannot be written
     */
    public static void write(Path file, MapContent content) throws IOException {
        AtomicFiles.writeString(file, html(content));
    }

    /** The page's HTML. */
    static String html(MapContent content) {
        Leaflet leaflet = Leaflet.INSTANCE;
        String sensed = sensed(content.sensingTime());
        int vessels = content.vesselCount();
        StringBuilder html = new StringBuilder(1 << 20);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append(
                        "<meta name=\"viewport\" content=\"width=device-width,"
                                + " initial-scale=1\">\n")
                .append("<title>Vessels · ")
                .append(Pages.escape(content.productId()))
                .append("</title>\n<style>\n")
                .append(leaflet.css)
                .append("</style>\n<style>\n")
                .append(resource("map-page.css"))
                .append("</style>\n<script>\n/*\n")
                .append(leaflet.license)
                .append("*/\n")
                .append(leaflet.js)
                .append("</script>\n</head>\n<body>\n<div id=\"map\"></div>\n");
        html.append("<div id=\"s2v-title\" class=\"s2v-title\">\n")
                .append("<div class=\"s2v-kicker\">s2v · vessel detection</div>\n")
                .append("<h1>")
                .append(Pages.escape(content.productId()))
                .append("</h1>\n<table>\n");
        row(html, "Sensed", sensed.isEmpty() ? "unknown" : sensed, "");
        row(html, "Model", content.modelName(), "");
        row(html, "Threshold", String.format(Locale.ROOT, "%.2f", content.threshold()), "");
        row(
                html,
                "Vessels",
                content.vesselsFound() == 0
                        ? "none found"
                        : vessels == content.vesselsFound()
                                ? Integer.toString(vessels)
                                : String.format(
                                        Locale.ROOT,
                                        "%d (the %d most probable shown)",
                                        content.vesselsFound(),
                                        vessels),
                "s2v-count");
        html.append("</table>\n");
        if (vessels > 0) {
            html.append(
                    "<div class=\"s2v-hint\"><span class=\"s2v-dot\"></span>"
                            + "click a vessel for its attributes</div>\n");
        }
        html.append("</div>\n");
        script(html, "s2v-page", pageJson(content));
        script(html, "s2v-vessels", content.vesselsGeoJson());
        html.append("<script>\n").append(resource("map-page.js")).append("</script>\n");
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private static void row(StringBuilder html, String label, String value, String cssClass) {
        html.append("<tr><th>")
                .append(label)
                .append("</th><td")
                .append(cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"")
                .append(">")
                .append(Pages.escape(value))
                .append("</td></tr>\n");
    }

    /**
     * A JSON data block. Every {@code <} becomes JSON's escape of U+003C, so neither {@code
     * </script>} nor {@code <!--} in a string can end or confuse the block; {@code JSON.parse}
     * gives back the same text.
     */
    private static void script(StringBuilder html, String id, String json) {
        html.append("<script type=\"application/json\" id=\"")
                .append(id)
                .append("\">")
                .append(json.replace("<", "\\u003c"))
                .append("</script>\n");
    }

    private static String pageJson(MapContent content) {
        ObjectNode page = JSON.createObjectNode();
        page.set("base", layerJson(content.trueColour()));
        ArrayNode overlays = page.putArray("overlays");
        content.overlays().forEach(layer -> overlays.add(layerJson(layer)));
        page.put("attribution", content.attribution());
        try {
            return JSON.writeValueAsString(page);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the map's layers", e);
        }
    }

    private static ObjectNode layerJson(MapLayer layer) {
        ObjectNode node = JSON.createObjectNode();
        node.put("name", layer.name());
        // The layer switcher shows its labels as HTML.
        node.put("label", Pages.escape(layer.name()));
        node.put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(layer.png()));
        ArrayNode bounds = node.putArray("bounds");
        bounds.addArray().add(layer.south()).add(layer.west());
        bounds.addArray().add(layer.north()).add(layer.east());
        return node;
    }

    /** The sensing time to the minute, in UTC when it carries an offset; empty when unknown. */
    private static String sensed(String isoTime) {
        if (isoTime.isEmpty()) {
            return "";
        }
        TemporalAccessor time = DateTimeFormatter.ISO_DATE_TIME.parse(isoTime);
        if (time.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(time).withOffsetSameInstant(ZoneOffset.UTC).format(MINUTES)
                    + " UTC";
        }
        return LocalDateTime.from(time).format(MINUTES);
    }

    /** A resource as text; names without a leading slash are relative to this package. */
    private static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = MapPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    /** Leaflet's files from the WebJar on the classpath, made fit to inline. */
    private static final class Leaflet {
        private static final String WEBJAR = "/META-INF/resources/webjars/leaflet/";
        private static final Pattern CSS_IMAGE = Pattern.compile("url\\((images/[^)]+\\.png)\\)");
        // Last: the constructor uses the constants above.
        static final Leaflet INSTANCE = new Leaflet();

        final String js;
        final String css;
        final String license;

        private Leaflet() {
            String root = WEBJAR + version() + "/";
            // The source map is not inlined; without the reference nothing looks for it.
            js = resource(root + "dist/leaflet.js").replaceAll("(?m)^//# sourceMappingURL=.*$", "");
            css = inlineImages(resource(root + "dist/leaflet.css"), root + "dist/");
            license = resource(root + "LICENSE");
        }

        private static String version() {
            Properties properties = new Properties();
            try (InputStream in =
                    MapPage.class.getResourceAsStream(
                            "/META-INF/maven/org.webjars.npm/leaflet/pom.properties")) {
                if (in == null) {
                    throw new IllegalStateException(
                            "Leaflet's WebJar (org.webjars.npm:leaflet) is not on the classpath");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read Leaflet's WebJar properties", e);
            }
            return properties.getProperty("version");
        }

        /** Replaces the stylesheet's relative image URLs (layer and marker icons) by data URIs. */
        private static String inlineImages(String css, String dist) {
            Matcher m = CSS_IMAGE.matcher(css);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String data =
                        "data:image/png;base64,"
                                + Base64.getEncoder().encodeToString(bytes(dist + m.group(1)));
                m.appendReplacement(out, Matcher.quoteReplacement("url(" + data + ")"));
            }
            m.appendTail(out);
            return out.toString();
        }
    }
}
