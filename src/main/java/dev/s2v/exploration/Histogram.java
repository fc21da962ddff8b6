package dev.s2v.exploration;

/**
 * Counts of a sample in equal bins over a range; values outside the range are counted apart, so
 * {@link #total()} is always the sample size. Bins are closed on the left, the last one on both
 * sides.
 *
 * @param lower the range's lower end
 * @param upper the range's upper end
 * @param counts values per bin
 * @param below values under {@code lower}
 * @param above values over {@code upper}
 */
public record Histogram(double lower, double upper, long[] counts, long below, long above) {

    /** Validates the range and the counts and keeps a copy of them. */
    public Histogram {
        if (!(lower < upper) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException(
                    "a histogram needs finite lower < upper, got " + lower + ".." + upper);
        }
        if (counts.length == 0) {
            throw new IllegalArgumentException("a histogram needs at least one bin");
        }
        counts = counts.clone();
        for (long c : counts) {
            if (c < 0) {
                throw new IllegalArgumentException("bin counts must not be negative, got " + c);
            }
        }
        if (below < 0 || above < 0) {
            throw new IllegalArgumentException("out-of-range counts must not be negative");
        }
    }

    /**
     * Counts a sample in {@code bins} equal bins between lower and upper.
     *
     * @throws IllegalArgumentException when the range or the number of bins is invalid
     */
    public static Histogram of(SortedSample sample, double lower, double upper, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        long[] counts = new long[bins];
        long below = 0;
        long above = 0;
        double width = (upper - lower) / bins;
        for (int i = 0; i < sample.size(); i++) {
            double v = sample.get(i);
            if (v < lower) {
                below++;
            } else if (v > upper) {
                above++;
            } else {
                counts[Math.min((int) ((v - lower) / width), bins - 1)]++;
            }
        }
        return new Histogram(lower, upper, counts, below, above);
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Number of bins. */
    public int bins() {
        return counts.length;
    }

    /** The width of each bin. */
    public double binWidth() {
        return (upper - lower) / counts.length;
    }

    /** The left edge of bin i; {@code edge(bins())} is the upper end. */
    public double edge(int i) {
        return i == counts.length ? upper : lower + i * binWidth();
    }

    /** Values in the bins. */
    public long inRange() {
        long sum = 0;
        for (long c : counts) {
            sum += c;
        }
        return sum;
    }

    /** All values counted: in the bins, below and above. */
    public long total() {
        return inRange() + below + above;
    }

    /**
     * A bin's share of all values per unit of x, so the bins and a density estimate of the same
     * sample can share an axis; the area of the bins is the share of values in range. 0 when the
     * histogram is empty.
     */
    public double density(int bin) {
        long total = total();
        return total == 0 ? 0 : counts[bin] / (total * binWidth());
    }
}
