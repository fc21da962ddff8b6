package dev.s2v.exploration;

/**
 * A Gaussian kernel density estimate of a sample, computed the way density plots usually are
 * (Silverman 1982; Wand 1994): the sample is binned linearly onto a fine grid of spacing h/8 and
 * convolved with the kernel sampled on that grid, cut at 5 h and renormalised so the estimate
 * integrates to exactly 1. Between grid points the density is interpolated linearly. The cost is
 * one pass over the sample plus grid size times kernel width, whatever the sample size, and the
 * error against the exact sum of kernels is of order (h/8)^2 relative to the curvature.
 */
public final class KernelDensity {
    /** The kernel is cut at this many bandwidths. */
    static final double TRUNCATION = 5;

    /** Grid points per bandwidth. */
    private static final int POINTS_PER_BANDWIDTH = 8;

    /** Bounds the grid for samples whose range is huge against the bandwidth. */
    private static final int MAX_GRID = 1 << 21;

    private final double bandwidth;
    private final int sampleSize;
    private final double start;
    private final double step;
    private final double[] density;

    private KernelDensity(
            double bandwidth, int sampleSize, double start, double step, double[] density) {
        this.bandwidth = bandwidth;
        this.sampleSize = sampleSize;
        this.start = start;
        this.step = step;
        this.density = density;
    }

    /**
     * The estimate of a sample with the given bandwidth.
     *
     * @throws IllegalArgumentException when the sample is empty or the bandwidth not positive
     */
    public static KernelDensity fit(SortedSample sample, double bandwidth) {
        if (sample.isEmpty()) {
            throw new IllegalArgumentException("a kernel density needs at least one value");
        }
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException(
                    "the bandwidth must be positive and finite, got " + bandwidth);
        }
        double reach = TRUNCATION * bandwidth;
        double span = sample.max() - sample.min() + 2 * reach;
        double step = bandwidth / POINTS_PER_BANDWIDTH;
        int points = (int) Math.ceil(span / step) + 2;
        if (points > MAX_GRID) {
            points = MAX_GRID;
            step = span / (points - 2);
        }
        double start = sample.min() - reach;
        // Linear binning: each value splits its unit weight between its two neighbouring points.
        double[] weights = new double[points];
        for (int i = 0; i < sample.size(); i++) {
            double position = (sample.get(i) - start) / step;
            int below = Math.min((int) Math.floor(position), points - 2);
            double above = position - below;
            weights[below] += 1 - above;
            weights[below + 1] += above;
        }
        int taps = (int) Math.ceil(reach / step);
        double[] kernel = new double[2 * taps + 1];
        double kernelSum = 0;
        for (int k = -taps; k <= taps; k++) {
            double z = k * step / bandwidth;
            kernel[k + taps] = Math.exp(-0.5 * z * z);
            kernelSum += kernel[k + taps];
        }
        double scale = 1 / (kernelSum * sample.size() * step);
        double[] density = new double[points];
        for (int j = 0; j < points; j++) {
            if (weights[j] == 0) {
                continue;
            }
            double w = weights[j] * scale;
            int from = Math.max(0, j - taps);
            int to = Math.min(points - 1, j + taps);
            for (int i = from; i <= to; i++) {
                density[i] += w * kernel[i - j + taps];
            }
        }
        return new KernelDensity(bandwidth, sample.size(), start, step, density);
    }

    /**
     * The estimate of a sample with the bandwidth of a rule, but never below {@code minBandwidth}
     * (the resolution of the data: a narrower kernel would draw its quantisation steps).
     *
     * @throws IllegalArgumentException when the sample is empty or minBandwidth not positive
     */
    public static KernelDensity fit(SortedSample sample, BandwidthRule rule, double minBandwidth) {
        return fit(sample, Math.max(rule.bandwidth(sample), minBandwidth));
    }

    /** The kernel's standard deviation. */
    public double bandwidth() {
        return bandwidth;
    }

    /** The number of values estimated from. */
    public int sampleSize() {
        return sampleSize;
    }

    /** The smallest x with a non-zero density. */
    public double lower() {
        return start;
    }

    /** The largest x with a non-zero density. */
    public double upper() {
        return start + (density.length - 1) * step;
    }

    /** The density at x; 0 outside {@link #lower()}..{@link #upper()}. */
    public double at(double x) {
        double position = (x - start) / step;
        if (!(position >= 0 && position <= density.length - 1)) {
            return 0;
        }
        int below = Math.min((int) Math.floor(position), density.length - 2);
        double above = position - below;
        return density[below] * (1 - above) + density[below + 1] * above;
    }

    /** The density at each x. */
    public double[] at(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = at(xs[i]);
        }
        return out;
    }

    /** The grid spacing, the finest detail the estimate holds. */
    double step() {
        return step;
    }
}
