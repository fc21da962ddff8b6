package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void fiveQuantilesOfElevenValuesByHand() {
        // Type 7: position (n - 1) p = 10 p of 1..11 (shuffled), interpolated between neighbours.
        Quantiles q = Quantiles.of(SortedSample.of(7, 3, 11, 1, 9, 5, 2, 10, 4, 8, 6));
        assertArrayEquals(new double[] {1.5, 3.5, 6, 8.5, 10.5}, q.values(), 1e-12);
        assertEquals(6, q.median());
    }

    @Test
    void anEmptySampleHasNoQuantilesAndDecreasingOnesAreRefused() {
        for (double v : Quantiles.of(SortedSample.empty()).values()) {
            assertTrue(Double.isNaN(v));
        }
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new Quantiles(1, 2, 4, 3, 5));
        assertEquals("quantiles must not decrease, got median 4.0 and p75 3.0", e.getMessage());
    }
}
