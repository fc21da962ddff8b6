package dev.s2v.evaluation;

import java.util.Arrays;

/**
 * How far predicted vessel lengths are from the true ones, over matched pairs: error = predicted -
 * true, metres (positive = too long). NaN when nothing was matched (undefined; reports print
 * "n/a").
 *
 * @param matched number of matched pairs
 * @param meanM mean error (bias)
 * @param medianM median error
 * @param meanAbsoluteM mean absolute error
 */
public record LengthError(long matched, double meanM, double medianM, double meanAbsoluteM) {

    /**
     * The statistics of a set of errors.
     *
     * @param errorsM predicted - true lengths, metres
     */
    public static LengthError of(double[] errorsM) {
        if (errorsM.length == 0) {
            return new LengthError(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = errorsM.clone();
        Arrays.sort(sorted);
        double sum = 0;
        double absolute = 0;
        for (double e : sorted) {
            sum += e;
            absolute += Math.abs(e);
        }
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new LengthError(n, sum / n, median, absolute / n);
    }
}
