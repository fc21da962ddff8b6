package dev.s2v.evaluation;

/**
 * The model's pixel scores on the validation split, the only thing a threshold may be chosen from
 * ({@link ThresholdSelection}). A type of its own so that the scores of the split being evaluated
 * cannot be handed to the threshold choice by mistake: {@link EvaluationScores} never gives its
 * histogram this type.
 */
public final class ValidationScores {
    private final PixelHistogram histogram = new PixelHistogram();

    /** Empty scores. */
    public ValidationScores() {}

    /**
     * Adds one validation tile.
     *
     * @param probability row-major vessel probabilities, 0..1
     * @param truth row-major, nonzero = vessel
     * @param valid row-major, false = skipped (no data); null when every pixel counts
     * @throws IllegalArgumentException when the lengths differ or a probability is outside 0..1
     */
    public void add(float[] probability, byte[] truth, boolean[] valid) {
        histogram.add(probability, truth, valid);
    }

    /** The histogram of the validation pixels, for reading curves; changes as tiles are added. */
    public PixelHistogram histogram() {
        return histogram;
    }
}
