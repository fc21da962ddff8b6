package dev.s2v.exploration;

/**
 * The shape of one violin: a kernel density drawn mirrored about a vertical centre line, its widest
 * point {@code halfWidth} either side, with horizontal marks at the sample's median and quartiles
 * that reach across the violin at their height.
 *
 * @param centre the x of the centre line
 * @param outlineX the outline's x, going up the right side then down the left side, closed
 * @param outlineY the outline's y, matching {@code outlineX}
 * @param median the mark at the median
 * @param lowerQuartile the mark at the 0.25-quantile
 * @param upperQuartile the mark at the 0.75-quantile
 */
public record Violin(
        double centre,
        double[] outlineX,
        double[] outlineY,
        Mark median,
        Mark lowerQuartile,
        Mark upperQuartile) {

    /**
     * A horizontal mark across the violin.
     *
     * @param y its height (a value of the sample's variable)
     * @param halfWidth how far it reaches either side of the centre
     */
    public record Mark(double y, double halfWidth) {}

    /** Checks the outline and keeps a copy of it. */
    public Violin {
        if (outlineX.length != outlineY.length || outlineX.length < 3) {
            throw new IllegalArgumentException(
                    "an outline needs matching x and y of at least 3 points");
        }
        outlineX = outlineX.clone();
        outlineY = outlineY.clone();
    }

    @Override
    public double[] outlineX() {
        return outlineX.clone();
    }

    @Override
    public double[] outlineY() {
        return outlineY.clone();
    }

    /**
     * The violin of a sample and its density estimate, drawn between {@code lower} and {@code
     * upper} (clipped to where the estimate is not zero) at {@code points} heights. Its width is
     * scaled to the densest height within those limits.
     *
     * @throws IllegalArgumentException when the limits miss the estimate or points is below 2
     */
    public static Violin of(
            SortedSample sample,
            KernelDensity density,
            double centre,
            double halfWidth,
            double lower,
            double upper,
            int points) {
        double from = Math.max(lower, density.lower());
        double to = Math.min(upper, density.upper());
        if (!(from < to) || points < 2) {
            throw new IllegalArgumentException(
                    "a violin needs limits that overlap its density and at least 2 points");
        }
        double[] y = new double[points];
        double[] d = new double[points];
        double peak = 0;
        for (int i = 0; i < points; i++) {
            y[i] = from + (to - from) * i / (points - 1);
            d[i] = density.at(y[i]);
            peak = Math.max(peak, d[i]);
        }
        double scale = peak > 0 ? halfWidth / peak : 0;
        double[] outlineX = new double[2 * points + 1];
        double[] outlineY = new double[2 * points + 1];
        for (int i = 0; i < points; i++) {
            outlineX[i] = centre + d[i] * scale;
            outlineY[i] = y[i];
            int mirror = 2 * points - 1 - i;
            outlineX[mirror] = centre - d[i] * scale;
            outlineY[mirror] = y[i];
        }
        outlineX[2 * points] = outlineX[0];
        outlineY[2 * points] = outlineY[0];
        return new Violin(
                centre,
                outlineX,
                outlineY,
                mark(sample.median(), density, scale),
                mark(sample.quantile(0.25), density, scale),
                mark(sample.quantile(0.75), density, scale));
    }

    private static Mark mark(double y, KernelDensity density, double scale) {
        return new Mark(y, density.at(y) * scale);
    }
}
