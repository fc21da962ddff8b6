package dev.s2v.synth;

import java.util.stream.IntStream;

/**
 * The processing chain of a band stack exported from a Level-2A archive, as sen2ships was made:
 * every band brought onto the 10 m grid by interpolation (bilinear between native pixel centres, so
 * a 20 m band is smooth instead of 2 x 2 blocks) and then blurred by a Gaussian of {@code sigmaPx}
 * 10 m pixels (the export's resampling and the warp's averaging). Both steps are normalised
 * convolutions: pixels without data (value 0) carry no weight, so the swath's edge does not bleed
 * into the image, and pixels the caller marks as without data stay 0. Valid pixels are at least 1,
 * as the stack convention wants for dark water.
 */
final class SensorSmoothing {
    /** Where the 10 m grid has data. */
    @FunctionalInterface
    interface Validity {
        /** Whether pixel (col, row) of the 10 m grid has data. */
        boolean valid(int col, int row);
    }

    private static final int STRIP_ROWS = 128;

    private final int width;
    private final int height;
    private final Validity validity;
    private final double[] kernel;
    private final int radius;

    /**
     * @param width columns of the 10 m grid
     * @param height rows of the 10 m grid
     * @param sigmaPx standard deviation of the Gaussian, in 10 m pixels; 0 for none
     * @param validity where the 10 m grid has data
     */
    SensorSmoothing(int width, int height, double sigmaPx, Validity validity) {
        if (!(sigmaPx >= 0)) {
            throw new IllegalArgumentException("sigma must be >= 0 pixels, got " + sigmaPx);
        }
        this.width = width;
        this.height = height;
        this.validity = validity;
        // Three sigmas hold all but 0.3 % of the weight.
        this.radius = (int) Math.ceil(3 * sigmaPx);
        this.kernel = new double[2 * radius + 1];
        for (int k = -radius; k <= radius; k++) {
            kernel[k + radius] =
                    radius == 0 ? 1 : StrictMath.exp(-0.5 * k * k / (sigmaPx * sigmaPx));
        }
    }

    /**
     * A band on the 10 m grid, row-major, from its values at native resolution.
     *
     * @param nativeValues row-major unsigned values of the native grid, {@code ceil(width / factor)
     *     x ceil(height / factor)}; 0 = no data
     * @param factor 10 m pixels per native pixel along each axis (1, 2 or 6)
     */
    short[] toTenMetres(short[] nativeValues, int factor) {
        int nativeWidth = (width + factor - 1) / factor;
        int nativeHeight = (height + factor - 1) / factor;
        if (nativeValues.length != nativeWidth * nativeHeight) {
            throw new IllegalArgumentException(
                    "a band of factor "
                            + factor
                            + " on a "
                            + width
                            + " x "
                            + height
                            + " grid needs "
                            + nativeWidth * nativeHeight
                            + " values, got "
                            + nativeValues.length);
        }
        short[] out = new short[width * height];
        int strips = (height + STRIP_ROWS - 1) / STRIP_ROWS;
        IntStream.range(0, strips)
                .parallel()
                .forEach(
                        s ->
                                strip(
                                        nativeValues,
                                        factor,
                                        nativeWidth,
                                        nativeHeight,
                                        s * STRIP_ROWS,
                                        Math.min(height, (s + 1) * STRIP_ROWS),
                                        out));
        return out;
    }

    /**
     * Output rows {@code row0 .. row1 - 1}, from the interpolated rows within the kernel's reach.
     */
    private void strip(
            short[] in,
            int factor,
            int nativeWidth,
            int nativeHeight,
            int row0,
            int row1,
            short[] out) {
        int first = Math.max(0, row0 - radius);
        int last = Math.min(height, row1 + radius);
        int rows = last - first;
        // Per interpolated row, after the horizontal pass: sum of weight * value, and of weight.
        double[] sums = new double[rows * width];
        double[] weights = new double[rows * width];
        double[] value = new double[width];
        double[] weight = new double[width];
        for (int r = first; r < last; r++) {
            interpolateRow(in, factor, nativeWidth, nativeHeight, r, value, weight);
            int o = (r - first) * width;
            for (int c = 0; c < width; c++) {
                double s = 0;
                double w = 0;
                for (int k = Math.max(-radius, -c); k <= Math.min(radius, width - 1 - c); k++) {
                    double g = kernel[k + radius] * weight[c + k];
                    s += g * value[c + k];
                    w += g;
                }
                sums[o + c] = s;
                weights[o + c] = w;
            }
        }
        for (int r = row0; r < row1; r++) {
            for (int c = 0; c < width; c++) {
                if (!validity.valid(c, r)) {
                    continue;
                }
                double s = 0;
                double w = 0;
                for (int k = Math.max(-radius, -r); k <= Math.min(radius, height - 1 - r); k++) {
                    int i = (r + k - first) * width + c;
                    double g = kernel[k + radius];
                    s += g * sums[i];
                    w += g * weights[i];
                }
                if (w > 0) {
                    long v = Math.round(s / w);
                    out[r * width + c] = (short) Math.max(1, Math.min(65535, v));
                }
            }
        }
    }

    /**
     * Bilinear interpolation of the native grid at the centres of one 10 m row: {@code value} the
     * weighted mean of the valid native neighbours, {@code weight} 1 where one was valid, else 0.
     */
    private static void interpolateRow(
            short[] in,
            int factor,
            int nativeWidth,
            int nativeHeight,
            int row,
            double[] value,
            double[] weight) {
        double v = (row + 0.5) / factor - 0.5;
        int j0 = (int) Math.floor(v);
        double fy = v - j0;
        int ja = clamp(j0, nativeHeight);
        int jb = clamp(j0 + 1, nativeHeight);
        for (int c = 0; c < value.length; c++) {
            double u = (c + 0.5) / factor - 0.5;
            int i0 = (int) Math.floor(u);
            double fx = u - i0;
            int ia = clamp(i0, nativeWidth);
            int ib = clamp(i0 + 1, nativeWidth);
            double s = 0;
            double w = 0;
            // The four neighbours: bit 0 picks the column, bit 1 the row.
            for (int k = 0; k < 4; k++) {
                boolean right = (k & 1) != 0;
                boolean below = (k & 2) != 0;
                double g = (right ? fx : 1 - fx) * (below ? fy : 1 - fy);
                int n = in[(below ? jb : ja) * nativeWidth + (right ? ib : ia)] & 0xFFFF;
                if (n != 0 && g > 0) {
                    s += g * n;
                    w += g;
                }
            }
            value[c] = w > 0 ? s / w : 0;
            weight[c] = w > 0 ? 1 : 0;
        }
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
