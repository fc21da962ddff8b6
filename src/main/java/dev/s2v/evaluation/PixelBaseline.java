package dev.s2v.evaluation;

/**
 * A per-pixel vessel predictor that needs no network, to show what the model adds. Its masks are
 * scored by the same {@link EvaluationScores} as the model, through {@link #scores}.
 */
public interface PixelBaseline {

    /** Short name for tables. */
    String name();

    /** How it predicts, in words. */
    String description();

    /**
     * The vessel mask of a tile.
     *
     * @param bands reflectances, {@code bands[band][pixel]} in the model's band order, NaN = no
     *     data
     * @return row-major, 1 = vessel
     */
    byte[] apply(float[][] bands);

    /**
     * The mask as scores 0 or 1, to be scored at {@link EvaluationScores#BINARY}.
     *
     * @param bands reflectances, {@code bands[band][pixel]} in the model's band order
     */
    default float[] scores(float[][] bands) {
        byte[] mask = apply(bands);
        float[] scores = new float[mask.length];
        for (int i = 0; i < mask.length; i++) {
            scores[i] = mask[i] != 0 ? 1f : 0f;
        }
        return scores;
    }
}
