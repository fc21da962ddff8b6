package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.Natives;
import dev.s2v.raster.SpectralBand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rendering's internal contract: native bands are area means of one 10 m rendering. */
@Tag("native")
class SceneRendererTest {
    // 130 is no multiple of 6: the last 60 m pixel is partial (5 x 10 m wide).
    private static final int SIZE = 130;
    private static final int OFFSET = -1000;

    private static ScenePlan plan;
    private static SceneRenderer renderer;
    private static SceneRenderer.Rendered rendered;
    private static float[][] toa;

    @BeforeAll
    static void render() {
        Natives.assumeGdal();
        plan = ScenePlanner.plan(20240521L, SIZE, "05.09", 1.0);
        renderer = new SceneRenderer(plan);
        rendered = renderer.render(OFFSET);
        toa = renderer.render10m(0, SIZE);
    }

    /**
     * Every band's DN is the rounding of (area mean of the 10 m rendering over its native pixel +
     * that pixel's sensor noise) * 10000 - RADIO_ADD_OFFSET: 20 m and 60 m bands are exactly the 2
     * x 2 and 6 x 6 means (fewer at the partial edge), up to DN rounding.
     */
    @ParameterizedTest
    @EnumSource(SpectralBand.class)
    void nativeBandsAreAreaMeansOfTheTenMetreRendering(SpectralBand band) {
        int f = band.factorTo10m();
        int nativeSize = (SIZE + f - 1) / f;
        short[] dn = rendered.digitalNumbers().get(band);
        assertEquals(nativeSize * nativeSize, dn.length);
        float[] tenMetre = toa[band.bandId()];
        for (int nr = 0; nr < nativeSize; nr++) {
            for (int nc = 0; nc < nativeSize; nc++) {
                double sum = 0;
                int count = 0;
                for (int r = nr * f; r < Math.min(SIZE, nr * f + f); r++) {
                    for (int c = nc * f; c < Math.min(SIZE, nc * f + f); c++) {
                        sum += tenMetre[r * SIZE + c];
                        count++;
                    }
                }
                int value = dn[nr * nativeSize + nc] & 0xFFFF;
                double centre = (nc + 0.5) * f * 10;
                if (plan.fields().noData(centre, (nr + 0.5) * f * 10)) {
                    assertEquals(0, value, "outside the swath");
                    continue;
                }
                double mean = sum / count;
                double expected = mean + renderer.sensorNoise(band, nc, nr, mean);
                double reflectance = (value + OFFSET) / 10000.0;
                assertEquals(
                        expected,
                        reflectance,
                        0.5e-4 + 1e-9,
                        band + " pixel (" + nc + ", " + nr + "), DN " + value);
            }
        }
    }

    @Test
    void sensorNoiseHasTheStatedSpread() {
        // At reflectance 0.1 the standard deviation of B02 is 0.0005 (5 DN).
        double squares = 0;
        int n = 0;
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double e = renderer.sensorNoise(SpectralBand.B02, c, r, 0.1);
                squares += e * e;
                n++;
            }
        }
        assertEquals(0.0005, Math.sqrt(squares / n), 0.00003);
    }

    @Test
    void theSameSeedRendersTheSameDigitalNumbers() {
        SceneRenderer.Rendered again =
                new SceneRenderer(ScenePlanner.plan(20240521L, SIZE, "05.09", 1.0)).render(OFFSET);
        for (SpectralBand band : SpectralBand.values()) {
            assertArrayEquals(
                    rendered.digitalNumbers().get(band),
                    again.digitalNumbers().get(band),
                    band.name());
        }
    }

    @Test
    void renderingStripByStripEqualsRenderingAtOnce() {
        float[][] strip = renderer.render10m(60, 30);
        for (int b = 0; b < Spectrum.BANDS; b++) {
            for (int i = 0; i < 30 * SIZE; i++) {
                assertEquals(toa[b][60 * SIZE + i], strip[b][i], 0f);
            }
        }
    }

    @Test
    void reflectancesAreTopOfAtmosphereValues() {
        int b02 = SpectralBand.B02.bandId();
        float min = Float.MAX_VALUE;
        for (float v : toa[b02]) {
            min = Math.min(min, v);
        }
        // Path radiance alone puts B02 above about 0.04 anywhere.
        assertTrue(min > 0.04, "darkest B02 " + min);
        assertTrue(rendered.waterPercent() >= 0 && rendered.waterPercent() <= 100);
    }
}
