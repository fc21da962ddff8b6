package dev.s2v.exploration;

import java.util.Arrays;

/**
 * A sample of finite values sorted ascending, with the statistics that the bandwidth rules, the
 * violins and the separability measures need.
 */
public final class SortedSample {
    private static final SortedSample EMPTY = new SortedSample(new double[0]);

    private final double[] values;
    private final double mean;
    private final double standardDeviation;

    private SortedSample(double[] sorted) {
        this.values = sorted;
        double sum = 0;
        for (double v : sorted) {
            sum += v;
        }
        this.mean = sorted.length == 0 ? Double.NaN : sum / sorted.length;
        double squares = 0;
        for (double v : sorted) {
            squares += (v - mean) * (v - mean);
        }
        this.standardDeviation = sorted.length < 2 ? 0 : Math.sqrt(squares / (sorted.length - 1));
    }

    /** The empty sample. */
    public static SortedSample empty() {
        return EMPTY;
    }

    /**
     * A sample of the given values (copied).
     *
     * @throws IllegalArgumentException when a value is NaN or infinite
     */
    public static SortedSample of(double... values) {
        double[] sorted = values.clone();
        for (double v : sorted) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("sample values must be finite, got " + v);
            }
        }
        Arrays.sort(sorted);
        return new SortedSample(sorted);
    }

    /**
     * A sample of the given values (copied).
     *
     * @throws IllegalArgumentException when a value is NaN or infinite
     */
    public static SortedSample of(float[] values) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i];
        }
        return of(copy);
    }

    /** Number of values. */
    public int size() {
        return values.length;
    }

    /** Whether there are no values. */
    public boolean isEmpty() {
        return values.length == 0;
    }

    /** The i-th smallest value (0-based). */
    public double get(int i) {
        return values[i];
    }

    /** The values, ascending (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** The smallest value; NaN when empty. */
    public double min() {
        return isEmpty() ? Double.NaN : values[0];
    }

    /** The largest value; NaN when empty. */
    public double max() {
        return isEmpty() ? Double.NaN : values[values.length - 1];
    }

    /** The mean; NaN when empty. */
    public double mean() {
        return mean;
    }

    /** The sample standard deviation (divisor n - 1); 0 for fewer than two values. */
    public double standardDeviation() {
        return standardDeviation;
    }

    /**
     * The p-quantile, interpolated linearly between the closest ranks (Hyndman and Fan's type 7,
     * the default of R and NumPy): position {@code (n - 1) p} of the sorted values. NaN when empty.
     *
     * @throws IllegalArgumentException when p is outside 0..1
     */
    public double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("a quantile's p must be in 0..1, got " + p);
        }
        if (isEmpty()) {
            return Double.NaN;
        }
        double position = (values.length - 1) * p;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, values.length - 1);
        return values[below] + (position - below) * (values[above] - values[below]);
    }

    /**
     * The empirical distribution function at x: the share of values at or below it; NaN when empty.
     */
    public double shareAtOrBelow(double x) {
        if (isEmpty()) {
            return Double.NaN;
        }
        // The first index whose value exceeds x, found by bisection.
        int low = 0;
        int high = values.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (values[mid] <= x) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return (double) low / values.length;
    }

    /** The median (the 0.5-quantile). */
    public double median() {
        return quantile(0.5);
    }

    /** The interquartile range, {@code quantile(0.75) - quantile(0.25)}. */
    public double interquartileRange() {
        return quantile(0.75) - quantile(0.25);
    }
}
