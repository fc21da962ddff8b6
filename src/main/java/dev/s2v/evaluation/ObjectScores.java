package dev.s2v.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Object (vessel) detection counts and the ratios made from them.
 *
 * <p>Recall counts true vessels that were matched; precision counts predicted objects that were
 * matched. Overall both matched counts are the number of matched pairs; within a {@link LengthBin}
 * they differ, because true vessels are binned by their true length and predicted objects by their
 * predicted length. The 0/0 rules of {@link ConfusionMatrix} apply: precision is 1 with no
 * predicted object, recall 1 with no true vessel, and F1 (their harmonic mean) is 1 when there is
 * neither.
 *
 * @param trueObjects true vessels
 * @param matchedTrue true vessels matched to a predicted object
 * @param predictedObjects predicted objects
 * @param matchedPredicted predicted objects matched to a true vessel
 */
public record ObjectScores(
        long trueObjects, long matchedTrue, long predictedObjects, long matchedPredicted) {

    /** Validates the counts. */
    public ObjectScores {
        Ratios.requireCount("matchedTrue", matchedTrue);
        Ratios.requireCount("matchedPredicted", matchedPredicted);
        if (matchedTrue > trueObjects || matchedPredicted > predictedObjects) {
            throw new IllegalArgumentException(
                    "matched objects cannot outnumber objects, got "
                            + matchedTrue
                            + " of "
                            + trueObjects
                            + " true and "
                            + matchedPredicted
                            + " of "
                            + predictedObjects
                            + " predicted");
        }
    }

    /** No objects. */
    public static ObjectScores empty() {
        return new ObjectScores(0, 0, 0, 0);
    }

    /** The sum of two sets of counts (two tiles or scenes). */
    public ObjectScores plus(ObjectScores other) {
        return new ObjectScores(
                trueObjects + other.trueObjects,
                matchedTrue + other.matchedTrue,
                predictedObjects + other.predictedObjects,
                matchedPredicted + other.matchedPredicted);
    }

    /** Matched predicted objects / predicted objects; 1 when nothing was predicted. */
    @JsonProperty
    public double precision() {
        return Ratios.of(matchedPredicted, predictedObjects, 1);
    }

    /** Matched true vessels / true vessels; 1 when there was nothing to find. */
    @JsonProperty
    public double recall() {
        return Ratios.of(matchedTrue, trueObjects, 1);
    }

    /** The harmonic mean of precision and recall; 0 when both are 0. */
    @JsonProperty
    public double f1() {
        return Ratios.harmonic(precision(), recall());
    }
}
