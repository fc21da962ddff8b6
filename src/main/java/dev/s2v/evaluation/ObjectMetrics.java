package dev.s2v.evaluation;

import java.util.List;

/**
 * Vessel-level results of one predictor.
 *
 * @param overall all vessels
 * @param byLength per length class, in {@link LengthBin} order
 * @param lengthError predicted - true length of matched vessels
 * @param falseAlarms the predictions set aside as too short, and the false alarms near and far from
 *     labelled vessels
 */
public record ObjectMetrics(
        ObjectScores overall,
        List<LengthBinScores> byLength,
        LengthError lengthError,
        FalseAlarms falseAlarms) {

    /** Copies the list. */
    public ObjectMetrics {
        byLength = List.copyOf(byLength);
    }
}
