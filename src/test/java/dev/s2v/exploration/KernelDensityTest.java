package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KernelDensityTest {

    static Stream<SortedSample> samples() {
        Random random = new Random(3);
        double[] normal = new double[5000];
        double[] water = new double[3000];
        for (int i = 0; i < normal.length; i++) {
            normal[i] = 0.1 + 0.02 * random.nextGaussian();
        }
        // Dark water with a few bright cloud pixels far off: a range of 20 bandwidths and more.
        for (int i = 0; i < water.length; i++) {
            water[i] =
                    i % 100 == 0
                            ? 0.8 + 0.05 * random.nextDouble()
                            : 0.03 + 0.004 * random.nextGaussian();
        }
        return Stream.of(
                SortedSample.of(normal),
                SortedSample.of(water),
                SortedSample.of(0.25),
                SortedSample.of(1, 2, 3, 4, 5));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void integratesToOneWithinOnePercent(SortedSample sample) {
        KernelDensity kde = KernelDensity.fit(sample, BandwidthRule.SILVERMAN, 1e-3);
        // An independent grid, not the estimate's own: trapezoids over the whole support.
        double from = kde.lower() - 1;
        double to = kde.upper() + 1;
        int intervals = 400_000;
        double step = (to - from) / intervals;
        double area = 0;
        for (int i = 0; i <= intervals; i++) {
            area += (i == 0 || i == intervals ? 0.5 : 1) * kde.at(from + i * step);
        }
        area *= step;
        assertEquals(1, area, 0.01);
    }

    @Test
    void agreesWithTheExactSumOfKernels() {
        double[] values = {0.1, 0.12, 0.13, 0.2, 0.21, 0.5};
        double h = 0.03;
        KernelDensity kde = KernelDensity.fit(SortedSample.of(values), h);
        // Linear binning and interpolation on a grid of h/8 err most, relatively, in the tails.
        double peak = kde.at(0.12);
        for (double x = 0.0; x <= 0.6; x += 0.01) {
            double exact = 0;
            for (double v : values) {
                double z = (x - v) / h;
                exact += Math.exp(-0.5 * z * z) / (h * Math.sqrt(2 * Math.PI));
            }
            exact /= values.length;
            assertEquals(exact, kde.at(x), 0.005 * exact + 0.001 * peak, "at " + x);
        }
    }

    @Test
    void oneValueGivesANormalDensity() {
        KernelDensity kde = KernelDensity.fit(SortedSample.of(2.0), 0.5);
        assertEquals(1 / (0.5 * Math.sqrt(2 * Math.PI)), kde.at(2.0), 1e-3);
        assertEquals(kde.at(1.6), kde.at(2.4), 1e-9);
        assertEquals(0.5, kde.bandwidth());
        assertEquals(1, kde.sampleSize());
        assertTrue(kde.upper() >= 2.0 + 5 * 0.5);
        assertEquals(0, kde.at(kde.upper() + 1e-9));
        assertEquals(0, kde.at(kde.lower() - 1e-9));
    }

    @Test
    void aSymmetricSampleHasASymmetricDensity() {
        KernelDensity kde = KernelDensity.fit(SortedSample.of(-2, -1, -1, 0, 1, 1, 2), 0.4);
        for (double x = 0; x < 4; x += 0.137) {
            assertEquals(kde.at(-x), kde.at(x), 1e-9 + 1e-6 * kde.at(x));
        }
    }

    @Test
    void theRuleSetsTheBandwidthAboveTheFloor() {
        SortedSample s = SortedSample.of(1, 2, 3, 4, 5);
        assertEquals(
                0.973585, KernelDensity.fit(s, BandwidthRule.SILVERMAN, 0.01).bandwidth(), 1e-6);
        assertEquals(2.0, KernelDensity.fit(s, BandwidthRule.SILVERMAN, 2.0).bandwidth());
        assertEquals(
                1e-4,
                KernelDensity.fit(SortedSample.of(7, 7), BandwidthRule.SCOTT, 1e-4).bandwidth());
        assertTrue(KernelDensity.fit(SortedSample.of(7, 7), BandwidthRule.SCOTT, 1e-4).at(7) > 0);
    }

    @Test
    void refusesEmptySamplesAndBadBandwidths() {
        assertThrows(
                IllegalArgumentException.class, () -> KernelDensity.fit(SortedSample.empty(), 1));
        assertThrows(
                IllegalArgumentException.class, () -> KernelDensity.fit(SortedSample.of(1), 0));
    }
}
