package dev.s2v.evaluation;

/** The one place that says what a ratio is when its denominator is zero. */
final class Ratios {
    private Ratios() {}

    /** {@code numerator / denominator}, or {@code whenEmpty} when the denominator is zero. */
    static double of(long numerator, long denominator, double whenEmpty) {
        return denominator == 0 ? whenEmpty : (double) numerator / denominator;
    }

    /** The harmonic mean of a precision and a recall; 0 when both are 0. */
    static double harmonic(double precision, double recall) {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Fails unless a count is not negative. */
    static void requireCount(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + value);
        }
    }
}
