package dev.s2v.exploration;

import java.util.List;

/**
 * Five quantiles of a sample that describe its body and its tails without assuming a shape: Hyndman
 * and Fan's type 7, as {@link SortedSample#quantile(double)} computes them.
 *
 * @param p5 the 0.05-quantile
 * @param p25 the lower quartile
 * @param median the median
 * @param p75 the upper quartile
 * @param p95 the 0.95-quantile
 */
public record Quantiles(double p5, double p25, double median, double p75, double p95) {

    /** The levels, in the order of {@link #values()}. */
    public static final List<Double> LEVELS = List.of(0.05, 0.25, 0.5, 0.75, 0.95);

    /** Their names as tables head them, in the order of {@link #values()}. */
    public static final List<String> NAMES = List.of("p5", "p25", "median", "p75", "p95");

    /** Checks that the quantiles do not decrease, or are all NaN (an empty sample). */
    public Quantiles {
        double[] v = {p5, p25, median, p75, p95};
        boolean allNaN = true;
        for (double q : v) {
            allNaN &= Double.isNaN(q);
        }
        if (!allNaN) {
            for (int k = 1; k < v.length; k++) {
                if (!(v[k - 1] <= v[k])) {
                    throw new IllegalArgumentException(
                            "quantiles must not decrease, got "
                                    + NAMES.get(k - 1)
                                    + " "
                                    + v[k - 1]
                                    + " and "
                                    + NAMES.get(k)
                                    + " "
                                    + v[k]);
                }
            }
        }
    }

    /** The quantiles of a sample; all NaN when it is empty. */
    public static Quantiles of(SortedSample sample) {
        return new Quantiles(
                sample.quantile(LEVELS.get(0)),
                sample.quantile(LEVELS.get(1)),
                sample.quantile(LEVELS.get(2)),
                sample.quantile(LEVELS.get(3)),
                sample.quantile(LEVELS.get(4)));
    }

    /** The quantiles in the order of {@link #LEVELS}. */
    public double[] values() {
        return new double[] {p5, p25, median, p75, p95};
    }
}
