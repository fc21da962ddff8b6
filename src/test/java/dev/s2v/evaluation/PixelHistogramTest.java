package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Histogram-based curves against hand computations and an exact sort-based reference. */
class PixelHistogramTest {
    private static final double EPS = 1e-12;

    /**
     * Eight pixels in distinct bins, ranked: vessel, water, vessel, vessel, water, vessel, water.
     */
    private static final float[] P = {0.95f, 0.85f, 0.75f, 0.65f, 0.55f, 0.35f, 0.25f, 0.15f};

    private static final byte[] T = {1, 0, 1, 1, 0, 1, 0, 0};

    private static PixelHistogram eightPixels() {
        PixelHistogram h = new PixelHistogram();
        h.add(P, T, null);
        return h;
    }

    @Test
    void confusionAtAThreshold() {
        PixelHistogram h = eightPixels();
        assertEquals(new ConfusionMatrix(3, 2, 1, 2), h.confusion(Threshold.of(0.5)));
        assertEquals(new ConfusionMatrix(4, 4, 0, 0), h.confusion(Threshold.of(0)));
        assertEquals(new ConfusionMatrix(0, 0, 4, 4), h.confusion(Threshold.of(1)));
        assertEquals(8, h.pixels());
        assertEquals(4, h.vesselPixels());
    }

    @Test
    void averagePrecisionByHand() {
        // Vessels at ranks 1, 3, 4, 6: precisions 1, 2/3, 3/4, 4/6, each gaining recall 1/4.
        assertEquals((1 + 2.0 / 3 + 3.0 / 4 + 4.0 / 6) / 4, eightPixels().averagePrecision(), EPS);
    }

    @Test
    void rocAucByHand() {
        // Vessel-water pairs won: 4 + 3 + 3 + 2 of 16.
        assertEquals(12.0 / 16, eightPixels().rocAuc(), EPS);
    }

