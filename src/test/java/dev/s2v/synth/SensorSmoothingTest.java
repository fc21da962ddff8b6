package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SensorSmoothingTest {
    private static final SensorSmoothing.Validity EVERYWHERE = (col, row) -> true;

    private static short[] filled(int n, int value) {
        short[] v = new short[n];
        java.util.Arrays.fill(v, (short) value);
        return v;
    }

    @ParameterizedTest
    @CsvSource({"1, 0.0", "1, 0.7", "2, 0.0", "2, 0.7", "6, 0.5"})
    void aUniformBandStaysUniform(int factor, double sigma) {
        int size = 13;
        int nativeSize = (size + factor - 1) / factor;
        short[] out =
                new SensorSmoothing(size, size, sigma, EVERYWHERE)
                        .toTenMetres(filled(nativeSize * nativeSize, 437), factor);
        assertArrayEquals(filled(size * size, 437), out);
    }

    @Test
    void withoutBlurATenMetreBandIsUnchanged() {
        short[] in = {5, 900, 1, 40000 - 65536, 7, 8, 9, 10, 11};
        short[] out = new SensorSmoothing(3, 3, 0, EVERYWHERE).toTenMetres(in, 1);
        assertArrayEquals(in, out);
    }

    /**
     * A 20 m row [100, 200]: 10 m centres sit a quarter of a native pixel either side of the native
     * centres, so the interior pixels are 0.75 / 0.25 mixes (125, 175) and the edges keep their
     * native value; no pair of 10 m pixels repeats a native value.
     */
    @Test
    void twentyMetreBandsAreInterpolatedNotCopiedInBlocks() {
        short[] in = {100, 200, 100, 200};
        short[] out = new SensorSmoothing(4, 4, 0, EVERYWHERE).toTenMetres(in, 2);
        for (int row = 0; row < 4; row++) {
            assertArrayEquals(
                    new short[] {100, 125, 175, 200},
                    java.util.Arrays.copyOfRange(out, 4 * row, 4 * row + 4),
                    "row " + row);
        }
    }

    @Test
    void theGaussianSpreadsAnImpulseSymmetricallyAndKeepsItsSum() {
        int size = 21;
        short[] in = filled(size * size, 1000);
        in[10 * size + 10] = (short) 11000;
        short[] out = new SensorSmoothing(size, size, 0.7, EVERYWHERE).toTenMetres(in, 1);
        double excess = 0;
        for (short v : out) {
            excess += (v & 0xFFFF) - 1000;
        }
        assertEquals(10000, excess, 30, "the impulse's excess is kept, up to rounding");
        int centre = out[10 * size + 10] & 0xFFFF;
        assertTrue(centre > 3000 && centre < 7000, "centre " + centre);
        assertEquals(out[10 * size + 9], out[10 * size + 11]);
        assertEquals(out[9 * size + 10], out[11 * size + 10]);
        assertEquals(out[10 * size + 9], out[9 * size + 10]);
        assertNotEquals(1000, out[10 * size + 11] & 0xFFFF);
    }

    @Test
    void noDataNeitherBleedsInNorGetsFilled() {
        // Native 20 m band, 4 x 4: the left half has no data; the caller's 10 m grid (8 x 8) has
        // data in its right half only.
        short[] in = new short[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 2; c < 4; c++) {
                in[r * 4 + c] = 500;
            }
        }
        short[] out = new SensorSmoothing(8, 8, 0.8, (col, row) -> col >= 4).toTenMetres(in, 2);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                assertEquals(c >= 4 ? 500 : 0, out[r * 8 + c], "pixel " + c + "," + r);
            }
        }
    }

    @Test
    void validDarkPixelsStayAtLeastOne() {
        short[] in = filled(9, 1);
        in[4] = 0;
        short[] out = new SensorSmoothing(3, 3, 0.6, EVERYWHERE).toTenMetres(in, 1);
        for (short v : out) {
            assertEquals(1, v);
        }
    }

    @Test
    void refusesANativeBandOfTheWrongSize() {
        SensorSmoothing s = new SensorSmoothing(10, 10, 0.5, EVERYWHERE);
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> s.toTenMetres(new short[30], 2));
        assertTrue(e.getMessage().contains("needs 25 values, got 30"), e.getMessage());
    }
}
