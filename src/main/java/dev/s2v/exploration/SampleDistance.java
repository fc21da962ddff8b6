package dev.s2v.exploration;

/**
 * How far apart two samples of one quantity lie, read off their empirical distribution functions F
 * and G (the share of each sample at or below x), with no binning and no bandwidth.
 *
 * @param kolmogorovSmirnov the Kolmogorov-Smirnov statistic {@code max |F(x) - G(x)|}: the largest
 *     difference, over all thresholds, between the shares of the two samples below the threshold; 0
 *     for identical samples, 1 when they do not overlap; NaN when either sample is empty
 * @param wasserstein1 the Wasserstein-1 (earth mover's) distance {@code integral |F(x) - G(x)| dx},
 *     in the unit of the values: how far, on average, each value of one sample must move to turn it
 *     into the other; for samples that do not overlap, the difference of their means; NaN when
 *     either sample is empty
 */
public record SampleDistance(
        double kolmogorovSmirnov, double kolmogorovSmirnovAt, double wasserstein1) {

    /** Checks that both are NaN together, the statistic in 0..1 and the distance not negative. */
    public SampleDistance {
        if (Double.isNaN(kolmogorovSmirnov) != Double.isNaN(wasserstein1)
                || Double.isNaN(kolmogorovSmirnov) != Double.isNaN(kolmogorovSmirnovAt)) {
            throw new IllegalArgumentException(
                    "both distances and where the statistic is reached are defined or none, got"
                            + " Kolmogorov-Smirnov "
                            + kolmogorovSmirnov
                            + " at "
                            + kolmogorovSmirnovAt
                            + " and Wasserstein-1 "
                            + wasserstein1);
        }
        if (kolmogorovSmirnov < 0 || kolmogorovSmirnov > 1) {
            throw new IllegalArgumentException(
                    "the Kolmogorov-Smirnov statistic must be in 0..1, got " + kolmogorovSmirnov);
        }
        if (wasserstein1 < 0 || Double.isInfinite(wasserstein1)) {
            throw new IllegalArgumentException(
                    "the Wasserstein-1 distance must be finite and not negative, got "
                            + wasserstein1);
        }
    }

    /**
     * The distances between two samples, exact for their empirical distributions: one merge pass
     * over both sorted samples, in which F - G changes only at a sample value.
     */
    public static SampleDistance between(SortedSample a, SortedSample b) {
        if (a.isEmpty() || b.isEmpty()) {
            return new SampleDistance(Double.NaN, Double.NaN, Double.NaN);
        }
        int n = a.size();
        int m = b.size();
        int i = 0;
        int j = 0;
        double sup = 0;
        double at = Double.NaN;
        double area = 0;
        double x = Math.min(a.get(0), b.get(0));
        while (true) {
            // Step past every value equal to x, so ties across the samples cancel.
            while (i < n && a.get(i) == x) {
                i++;
            }
            while (j < m && b.get(j) == x) {
                j++;
            }
            double gap = Math.abs((double) i / n - (double) j / m);
            if (gap > sup || Double.isNaN(at)) {
                sup = gap;
                at = x;
            }
            if (i == n && j == m) {
                break;
            }
            double next =
                    Math.min(
                            i < n ? a.get(i) : Double.POSITIVE_INFINITY,
                            j < m ? b.get(j) : Double.POSITIVE_INFINITY);
            area += gap * (next - x);
            x = next;
        }
        return new SampleDistance(Math.min(1, sup), at, area);
    }

    /** Whether both samples had values. */
    public boolean defined() {
        return !Double.isNaN(kolmogorovSmirnov);
    }
}
