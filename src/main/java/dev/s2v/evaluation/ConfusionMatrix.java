package dev.s2v.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Pixel counts of a binary segmentation against the truth, and the ratios made from them.
 *
 * <p>No ratio is ever NaN; an empty denominator means there was nothing to get wrong:
 *
 * <ul>
 *   <li>precision = TP / (TP + FP), or 1 when nothing was predicted (no false alarms);
 *   <li>recall = TP / (TP + FN), or 1 when there was nothing to find;
 *   <li>F1 = Dice = 2TP / (2TP + FP + FN), or 1 when TP = FP = FN = 0;
 *   <li>IoU = TP / (TP + FP + FN), or 1 when TP = FP = FN = 0;
 *   <li>accuracy = (TP + TN) / all, or 1 for no pixels;
 *   <li>false positive rate = FP / (FP + TN), or 0 when there is no background.
 * </ul>
 *
 * So a predictor that says "no vessel" everywhere gets F1 = IoU = 0 as soon as there is one vessel
 * pixel, whatever its accuracy.
 *
 * @param truePositives vessel pixels predicted as vessel
 * @param falsePositives background pixels predicted as vessel
 * @param falseNegatives vessel pixels predicted as background
 * @param trueNegatives background pixels predicted as background
 */
public record ConfusionMatrix(
        long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** Validates the counts. */
    public ConfusionMatrix {
        Ratios.requireCount("truePositives", truePositives);
        Ratios.requireCount("falsePositives", falsePositives);
        Ratios.requireCount("falseNegatives", falseNegatives);
        Ratios.requireCount("trueNegatives", trueNegatives);
    }

    /** The empty matrix. */
    public static ConfusionMatrix empty() {
        return new ConfusionMatrix(0, 0, 0, 0);
    }

    /**
     * Counts a predicted mask against the truth.
     *
     * @param predicted row-major, nonzero = vessel
     * @param truth row-major, nonzero = vessel
     * @param valid row-major, false = not counted (no data); null counts every pixel
     * @throws IllegalArgumentException when the lengths differ
     */
    public static ConfusionMatrix of(byte[] predicted, byte[] truth, boolean[] valid) {
        PixelHistogram.requireSameLength(predicted.length, truth, valid);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (valid != null && !valid[i]) {
                continue;
            }
            boolean p = predicted[i] != 0;
            boolean t = truth[i] != 0;
            if (p && t) {
                tp++;
            } else if (p) {
                fp++;
            } else if (t) {
                fn++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    /** The sum of two matrices (counts of two tiles or scenes). */
    public ConfusionMatrix plus(ConfusionMatrix other) {
        return new ConfusionMatrix(
                truePositives + other.truePositives,
                falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives,
                trueNegatives + other.trueNegatives);
    }

    /** All counted pixels. */
    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    /** Vessel pixels in the truth. */
    public long positives() {
        return truePositives + falseNegatives;
    }

    /** TP / (TP + FP); 1 when nothing was predicted. */
    @JsonProperty
    public double precision() {
        return Ratios.of(truePositives, truePositives + falsePositives, 1);
    }

    /** TP / (TP + FN); 1 when there was nothing to find. */
    @JsonProperty
    public double recall() {
        return Ratios.of(truePositives, truePositives + falseNegatives, 1);
    }

    /** 2TP / (2TP + FP + FN), equal to the Dice coefficient; 1 when TP = FP = FN = 0. */
    @JsonProperty
    public double f1() {
        return Ratios.of(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives, 1);
    }

    /** TP / (TP + FP + FN), the Jaccard index; 1 when TP = FP = FN = 0. */
    @JsonProperty
    public double iou() {
        return Ratios.of(truePositives, truePositives + falsePositives + falseNegatives, 1);
    }

    /** (TP + TN) / all; 1 for no pixels. */
    @JsonProperty
    public double accuracy() {
        return Ratios.of(truePositives + trueNegatives, total(), 1);
    }

    /** FP / (FP + TN); 0 when there is no background. */
    @JsonProperty
    public double falsePositiveRate() {
        return Ratios.of(falsePositives, falsePositives + trueNegatives, 0);
    }
}