    @Test
    void precisionRecallCurveByHand() {
        List<PrPoint> curve = eightPixels().precisionRecallCurve();
        assertEquals(9, curve.size());
        assertEquals(new PrPoint(0.95, 0, 1), curve.get(0));
        assertEquals(0.9499, curve.get(1).threshold(), EPS);
        double[][] expected = {
            {0, 1},
            {0.25, 1},
            {0.25, 0.5},
            {0.5, 2.0 / 3},
            {0.75, 0.75},
            {0.75, 0.6},
            {1, 4.0 / 6},
            {1, 4.0 / 7},
            {1, 0.5}
        };
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], curve.get(i).recall(), EPS, "recall " + i);
            assertEquals(expected[i][1], curve.get(i).precision(), EPS, "precision " + i);
        }
    }

    @Test
    void rocCurveByHand() {
        List<RocPoint> curve = eightPixels().rocCurve();
        double[][] expected = {
            {0, 0},
            {0, 0.25},
            {0.25, 0.25},
            {0.25, 0.5},
            {0.25, 0.75},
            {0.5, 0.75},
            {0.5, 1},
            {0.75, 1},
            {1, 1}
        };
        assertEquals(expected.length, curve.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], curve.get(i).falsePositiveRate(), EPS, "fpr " + i);
            assertEquals(expected[i][1], curve.get(i).truePositiveRate(), EPS, "tpr " + i);
        }
    }

    @Test
    void aTieWithinABinCountsHalf() {
        PixelHistogram h = new PixelHistogram();
        h.add(new float[] {0.50001f, 0.50002f, 0.9f}, new byte[] {1, 0, 0}, null);
        // The vessel ties the 0.50002 water pixel (same bin) and loses to 0.9.
        assertEquals(0.25, h.rocAuc(), EPS);
        // Binned, the vessel comes in with the tied water pixel: precision 1/3 at recall 1.
        assertEquals(1.0 / 3, h.averagePrecision(), EPS);
    }

    @Test
    void tilesAccumulateAndInvalidPixelsAreSkipped() {
        PixelHistogram h = new PixelHistogram();
        h.add(new float[] {0.9f, 0.1f}, new byte[] {1, 0}, null);
        h.add(new float[] {0.8f, Float.NaN}, new byte[] {0, 1}, new boolean[] {true, false});
        assertEquals(3, h.pixels());
        assertEquals(new ConfusionMatrix(1, 1, 0, 1), h.confusion(Threshold.of(0.5)));
    }

    @Test
    void withoutVesselsAveragePrecisionAndAucAreUndefined() {
        PixelHistogram h = new PixelHistogram();
        h.add(new float[] {0.2f, 0.7f}, new byte[2], null);
        assertTrue(Double.isNaN(h.averagePrecision()));
        assertTrue(Double.isNaN(h.rocAuc()));
        assertEquals(0.0, h.confusion(Threshold.of(0.5)).f1());
        assertTrue(new PixelHistogram().precisionRecallCurve().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(floats = {-0.001f, 1.001f, Float.NaN, Float.POSITIVE_INFINITY})
    void badProbabilitiesAreRefusedAndLeaveTheHistogramAsItWas(float bad) {
        PixelHistogram h = new PixelHistogram();
        assertThrows(
                IllegalArgumentException.class,
                () -> h.add(new float[] {0.5f, bad}, new byte[] {1, 0}, null));
        assertEquals(0, h.pixels());
    }

    @Test
    void scoresOnDistinctBinsGiveExactlyTheUnbinnedValues() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int n = 2 + random.nextInt(300);
            // Distinct bin centres, so no two pixels share a bin.
            List<Integer> bins = new ArrayList<>();
            for (int b = 0; b < PixelHistogram.STEPS; b++) {
                bins.add(b);
            }
            java.util.Collections.shuffle(bins, random);
            float[] p = new float[n];
            byte[] t = new byte[n];
            for (int i = 0; i < n; i++) {
                p[i] = (float) ((bins.get(i) + 0.5) / PixelHistogram.STEPS);
                t[i] = (byte) (random.nextDouble() < 0.3 + 0.5 * p[i] ? 1 : 0);
            }
            t[0] = 1;
            t[1] = 0;
            PixelHistogram h = new PixelHistogram();
            h.add(p, t, null);
            assertEquals(exactAveragePrecision(p, t), h.averagePrecision(), 1e-12);
            assertEquals(exactRocAuc(p, t), h.rocAuc(), 1e-12);
        }
    }

    @Test
    void randomScoresStayWithinTheStatedBinningBound() {
        Random random = new Random(5);
        for (int trial = 0; trial < 10; trial++) {
            int n = 5_000;
            float[] p = new float[n];
            byte[] t = new byte[n];
            for (int i = 0; i < n; i++) {
                t[i] = (byte) (random.nextDouble() < 0.2 ? 1 : 0);
                p[i] =
                        (float)
                                Math.min(
                                        1,
                                        Math.max(
                                                0,
                                                0.3 + 0.25 * t[i] + 0.2 * random.nextGaussian()));
            }
            PixelHistogram h = new PixelHistogram();
            h.add(p, t, null);
            long[] vessel = new long[PixelHistogram.BINS];
            long[] water = new long[PixelHistogram.BINS];
            for (int i = 0; i < n; i++) {
                (t[i] != 0 ? vessel : water)[PixelHistogram.bin(p[i])]++;
            }
            long positives = 0;
            long sharedPositives = 0;
            double sameBinPairs = 0;
            for (int b = 0; b < PixelHistogram.BINS; b++) {
                positives += vessel[b];
                if (vessel[b] + water[b] > 1) {
                    sharedPositives += vessel[b];
                }
                sameBinPairs += (double) vessel[b] * water[b];
            }
            long negatives = n - positives;
            double apBound = (double) sharedPositives / positives;
            double aucBound = sameBinPairs / positives / negatives / 2;
            double apError = Math.abs(h.averagePrecision() - exactAveragePrecision(p, t));
            double aucError = Math.abs(h.rocAuc() - exactRocAuc(p, t));
            assertTrue(apError <= apBound + 1e-12, apError + " > " + apBound);
            assertTrue(aucError <= aucBound + 1e-12, aucError + " > " + aucBound);
        }
    }

    @Test
    void theHistogramAgreesWithMasksAtEveryThreshold() {
        Random random = new Random(9);
        float[] p = new float[2_000];
        byte[] t = new byte[p.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextFloat();
            t[i] = (byte) random.nextInt(2);
        }
        p[0] = 1f;
        PixelHistogram h = new PixelHistogram();
        h.add(p, t, null);
        for (int step = 0; step <= PixelHistogram.STEPS; step += 97) {
            Threshold threshold = new Threshold(step);
            assertEquals(
                    ConfusionMatrix.of(threshold.apply(p, null), t, null),
                    h.confusion(threshold),
                    "step " + step);
        }
    }

    /** scikit-learn's average_precision_score on exact scores (ties grouped). */
    static double exactAveragePrecision(float[] p, byte[] t) {
        Integer[] order = descending(p);
        long positives = 0;
        for (byte b : t) {
            positives += b != 0 ? 1 : 0;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            long gained = 0;
            while (j < order.length && p[order[j]] == p[order[i]]) {
                gained += t[order[j]] != 0 ? 1 : 0;
                j++;
            }
            tp += gained;
            seen += j - i;
            ap += (double) gained / positives * tp / seen;
            i = j;
        }
        return ap;
    }

    /** Mann-Whitney: share of vessel-water pairs where the vessel scores higher, ties half. */
    static double exactRocAuc(float[] p, byte[] t) {
        double won = 0;
        long pairs = 0;
        for (int i = 0; i < p.length; i++) {
            for (int j = 0; j < p.length; j++) {
                if (t[i] != 0 && t[j] == 0) {
                    pairs++;
                    won += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                }
            }
        }
        return won / pairs;
    }

    private static Integer[] descending(float[] p) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> p[i]).reversed());
        return order;
    }
}
