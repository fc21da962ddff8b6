package dev.s2v.evaluation;

import java.util.List;

/**
 * Pixel-level results of one predictor over the evaluated split.
 *
 * @param threshold the threshold of the confusion matrix and the per-tile Dice
 * @param confusion pixel counts of the whole split (summed over tiles) at the threshold
 * @param meanTileDice the mean over tiles of each tile's Dice at the threshold (the original
 *     notebook's metric; a tile without vessels and without predictions scores 1), over tiles with
 *     at least one valid pixel
 * @param tilesCounted tiles in that mean
 * @param averagePrecision step-wise area under the precision-recall curve; NaN without vessels
 * @param rocAuc area under the ROC curve; NaN without both classes
 * @param precisionRecallCurve from the highest threshold down
 * @param rocCurve from the highest threshold down
 */
public record PixelMetrics(
        Threshold threshold,
        ConfusionMatrix confusion,
        double meanTileDice,
        long tilesCounted,
        double averagePrecision,
        double rocAuc,
        List<PrPoint> precisionRecallCurve,
        List<RocPoint> rocCurve) {

    /** Copies the curves. */
    public PixelMetrics {
        precisionRecallCurve = List.copyOf(precisionRecallCurve);
        rocCurve = List.copyOf(rocCurve);
    }
}
