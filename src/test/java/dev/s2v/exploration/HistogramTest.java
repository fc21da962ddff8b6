package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HistogramTest {

    @Test
    void countsByHand() {
        SortedSample s = SortedSample.of(0.0, 0.1, 0.24, 0.25, 0.5, 0.99, 1.0, -0.1, 1.5);
        Histogram h = Histogram.of(s, 0, 1, 4);
        // [0, .25): 0, .1, .24; [.25, .5): .25; [.5, .75): .5; [.75, 1]: .99, 1.0 (closed right).
        assertArrayEquals(new long[] {3, 1, 1, 2}, h.counts());
        assertEquals(1, h.below());
        assertEquals(1, h.above());
        assertEquals(0.25, h.binWidth(), 1e-12);
        assertEquals(0.75, h.edge(3), 1e-12);
        assertEquals(1.0, h.edge(4));
        // 3 of 9 values in a bin 0.25 wide.
        assertEquals(3 / (9 * 0.25), h.density(0), 1e-12);
    }

    @Test
    void countsEqualTheSampleSize() {
        Random random = new Random(9);
        double[] v = new double[12_345];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextGaussian();
        }
        SortedSample s = SortedSample.of(v);
        Histogram all = Histogram.of(s, s.min(), s.max(), 80);
        assertEquals(s.size(), all.inRange());
        assertEquals(s.size(), all.total());
        double area = 0;
        for (int b = 0; b < all.bins(); b++) {
            area += all.density(b) * all.binWidth();
        }
        assertEquals(1, area, 1e-9);
        Histogram clipped = Histogram.of(s, -1, 1, 50);
        assertEquals(s.size(), clipped.inRange() + clipped.below() + clipped.above());
    }

    @Test
    void anEmptySampleHasZeroDensity() {
        Histogram h = Histogram.of(SortedSample.empty(), 0, 1, 3);
        assertEquals(0, h.total());
        assertEquals(0, h.density(1));
    }

    @Test
    void refusesBadRanges() {
        assertThrows(
                IllegalArgumentException.class, () -> Histogram.of(SortedSample.of(1), 1, 1, 3));
        assertThrows(
                IllegalArgumentException.class, () -> Histogram.of(SortedSample.of(1), 0, 1, 0));
    }
}
