package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SampleDistanceTest {

    @Test
    void distancesOfTwoTinySamplesByHand() {
        // F of {1, 2, 3} and G of {2, 4}: |F - G| is 1/3 on [1, 2), 1/6 on [2, 3), 1/2 on [3, 4),
        // 0 from 4: the largest gap 1/2, the area 1/3 + 1/6 + 1/2 = 1.
        SampleDistance d = SampleDistance.between(SortedSample.of(1, 2, 3), SortedSample.of(2, 4));
        assertEquals(0.5, d.kolmogorovSmirnov(), 1e-12);
        assertEquals(3, d.kolmogorovSmirnovAt());
        assertEquals(1.0, d.wasserstein1(), 1e-12);
        assertTrue(d.defined());
    }

    @Test
    void theSameMeanWithADifferentSpreadIsStillFarApart() {
        // {0, 10} and {4, 6}: |F - G| is 1/2 on [0, 4) and on [6, 10): area 2 + 2 = 4.
        SampleDistance d = SampleDistance.between(SortedSample.of(0, 10), SortedSample.of(4, 6));
        assertEquals(0.5, d.kolmogorovSmirnov(), 1e-12);
        assertEquals(0, d.kolmogorovSmirnovAt(), "the first of the largest gaps");
        assertEquals(4.0, d.wasserstein1(), 1e-12);
    }

    @Test
    void identicalSamplesAreZeroApartAndAShiftIsItsSize() {
        Random random = new Random(3);
        double[] a = new double[2000];
        double[] shifted = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = random.nextGaussian();
            shifted[i] = a[i] + 0.25;
        }
        SortedSample s = SortedSample.of(a);
        assertEquals(new SampleDistance(0, s.min(), 0), SampleDistance.between(s, s));
        SampleDistance d = SampleDistance.between(s, SortedSample.of(shifted));
        assertEquals(0.25, d.wasserstein1(), 1e-9);
        // Swapping the samples changes nothing.
        assertEquals(d, SampleDistance.between(SortedSample.of(shifted), s));
        // Samples that do not overlap: every threshold between them splits them completely.
        SampleDistance apart =
                SampleDistance.between(SortedSample.of(1, 2, 3), SortedSample.of(10, 11));
        assertEquals(1.0, apart.kolmogorovSmirnov());
        assertEquals(3, apart.kolmogorovSmirnovAt());
        assertEquals(10.5 - 2, apart.wasserstein1(), 1e-12);
    }

    @Test
    void tiesAcrossTheSamplesCancel() {
        // F of {1, 1, 2} and G of {1, 2, 2}: 2/3 and 1/3 on [1, 2), equal from 2 on.
        SampleDistance d =
                SampleDistance.between(SortedSample.of(1, 1, 2), SortedSample.of(1, 2, 2));
        assertEquals(1.0 / 3, d.kolmogorovSmirnov(), 1e-12);
        assertEquals(1.0 / 3, d.wasserstein1(), 1e-12);
    }

    @Test
    void anEmptySampleLeavesBothUndefinedAndBadValuesAreRefused() {
        SampleDistance none = SampleDistance.between(SortedSample.empty(), SortedSample.of(1));
        assertTrue(Double.isNaN(none.kolmogorovSmirnov()));
        assertTrue(Double.isNaN(none.wasserstein1()));
        assertTrue(Double.isNaN(none.kolmogorovSmirnovAt()));
        assertFalse(none.defined());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new SampleDistance(1.5, 0, 0));
        assertEquals("the Kolmogorov-Smirnov statistic must be in 0..1, got 1.5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new SampleDistance(0.5, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> new SampleDistance(Double.NaN, 0, 1));
    }
}
