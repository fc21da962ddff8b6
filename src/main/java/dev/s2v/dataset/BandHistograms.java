package dev.s2v.dataset;

/**
 * Exact histograms of the stored 16-bit tile values per split, class (background, vessel) and band:
 * since tiles hold reflectance quantised to 1e-4, every mean, standard deviation, extreme and
 * percentile derived from them is exact, in bounded memory whatever the dataset's size.
 */
final class BandHistograms {
    /** Class index of background pixels. */
    static final int BACKGROUND = 0;

    /** Class index of vessel pixels. */
    static final int VESSEL = 1;

    private static final int LEVELS = 65536;

    private final int bandCount;
    private final long[][][][] counts;

    BandHistograms(int bandCount) {
        this.bandCount = bandCount;
        this.counts = new long[Split.values().length][2][bandCount][LEVELS];
    }

    /**
     * Adds a tile's pixels: stored values per band (row-major) and its 0/1 mask. A band's no-data
     * values are left out of that band.
     */
    void add(Split split, short[][] stored, byte[] mask) {
        long[][][] bySplit = counts[split.ordinal()];
        for (int b = 0; b < bandCount; b++) {
            short[] band = stored[b];
            long[] background = bySplit[BACKGROUND][b];
            long[] vessel = bySplit[VESSEL][b];
            for (int i = 0; i < band.length; i++) {
                int value = band[i] & 0xFFFF;
                if (value != TileCodec.NO_DATA) {
                    (mask[i] != 0 ? vessel : background)[value]++;
                }
            }
        }
    }

    /** Adds another accumulator's counts to this one. */
    void addAll(BandHistograms other) {
        for (int s = 0; s < counts.length; s++) {
            for (int c = 0; c < 2; c++) {
                for (int b = 0; b < bandCount; b++) {
                    long[] mine = counts[s][c][b];
                    long[] theirs = other.counts[s][c][b];
                    for (int v = 0; v < LEVELS; v++) {
                        mine[v] += theirs[v];
                    }
                }
            }
        }
    }

    /**
     * The summary of a band's reflectances in the given splits, for one class or both.
     *
     * @param splits the splits pooled
     * @param classes the class indices pooled ({@link #BACKGROUND}, {@link #VESSEL})
     */
    BandSummary summary(int band, Split[] splits, int... classes) {
        long[] pooled = new long[LEVELS];
        for (Split split : splits) {
            for (int c : classes) {
                long[] h = counts[split.ordinal()][c][band];
                for (int v = 0; v < LEVELS; v++) {
                    pooled[v] += h[v];
                }
            }
        }
        return BandSummary.of(pooled);
    }

    /**
     * Statistics of a band's reflectance over a set of pixels. Percentiles use the nearest-rank
     * rule: the p-th percentile is the smallest value with at least {@code ceil(p/100 * n)} values
     * at or below it. All NaN when there are no pixels.
     *
     * @param pixels number of pixels
     * @param mean mean reflectance
     * @param std population standard deviation
     * @param min minimum
     * @param max maximum
     * @param percentiles reflectance at {@link #PERCENTILES}, in that order
     */
    record BandSummary(
            long pixels, double mean, double std, double min, double max, double[] percentiles) {
        /** The percentiles reported, in percent. */
        static final double[] PERCENTILES = {1, 5, 25, 50, 75, 95, 99};

        static BandSummary of(long[] histogram) {
            long n = 0;
            double sum = 0;
            int lowest = -1;
            int highest = -1;
            for (int v = 0; v < histogram.length; v++) {
                if (histogram[v] > 0) {
                    n += histogram[v];
                    sum += histogram[v] * (double) TileCodec.decode(v);
                    lowest = lowest < 0 ? v : lowest;
                    highest = v;
                }
            }
            double[] percentiles = new double[PERCENTILES.length];
            if (n == 0) {
                java.util.Arrays.fill(percentiles, Double.NaN);
                return new BandSummary(
                        0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, percentiles);
            }
            double mean = sum / n;
            double squares = 0;
            for (int v = lowest; v <= highest; v++) {
                if (histogram[v] > 0) {
                    double d = TileCodec.decode(v) - mean;
                    squares += histogram[v] * d * d;
                }
            }
            long cumulative = 0;
            int next = 0;
            for (int v = lowest; v <= highest && next < PERCENTILES.length; v++) {
                cumulative += histogram[v];
                while (next < PERCENTILES.length
                        && cumulative >= Math.ceil(PERCENTILES[next] / 100 * n)) {
                    percentiles[next++] = TileCodec.decode(v);
                }
            }
            return new BandSummary(
                    n,
                    mean,
                    Math.sqrt(squares / n),
                    TileCodec.decode(lowest),
                    TileCodec.decode(highest),
                    percentiles);
        }
    }
}
