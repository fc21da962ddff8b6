package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeparabilityTest {

    @Test
    void aucCountsWinsAndHalfTiesByHand() {
        // Pairs (vessel, background): 3 > 1, 3 > 2, 3 = 3 (1/2), 4 > 1, 2, 3: 5.5 of 6.
        double auc = Separability.auc(SortedSample.of(3, 4), SortedSample.of(1, 2, 3));
        assertEquals(5.5 / 6, auc, 1e-12);
        // Background brighter than vessels: the complement, 0.5 of 6.
        assertEquals(
                0.5 / 6, Separability.auc(SortedSample.of(1, 2, 3), SortedSample.of(3, 4)), 1e-12);
    }

    @Test
    void aucOfIdenticalAndSeparatedSamples() {
        SortedSample a = SortedSample.of(1, 2, 2, 5);
        assertEquals(0.5, Separability.auc(a, a), 1e-12);
        assertEquals(1.0, Separability.auc(SortedSample.of(5, 6), SortedSample.of(1, 2)));
        assertEquals(0.0, Separability.auc(SortedSample.of(1, 2), SortedSample.of(5, 6)));
        // Swapping the classes mirrors the AUC about 0.5.
        SortedSample b = SortedSample.of(0, 2, 3, 7, 7);
        assertEquals(1, Separability.auc(a, b) + Separability.auc(b, a), 1e-12);
        assertTrue(Double.isNaN(Separability.auc(SortedSample.empty(), b)));
    }

    @Test
    void bhattacharyyaOfDiscreteDistributionsByHand() {
        // p = (1/2, 1/2, 0), q = (0, 1/2, 1/2): BC = sqrt(1/4) = 1/2, distance ln 2.
        double[] p = {1, 1, 0};
        double[] q = {0, 3, 3};
        assertEquals(0.5, Separability.bhattacharyyaCoefficient(p, q), 1e-12);
        assertEquals(Math.log(2), Separability.bhattacharyyaDistance(p, q), 1e-12);
        // p = (0.36, 0.64), q = (0.64, 0.36): BC = 0.48 + 0.48 = 0.96.
        assertEquals(
                -Math.log(0.96),
                Separability.bhattacharyyaDistance(new double[] {36, 64}, new double[] {64, 36}),
                1e-12);
        assertEquals(0, Separability.bhattacharyyaDistance(p, new double[] {2, 2, 0}), 1e-12);
        assertEquals(
                Double.POSITIVE_INFINITY,
                Separability.bhattacharyyaDistance(new double[] {1, 0}, new double[] {0, 1}));
        assertTrue(Double.isNaN(Separability.bhattacharyyaDistance(p, new double[3])));
        assertThrows(
                IllegalArgumentException.class,
                () -> Separability.bhattacharyyaDistance(p, new double[] {1, 1}));
    }

    @Test
    void bhattacharyyaOfTwoDensityEstimatesMatchesTheNormalFormula() {
        Random random = new Random(5);
        double[] a = new double[40_000];
        double[] b = new double[40_000];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
            b[i] = 1 + 2 * random.nextGaussian();
        }
        SortedSample sa = SortedSample.of(a);
        SortedSample sb = SortedSample.of(b);
        KernelDensity fa = KernelDensity.fit(sa, BandwidthRule.SILVERMAN, 1e-6);
        KernelDensity fb = KernelDensity.fit(sb, BandwidthRule.SILVERMAN, 1e-6);
        // The estimates are the samples' laws convolved with N(0, h^2).
        double va =
                sa.standardDeviation() * sa.standardDeviation() + fa.bandwidth() * fa.bandwidth();
        double vb =
                sb.standardDeviation() * sb.standardDeviation() + fb.bandwidth() * fb.bandwidth();
        double dm = sa.mean() - sb.mean();
        double expected =
                dm * dm / (4 * (va + vb)) + 0.5 * Math.log((va + vb) / (2 * Math.sqrt(va * vb)));
        // About 0.1616 for N(0, 1) against N(1, 4).
        assertEquals(0.1616, expected, 0.01);
        assertEquals(expected, Separability.bhattacharyyaDistance(fa, fb), 0.02 * expected);
        assertEquals(0, Separability.bhattacharyyaDistance(fa, fa), 1e-6);
    }

    @Test
    void disjointEstimatesAreInfinitelyFarApart() {
        KernelDensity f = KernelDensity.fit(SortedSample.of(0, 0.01), 0.01);
        KernelDensity g = KernelDensity.fit(SortedSample.of(1, 1.01), 0.01);
        assertEquals(Double.POSITIVE_INFINITY, Separability.bhattacharyyaDistance(f, g));
    }
}
