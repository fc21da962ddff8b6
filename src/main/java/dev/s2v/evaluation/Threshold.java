package dev.s2v.evaluation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A probability threshold on the grid of the {@link PixelHistogram}: {@code step / 10000}. A pixel
 * is a vessel when its probability is at least the threshold. Holding thresholds on the histogram's
 * own grid is what makes a threshold chosen from the histogram mean exactly the same thing when it
 * is applied to pixels.
 *
 * @param step 0 (everything is a vessel) to {@link PixelHistogram#STEPS} (only probability 1)
 */
public record Threshold(int step) {

    /** Validates the step. */
    public Threshold {
        if (step < 0 || step > PixelHistogram.STEPS) {
            throw new IllegalArgumentException(
                    "threshold step must be 0.." + PixelHistogram.STEPS + ", got " + step);
        }
    }

    /**
     * The grid threshold nearest to a probability (the grid spacing is 0.0001, so 0.33333 becomes
     * 0.3333).
     *
     * @throws IllegalArgumentException unless 0 <= value <= 1
     */
    @JsonCreator
    public static Threshold of(double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("a threshold must be in 0..1, got " + value);
        }
        return new Threshold((int) Math.round(value * PixelHistogram.STEPS));
    }

    /** The threshold as a probability. */
    @JsonValue
    public double value() {
        return (double) step / PixelHistogram.STEPS;
    }

    /** Whether a probability (0..1) is a vessel at this threshold. */
    public boolean test(float probability) {
        return PixelHistogram.bin(probability) >= step;
    }

    /**
     * The vessel mask of a probability map: 1 where the probability reaches the threshold and the
     * pixel is valid, else 0.
     *
     * @param probability row-major, 0..1
     * @param valid row-major, false = no data (never a vessel); null when every pixel is valid
     * @throws IllegalArgumentException when a valid probability is outside 0..1 or NaN
     */
    public byte[] apply(float[] probability, boolean[] valid) {
        if (valid != null && valid.length != probability.length) {
            throw new IllegalArgumentException(
                    "valid mask has "
                            + valid.length
                            + " values, the probabilities "
                            + probability.length);
        }
        byte[] mask = new byte[probability.length];
        for (int i = 0; i < probability.length; i++) {
            if ((valid == null || valid[i]) && test(probability[i])) {
                mask[i] = 1;
            }
        }
        return mask;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.4f", value());
    }
}
