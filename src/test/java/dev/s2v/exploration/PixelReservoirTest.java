package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PixelReservoirTest {

    @Test
    void keepsThePixelsOfTheLargestKeysInKeyOrder() {
        PixelReservoir r = new PixelReservoir(3, 2);
        double[] keys = {-0.5, -0.1, -0.9, -0.3, -0.05, -0.7};
        for (int i = 0; i < keys.length; i++) {
            r.offer(keys[i], new float[] {i, 10 * i}, 0);
        }
        assertEquals(3, r.size());
        assertEquals(-0.3, r.threshold());
        float[][] kept = r.byBand();
        // Keys -0.05, -0.1, -0.3 belong to pixels 4, 1, 3.
        assertArrayEquals(new float[] {4, 1, 3}, kept[0]);
        assertArrayEquals(new float[] {40, 10, 30}, kept[1]);
    }

    @Test
    void isOpenUntilFull() {
        PixelReservoir r = new PixelReservoir(2, 1);
        assertEquals(Double.NEGATIVE_INFINITY, r.threshold());
        r.offer(-1, new float[] {1}, 0);
        assertEquals(Double.NEGATIVE_INFINITY, r.threshold());
        r.offer(-2, new float[] {2}, 0);
        assertEquals(-2, r.threshold());
    }

    @Test
    void mergingEqualsOneReservoirOverAllPixels() {
        SplittableRandom random = new SplittableRandom(4);
        PixelReservoir whole = new PixelReservoir(50, 1);
        PixelReservoir a = new PixelReservoir(50, 1);
        PixelReservoir b = new PixelReservoir(50, 1);
        for (int i = 0; i < 5000; i++) {
            double key = Math.log(1 - random.nextDouble());
            float[] pixel = {i};
            whole.offer(key, pixel, 0);
            (i % 3 == 0 ? a : b).offer(key, pixel, 0);
        }
        a.offerAll(b);
        assertArrayEquals(whole.byBand()[0], a.byBand()[0]);
    }

    @Test
    void equalWeightsSampleUniformly() {
        // Each of 20 pixels should be kept 5 times in 20 of 100 draws of 5: within 4 sigma.
        int[] kept = new int[20];
        SplittableRandom random = new SplittableRandom(11);
        int draws = 4000;
        for (int d = 0; d < draws; d++) {
            PixelReservoir r = new PixelReservoir(5, 1);
            for (int i = 0; i < 20; i++) {
                r.offer(Math.log(1 - random.nextDouble()), new float[] {i}, 0);
            }
            for (float v : r.byBand()[0]) {
                kept[(int) v]++;
            }
        }
        double expected = draws * 5 / 20.0;
        double sigma = Math.sqrt(draws * 0.25 * 0.75);
        for (int count : kept) {
            assertEquals(expected, count, 4 * sigma);
        }
    }

    @Test
    void weightsTiltTheSample() {
        // One pixel of weight 10 among 10 of weight 1, one kept: chosen with probability 1/2.
        SplittableRandom random = new SplittableRandom(2);
        int heavy = 0;
        int draws = 4000;
        for (int d = 0; d < draws; d++) {
            PixelReservoir r = new PixelReservoir(1, 1);
            r.offer(Math.log(1 - random.nextDouble()) / 10, new float[] {1}, 0);
            for (int i = 0; i < 10; i++) {
                r.offer(Math.log(1 - random.nextDouble()), new float[] {0}, 0);
            }
            heavy += (int) r.byBand()[0][0];
        }
        assertEquals(0.5, heavy / (double) draws, 4 * Math.sqrt(0.25 / draws));
    }

    @Test
    void refusesEmptyShapes() {
        assertThrows(IllegalArgumentException.class, () -> new PixelReservoir(0, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new PixelReservoir(2, 1).offerAll(new PixelReservoir(2, 3)));
    }
}
