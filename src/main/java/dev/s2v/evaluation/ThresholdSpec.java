package dev.s2v.evaluation;

import java.util.Locale;

/**
 * How an evaluation gets its probability threshold: {@code auto} chooses the F1-best one on the
 * validation split ({@link ThresholdSelection}); a number fixes it beforehand.
 */
public sealed interface ThresholdSpec {

    /** The threshold is chosen on the validation split. */
    record Auto() implements ThresholdSpec {
        @Override
        public String toString() {
            return "auto";
        }
    }

    /**
     * The threshold is given.
     *
     * @param threshold the threshold
     */
    record Fixed(Threshold threshold) implements ThresholdSpec {
        /** Validates the threshold. */
        public Fixed {
            if (threshold == null) {
                throw new IllegalArgumentException("a fixed threshold needs a value");
            }
        }

        @Override
        public String toString() {
            return threshold.toString();
        }
    }

    /**
     * Parses {@code auto} or a probability strictly between 0 and 1 (rounded to the 0.0001 grid of
     * {@link Threshold}).
     *
     * @throws IllegalArgumentException naming the value and what is allowed
     */
    static ThresholdSpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("auto")) {
            return new Auto();
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException(
                    "the threshold must be auto or a probability between 0 and 1 (exclusive), got '"
                            + text
                            + "'");
        }
        return new Fixed(Threshold.of(value));
    }
}
