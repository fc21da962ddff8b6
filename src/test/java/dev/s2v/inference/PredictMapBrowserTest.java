package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.model.TestModels;
import dev.s2v.raster.Natives;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.Sentinel2ProductWriter;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TestProducts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The map {@code s2v predict} writes, opened from disk in headless Chromium without network. */
@Tag("browser")
@Tag("native")
class PredictMapBrowserTest {
    private static final List<SpectralBand> BANDS =
            List.of(SpectralBand.B02, SpectralBand.B03, SpectralBand.B04, SpectralBand.B08);

    @TempDir Path dir;

    @Test
    void thePredictedMapLoadsOfflineWithAMarkerPerVessel() throws Exception {
        Natives.assumeGdal();
        // Rows without data split a scene that a constant model calls vessel everywhere into
        // three vessels.
        Path product =
                Sentinel2ProductWriter.write(
                        dir.resolve("p"),
                        TestProducts.spec("05.09", 120, 120),
                        EnumSet.copyOf(BANDS),
                        (band, w, h) -> {
                            short[] dn = new short[w * h];
                            for (int i = 0; i < dn.length; i++) {
                                int row10m = i / w * (120 / h);
                                boolean gap =
                                        (row10m >= 40 && row10m < 44)
                                                || (row10m >= 80 && row10m < 84);
                                dn[i] = gap ? 0 : (short) (1500 + 200 * band.bandId() + i % 7);
                            }
                            return dn;
                        },
                        false);
        Path model =
                TestModels.exportConstant(
                        dir.resolve("constant"),
                        BANDS,
                        32,
                        Normalization.max(new double[] {1, 1, 1, 1}),
                        0.8f);
        Path out = dir.resolve("out");
        PredictionSummary summary =
                Prediction.run(
                        new PredictRequest(
                                model,
                                product,
                                out,
                                new WindowSettings(64, 16, 2),
                                OptionalDouble.empty(),
                                ProbabilityFormat.UINT8,
                                new Aoi.Everywhere(),
                                ScaleRule.auto(),
                                false),
                        ProgressMeter.silent());
        assertEquals(3, summary.vessels());

        try (Browser browser = Browser.offline()) {
            browser.open(out.resolve(Prediction.MAP));
            browser.waitFor(
                    "document.querySelectorAll('.s2v-vessel').length === 3"
                            + " && Array.from(document.querySelectorAll('img.leaflet-image-layer'))"
                            + ".every(i => i.complete && i.naturalWidth > 0)",
                    Duration.ofSeconds(10));
            assertEquals(List.of(), browser.errors(), "no errors in the console");
            assertEquals(3, browser.driver().findElements(By.cssSelector(".s2v-vessel")).size());
            assertTrue(
                    browser.driver().findElements(By.cssSelector(".leaflet-control-scale")).size()
                            == 1);
            Path screenshot = MapPageBrowserTest.OUT.resolve("predict-map.png");
            browser.screenshot(screenshot);
            assertTrue(Files.size(screenshot) > 10_000);
        }
    }
}
