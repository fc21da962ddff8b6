package dev.s2v.evaluation;

import java.util.List;

/**
 * Vessel-level results of one predictor.
 *
 * @param overall all vessels
 * @param byLength per length class, in {@link LengthBin} order
 * @param lengthError predicted - true length of matched vessels
 */
public record ObjectMetrics(
        ObjectScores overall, List<LengthBinScores> byLength, LengthError lengthError) {

    /** Copies the list. */
    public ObjectMetrics {
        byLength = List.copyOf(byLength);
    }
}
