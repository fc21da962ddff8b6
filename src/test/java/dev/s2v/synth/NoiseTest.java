package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NoiseTest {
    @Test
    void coarseAndFineOctavesAddUpToTheWholeSum() {
        for (int i = 0; i < 200; i++) {
            double x = i * 0.37;
            double y = i * -0.91;
            double whole = Noise.octaves(5, x, y, 0, 8);
            double split = Noise.octaves(5, x, y, 0, 3) + Noise.octaves(5, x, y, 3, 5);
            assertEquals(whole, split, 1e-12);
            assertTrue(Math.abs(Noise.octaves(5, x, y, 3, 5)) <= Noise.amplitudeSum(3, 5));
        }
        // 1/8 + 1/16 + 1/32 + 1/64 + 1/128
        assertEquals(0.2421875, Noise.amplitudeSum(3, 5), 0);
    }

    @Test
    void gradientNoiseIsZeroOnTheLatticeAndBounded() {
        assertEquals(0, Noise.gradient(9, 3, -4), 0);
        for (int i = 0; i < 1000; i++) {
            double v = Noise.gradient(9, i * 0.173, i * 0.071);
            assertTrue(Math.abs(v) <= 1.001, "gradient noise " + v);
        }
    }

    @Test
    void hashedGaussianHasUnitVariance() {
        double sum = 0;
        double squares = 0;
        int n = 20000;
        for (int i = 0; i < n; i++) {
            double g = Noise.gaussian(3, 1, i, i / 7);
            sum += g;
            squares += g * g;
        }
        assertEquals(0, sum / n, 0.03);
        assertEquals(1, squares / n, 0.04);
    }
}
