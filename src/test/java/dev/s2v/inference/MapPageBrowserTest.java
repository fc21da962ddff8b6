package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.Natives;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The map page in headless Chromium without network: it renders from disk alone. */
@Tag("browser")
@Tag("native")
class MapPageBrowserTest {
    static final Path OUT = Path.of("target/browser");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final String RENDERED =
            "document.querySelectorAll('img.leaflet-image-layer').length > 0"
                    + " && Array.from(document.querySelectorAll('img.leaflet-image-layer'))"
                    + ".every(i => i.complete && i.naturalWidth > 0)";

    private static final String VECTOR_PANES =
            "document.querySelectorAll('.leaflet-s2v-vessels-pane, .leaflet-s2v-outlines-pane')";

    private static Browser browser;

    @BeforeAll
    static void start() throws IOException {
        Natives.assumeGdal();
        browser = Browser.offline();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    static MapContent content(TestMapScene scene, String vesselsGeoJson) {
        return new MapContent(
                "S2A_MSIL1C_20240501T103021_N0510_R108_T32UNF_20240501T123005",
                "2024-05-01T10:30:21.024Z",
                "Contains modified Copernicus Sentinel data 2024",
                "quickstart",
                0.5,
                MapImages.trueColour(
                        "True colour", scene.grid(), scene.red(), scene.green(), scene.blue()),
                List.of(
                        MapImages.probability(
                                "Vessel probability", scene.grid(), scene.probability()),
                        MapImages.mask("Vessel mask", scene.grid(), scene.mask())),
                vesselsGeoJson,
                vesselsGeoJson.split("\"Feature\"").length - 1);
    }

    @Test
    void showsImageryLayersVesselsAndPopupsWithoutNetwork() throws Exception {
        TestMapScene scene = TestMapScene.create();
        Path page = OUT.resolve("map.html");
        MapPage.write(page, content(scene, scene.vesselsGeoJson()));

        browser.open(page);
        browser.waitFor(
                RENDERED + " && document.querySelectorAll('.s2v-vessel').length === 3", TIMEOUT);
        ChromeDriver driver = (ChromeDriver) browser.driver();

        assertEquals(3, driver.findElements(By.cssSelector("img.leaflet-image-layer")).size());
        String layers =
                driver.findElement(By.cssSelector(".leaflet-control-layers-expanded")).getText();
        for (String name :
                List.of(
                        "True colour",
                        "Vessel probability",
                        "Vessel mask",
                        "Vessel outlines",
                        "Vessels (3)")) {
            assertTrue(layers.contains(name), name + " in the layer switcher: " + layers);
        }
        assertTrue(
                driver.findElement(By.cssSelector(".leaflet-control-scale-line"))
                        .getText()
                        .matches("\\d+ k?m"));
        String title = driver.findElement(By.cssSelector(".s2v-title")).getText();
        assertTrue(title.contains("T32UNF") && title.contains("2024-05-01 10:30 UTC"), title);

        // Each marker sits on its vessel's pixels in the warped mask: with markers and outlines
        // hidden, the mask's magenta shows at every marker's centre.
        List<WebElement> markers = driver.findElements(By.cssSelector("path.s2v-vessel"));
        browser.script(VECTOR_PANES + ".forEach(e => e.style.visibility = 'hidden');");
        BufferedImage shot =
                ImageIO.read(new ByteArrayInputStream(driver.getScreenshotAs(OutputType.BYTES)));
        for (WebElement marker : markers) {
            Rectangle box = marker.getRect();
            int rgb = shot.getRGB(box.x + box.width / 2, box.y + box.height / 2);
            int r = rgb >> 16 & 0xff;
            int g = rgb >> 8 & 0xff;
            int b = rgb & 0xff;
            assertTrue(
                    r > 200 && g < 90 && b > 180,
                    "mask colour under a marker: " + Integer.toHexString(rgb));
        }
        browser.script(VECTOR_PANES + ".forEach(e => e.style.visibility = '');");

        markers.get(0).click();
        // Opened and faded in (Leaflet animates its opacity), so that the screenshot shows it.
        browser.waitFor(
                "document.querySelector('.leaflet-popup-content .s2v-popup')"
                        + " && getComputedStyle(document.querySelector('.leaflet-popup')).opacity"
                        + " === '1'",
                TIMEOUT);
        String popup = driver.findElement(By.cssSelector(".leaflet-popup-content")).getText();
        assertTrue(popup.contains("Vessel 1"), popup);
        assertTrue(popup.contains("Length 120 m"), popup);
        assertTrue(popup.contains("Heading 35°"), popup);
        assertTrue(popup.contains("<b>synthetic</b>"), "markup in attributes stays text: " + popup);
        browser.screenshot(OUT.resolve("map.png"));

        assertEquals(List.of(), browser.errors());
        assertEquals(List.of(), external(browser.requests(), page));
    }

    @Test
    void aSceneWithoutVesselsStillShowsItsImagery() throws Exception {
        TestMapScene scene = TestMapScene.create();
        Path page = OUT.resolve("map-empty.html");
        MapPage.write(page, content(scene, "{\"type\":\"FeatureCollection\",\"features\":[]}"));

        browser.open(page);
        browser.waitFor(RENDERED, TIMEOUT);
        assertTrue(browser.driver().findElements(By.cssSelector(".s2v-vessel")).isEmpty());
        assertTrue(
                browser.driver()
                        .findElement(By.cssSelector(".leaflet-control-layers"))
                        .getText()
                        .contains("Vessels (0)"));
        assertTrue(
                browser.driver()
                        .findElement(By.cssSelector(".s2v-title"))
                        .getText()
                        .contains("none found"));
        browser.screenshot(OUT.resolve("map-empty.png"));
        assertEquals(List.of(), browser.errors());
        assertEquals(List.of(), external(browser.requests(), page));
    }

    /**
     * Requests other than the page itself and Chromium's own start page (chrome:// and the data
     * URIs it and the page use), and any that failed.
     */
    private static List<Browser.Request> external(List<Browser.Request> requests, Path page) {
        String self = page.toAbsolutePath().toUri().toString();
        return requests.stream()
                .filter(
                        r ->
                                r.failed()
                                        || !(r.url().equals(self)
                                                || r.url().startsWith("chrome://")
                                                || r.url().startsWith("data:")))
                .toList();
    }
}
