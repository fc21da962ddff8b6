package dev.s2v.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Pixel scores streamed over tiles: a histogram of predicted probabilities per true class, from
 * which the confusion matrix at any {@link Threshold}, the precision-recall and ROC curves, the
 * average precision and the ROC AUC of the whole stream follow. Counts are summed over tiles, never
 * averaged per tile, so a tile with one vessel pixel weighs what its pixels weigh.
 *
 * <p>Probabilities are binned on a grid of {@value #STEPS} steps: bin {@code k = floor(p * 10000)}
 * holds [k/10000, (k+1)/10000), and bin 10000 holds p = 1 exactly (a saturated sigmoid is common).
 * For a float p, {@code p * 10000} is exact in double, so "bin(p) >= k" is exactly "p >= k/10000":
 * the histogram and the masks made with a {@link Threshold} agree pixel for pixel. Scores within
 * one bin count as tied in the curves; see {@link #averagePrecision()} and {@link #rocAuc()} for
 * what that costs.
 *
 * <p>Not thread-safe; use one per thread.
 */
public final class PixelHistogram {
    /** Threshold steps on [0, 1]: the grid spacing is 1 / STEPS = 0.0001. */
    public static final int STEPS = 10_000;

    /** Bins: one per step, plus one for probability 1 exactly. */
    public static final int BINS = STEPS + 1;

    private final long[] vessel = new long[BINS];
    private final long[] background = new long[BINS];

    /** An empty histogram. */
    public PixelHistogram() {}

    /**
     * The bin of a probability.
     *
     * @throws IllegalArgumentException when the probability is outside 0..1 or NaN
     */
    static int bin(float probability) {
        if (!(probability >= 0f && probability <= 1f)) {
            throw new IllegalArgumentException("a probability must be in 0..1, got " + probability);
        }
        return (int) (probability * (double) STEPS);
    }

    /** Fails unless the truth and the optional valid mask have the given length. */
    static void requireSameLength(int length, byte[] truth, boolean[] valid) {
        if (truth.length != length) {
            throw new IllegalArgumentException(
                    "truth mask has " + truth.length + " values, the prediction " + length);
        }
        if (valid != null && valid.length != length) {
            throw new IllegalArgumentException(
                    "valid mask has " + valid.length + " values, the prediction " + length);
        }
    }

    /**
     * Adds the pixels of one tile.
     *
     * @param probability row-major vessel probabilities, 0..1
     * @param truth row-major, nonzero = vessel
     * @param valid row-major, false = skipped (no data); null when every pixel counts
     * @throws IllegalArgumentException when the lengths differ or a counted probability is outside
     *     0..1; the histogram is then unchanged
     */
    public void add(float[] probability, byte[] truth, boolean[] valid) {
        requireSameLength(probability.length, truth, valid);
        // Check every value before counting any, so that a bad value leaves the histogram as it
        // was; a second pass costs less than holding the bins of a whole scene.
        for (int i = 0; i < probability.length; i++) {
            if (valid == null || valid[i]) {
                bin(probability[i]);
            }
        }
        for (int i = 0; i < probability.length; i++) {
            if (valid == null || valid[i]) {
                (truth[i] != 0 ? vessel : background)[bin(probability[i])]++;
            }
        }
    }

    /** Counted pixels. */
    public long pixels() {
        return vesselPixels() + backgroundPixels();
    }

    /** Counted vessel pixels of the truth. */
    public long vesselPixels() {
        return sum(vessel);
    }

    /** Counted background pixels of the truth. */
    public long backgroundPixels() {
        return sum(background);
    }

    /** The confusion matrix of the whole stream at a threshold. */
    public ConfusionMatrix confusion(Threshold threshold) {
        return confusionAt(threshold.step(), atOrAbove(vessel), atOrAbove(background));
    }

    /**
     * Confusion matrices at every step 0..STEPS at once (index = step).
     *
     * <p>Package-private: threshold choice goes through {@link ThresholdSelection}.
     */
    ConfusionMatrix[] confusionAtEveryStep() {
        long[] tp = atOrAbove(vessel);
        long[] fp = atOrAbove(background);
        ConfusionMatrix[] all = new ConfusionMatrix[STEPS + 1];
        for (int step = 0; step <= STEPS; step++) {
            all[step] = confusionAt(step, tp, fp);
        }
        return all;
    }

    private ConfusionMatrix confusionAt(int step, long[] tp, long[] fp) {
        return new ConfusionMatrix(tp[step], fp[step], tp[0] - tp[step], fp[0] - fp[step]);
    }

    /**
     * The precision-recall curve, from the highest threshold down: one point per threshold at which
     * the predicted set changes (a non-empty bin), preceded by the point where nothing is predicted
     * (recall 0, precision 1) at one step above the highest score. Empty when no pixel was counted.
     */
    public List<PrPoint> precisionRecallCurve() {
        List<PrPoint> curve = new ArrayList<>();
        int top = highestNonEmptyBin();
        if (top < 0) {
            return curve;
        }
        long positives = vesselPixels();
        curve.add(new PrPoint(stepValue(top + 1), 0, 1));
        long tp = 0;
        long fp = 0;
        for (int b = top; b >= 0; b--) {
            if (vessel[b] + background[b] > 0) {
                tp += vessel[b];
                fp += background[b];
                ConfusionMatrix m = new ConfusionMatrix(tp, fp, positives - tp, 0);
                curve.add(new PrPoint(stepValue(b), m.recall(), m.precision()));
            }
        }
        return curve;
    }

    /**
     * Average precision as scikit-learn's {@code average_precision_score} defines it: the sum over
     * thresholds, from the highest down, of (recall gained) x (precision there), a step-wise area
     * under the precision-recall curve with no interpolation.
     *
     * <p>Within one bin scores tie; against the exact value on unbinned scores, the error is at
     * most (vessel pixels sharing a bin with another pixel) / (vessel pixels), because only those
     * pixels' precisions can differ, each by at most 1.
     *
     * @return the average precision, or NaN when the truth has no vessel pixel (undefined)
     */
    public double averagePrecision() {
        long positives = vesselPixels();
        if (positives == 0) {
            return Double.NaN;
        }
        double sum = 0;
        long tp = 0;
        long fp = 0;
        for (int b = BINS - 1; b >= 0; b--) {
            tp += vessel[b];
            fp += background[b];
            if (vessel[b] > 0) {
                sum += (double) vessel[b] / positives * ((double) tp / (tp + fp));
            }
        }
        return sum;
    }

    /**
     * The ROC curve, from the highest threshold down: (0, 0) where nothing is predicted, then one
     * point (false positive rate, true positive rate) per non-empty bin, ending at (1, 1). Empty
     * when no pixel was counted.
     */
    public List<RocPoint> rocCurve() {
        List<RocPoint> curve = new ArrayList<>();
        int top = highestNonEmptyBin();
        if (top < 0) {
            return curve;
        }
        long positives = vesselPixels();
        long negatives = backgroundPixels();
        ConfusionMatrix none = new ConfusionMatrix(0, 0, positives, negatives);
        curve.add(new RocPoint(stepValue(top + 1), none.falsePositiveRate(), none.recall()));
        long tp = 0;
        long fp = 0;
        for (int b = top; b >= 0; b--) {
            if (vessel[b] + background[b] > 0) {
                tp += vessel[b];
                fp += background[b];
                ConfusionMatrix m = new ConfusionMatrix(tp, fp, positives - tp, negatives - fp);
                curve.add(new RocPoint(stepValue(b), m.falsePositiveRate(), m.recall()));
            }
        }
        return curve;
    }

    /**
     * The area under the ROC curve (trapezoids), which is the probability that a random vessel
     * pixel scores higher than a random background pixel, ties counting one half (Mann-Whitney).
     *
     * <p>Scores within one bin tie; against the exact value on unbinned scores, the error is at
     * most (vessel-background pairs within one bin) / (vessel pixels x background pixels) / 2.
     *
     * @return the AUC, or NaN when the truth lacks either class (undefined)
     */
    public double rocAuc() {
        long positives = vesselPixels();
        long negatives = backgroundPixels();
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double pairsWon = 0;
        long vesselAbove = 0;
        for (int b = BINS - 1; b >= 0; b--) {
            pairsWon += background[b] * (vesselAbove + vessel[b] / 2.0);
            vesselAbove += vessel[b];
        }
        return pairsWon / positives / negatives;
    }

    private int highestNonEmptyBin() {
        for (int b = BINS - 1; b >= 0; b--) {
            if (vessel[b] + background[b] > 0) {
                return b;
            }
        }
        return -1;
    }

    private static double stepValue(int step) {
        return (double) step / STEPS;
    }

    /** counts[b] + counts[b + 1] + ... at index b, with a 0 at index BINS. */
    private static long[] atOrAbove(long[] counts) {
        long[] cumulative = new long[BINS + 1];
        for (int b = BINS - 1; b >= 0; b--) {
            cumulative[b] = cumulative[b + 1] + counts[b];
        }
        return cumulative;
    }

    private static long sum(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total;
    }
}
