package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SortedSampleTest {

    @Test
    void sortsAndComputesMomentsByHand() {
        SortedSample s = SortedSample.of(9, 2, 4, 4, 4, 5, 5, 7);
        assertArrayEquals(new double[] {2, 4, 4, 4, 5, 5, 7, 9}, s.values());
        assertEquals(5.0, s.mean(), 1e-12);
        // Squared deviations sum to 32; divisor n - 1 = 7.
        assertEquals(Math.sqrt(32.0 / 7), s.standardDeviation(), 1e-12);
        assertEquals(2, s.min());
        assertEquals(9, s.max());
    }

    @Test
    void quantilesInterpolateBetweenClosestRanks() {
        SortedSample five = SortedSample.of(5, 1, 4, 2, 3);
        assertEquals(2.0, five.quantile(0.25), 1e-12);
        assertEquals(3.0, five.median(), 1e-12);
        // Position (5 - 1) * 0.1 = 0.4: 1 + 0.4 * (2 - 1).
        assertEquals(1.4, five.quantile(0.1), 1e-12);
        assertEquals(2.0, five.interquartileRange(), 1e-12);
        SortedSample four = SortedSample.of(1, 2, 3, 4);
        assertEquals(2.5, four.median(), 1e-12);
        assertEquals(1.75, four.quantile(0.25), 1e-12);
        assertEquals(4.0, four.quantile(1), 1e-12);
    }

    @Test
    void theShareAtOrBelowCountsTiesAndEnds() {
        SortedSample s = SortedSample.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertEquals(0, s.shareAtOrBelow(1.9));
        assertEquals(0.125, s.shareAtOrBelow(2));
        assertEquals(0.5, s.shareAtOrBelow(4));
        assertEquals(0.5, s.shareAtOrBelow(4.5));
        assertEquals(1, s.shareAtOrBelow(9));
        assertTrue(Double.isNaN(SortedSample.empty().shareAtOrBelow(0)));
    }

    @Test
    void emptyAndSingleSamplesAreDefinedWhereTheyCanBe() {
        assertTrue(Double.isNaN(SortedSample.empty().median()));
        assertTrue(Double.isNaN(SortedSample.empty().mean()));
        assertEquals(0, SortedSample.of(3).standardDeviation());
        assertEquals(3, SortedSample.of(3).quantile(0.9));
    }

    @Test
    void refusesNonFiniteValuesAndBadQuantiles() {
        assertThrows(IllegalArgumentException.class, () -> SortedSample.of(1, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> SortedSample.of(1).quantile(1.5));
    }
}
