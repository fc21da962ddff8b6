package dev.s2v.exploration;

/**
 * How far apart two classes' values lie, as two numbers that do not depend on a chosen threshold:
 * the area under the ROC curve of thresholding the value, and the Bhattacharyya distance between
 * the two distributions.
 */
public final class Separability {
    /** Grid points per (smaller) bandwidth when integrating two densities. */
    private static final int POINTS_PER_BANDWIDTH = 8;

    private static final int MAX_GRID = 1 << 21;

    private Separability() {}

    /**
     * The area under the ROC curve of the rule "positive when the value exceeds a threshold": the
     * probability that a random positive's value exceeds a random negative's, ties counting one
     * half (the Mann-Whitney statistic divided by the number of pairs). 1 means every positive is
     * brighter, 0 every positive darker, 0.5 no separation. NaN when either sample is empty.
     */
    public static double auc(SortedSample positives, SortedSample negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            return Double.NaN;
        }
        // Both samples are sorted: one merge pass counts, for each positive, the negatives below
        // it and those tied with it.
        int below = 0;
        int tiedEnd = 0;
        double wins = 0;
        int n = negatives.size();
        for (int i = 0; i < positives.size(); i++) {
            double v = positives.get(i);
            while (below < n && negatives.get(below) < v) {
                below++;
            }
            tiedEnd = Math.max(tiedEnd, below);
            while (tiedEnd < n && negatives.get(tiedEnd) == v) {
                tiedEnd++;
            }
            wins += below + 0.5 * (tiedEnd - below);
        }
        return wins / ((double) positives.size() * n);
    }

    /**
     * The Bhattacharyya coefficient {@code sum sqrt(p_i q_i)} of two discrete distributions given
     * as non-negative weights on the same bins (each normalised to sum 1 first): 1 for identical
     * distributions, 0 for disjoint ones. NaN when either has no weight.
     *
     * @throws IllegalArgumentException when the lengths differ or a weight is negative
     */
    public static double bhattacharyyaCoefficient(double[] p, double[] q) {
        if (p.length != q.length) {
            throw new IllegalArgumentException(
                    "distributions need the same bins, got " + p.length + " and " + q.length);
        }
        double sumP = 0;
        double sumQ = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] < 0 || q[i] < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            sumP += p[i];
            sumQ += q[i];
        }
        if (sumP == 0 || sumQ == 0) {
            return Double.NaN;
        }
        double bc = 0;
        for (int i = 0; i < p.length; i++) {
            bc += Math.sqrt(p[i] / sumP * (q[i] / sumQ));
        }
        return Math.min(1, bc);
    }

    /**
     * The Bhattacharyya distance {@code -ln BC} of two discrete distributions: 0 for identical
     * ones, growing as they part, infinite when they do not overlap. NaN when either has no weight.
     *
     * @throws IllegalArgumentException when the lengths differ or a weight is negative
     */
    public static double bhattacharyyaDistance(double[] p, double[] q) {
        return distance(bhattacharyyaCoefficient(p, q));
    }

    /**
     * The Bhattacharyya distance {@code -ln integral sqrt(f g) dx} of two density estimates,
     * integrated with the trapezoid rule on a grid of an eighth of the smaller bandwidth over the
     * overlap of their supports. For two normal densities it is {@code (m1 - m2)^2 / (4 (v1 + v2))
     * + ln((v1 + v2) / (2 sqrt(v1 v2))) / 2}; a kernel estimate adds h^2 to each variance.
     */
    public static double bhattacharyyaDistance(KernelDensity f, KernelDensity g) {
        double from = Math.max(f.lower(), g.lower());
        double to = Math.min(f.upper(), g.upper());
        if (!(from < to)) {
            return Double.POSITIVE_INFINITY;
        }
        double step = Math.min(f.bandwidth(), g.bandwidth()) / POINTS_PER_BANDWIDTH;
        int intervals = (int) Math.min(MAX_GRID, Math.ceil((to - from) / step));
        step = (to - from) / intervals;
        double bc = 0;
        for (int i = 0; i <= intervals; i++) {
            double x = from + i * step;
            double weight = i == 0 || i == intervals ? 0.5 : 1;
            bc += weight * Math.sqrt(f.at(x) * g.at(x));
        }
        return distance(Math.min(1, bc * step));
    }

    private static double distance(double coefficient) {
        if (Double.isNaN(coefficient)) {
            return Double.NaN;
        }
        return coefficient <= 0 ? Double.POSITIVE_INFINITY : Math.max(0, -Math.log(coefficient));
    }
}
