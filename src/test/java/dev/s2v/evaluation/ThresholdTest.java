package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Thresholds on the 0.0001 grid and their exact meaning. */
class ThresholdTest {

    @Test
    void valuesSnapToTheGrid() {
        assertEquals(5000, Threshold.of(0.5).step());
        assertEquals(3333, Threshold.of(0.33333).step());
        assertEquals(0.3333, Threshold.of(0.33333).value(), 1e-15);
        assertEquals(10_000, Threshold.of(1).step());
        assertEquals("0.5000", Threshold.of(0.5).toString());
    }

    @Test
    void aPixelIsAVesselExactlyWhenItsProbabilityReachesTheThreshold() {
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            int step = random.nextInt(PixelHistogram.STEPS + 1);
            // Probabilities near the threshold, where rounding would show.
            float p =
                    Math.min(
                            1f,
                            Math.max(
                                    0f,
                                    (float) (step / 1e4)
                                            + (random.nextInt(5) - 2) * Math.ulp(1f) / 2));
            boolean exact = new BigDecimal(p).compareTo(BigDecimal.valueOf(step, 4)) >= 0;
            assertEquals(exact, new Threshold(step).test(p), "p " + p + " step " + step);
        }
    }

    @Test
    void probabilityOneIsAVesselAtThresholdOne() {
        assertTrue(Threshold.of(1).test(1f));
        assertFalse(Threshold.of(1).test(Math.nextDown(1f)));
        assertTrue(Threshold.of(0).test(0f));
    }

    @Test
    void maskKeepsInvalidPixelsOut() {
        float[] p = {0.1f, 0.5f, 0.9f, 0.7f};
        boolean[] valid = {true, true, true, false};
        assertArrayEquals(new byte[] {0, 1, 1, 0}, Threshold.of(0.5).apply(p, valid));
        assertArrayEquals(new byte[] {0, 1, 1, 1}, Threshold.of(0.5).apply(p, null));
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.0001, Double.NaN})
    void thresholdsOutside0To1AreRefused(double value) {
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(value));
    }

    @Test
    void probabilitiesOutside0To1AreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(0.5).test(Float.NaN));
        assertThrows(IllegalArgumentException.class, () -> Threshold.of(0.5).test(1.5f));
        assertThrows(IllegalArgumentException.class, () -> new Threshold(10_001));
    }
}
