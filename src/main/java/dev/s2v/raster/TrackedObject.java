package dev.s2v.raster;

import java.util.List;

/**
 * One complete 8-connected object as {@link ComponentTracker} found it: its horizontal runs of
 * pixels (row, first column, one past the last column, in mask coordinates), the exact sums of its
 * pixel rows and columns, and the sum and maximum of the values the tracker was given over its
 * pixels.
 */
public final class TrackedObject {
    private final int[] runRow;
    private final int[] runStart;
    private final int[] runEnd;
    private final long pixels;
    private final long sumR;
    private final long sumC;
    private final double valueSum;
    private final float valueMax;
    private final int firstRow;
    private final int firstCol;

    /**
     * Takes ownership of the run arrays (one entry per run) and the exact pixel count and sums of
     * the pixels' rows and columns.
     */
    TrackedObject(
            int[] runRow,
            int[] runStart,
            int[] runEnd,
            long pixels,
            long sumR,
            long sumC,
            double valueSum,
            float valueMax) {
        this.runRow = runRow;
        this.runStart = runStart;
        this.runEnd = runEnd;
        this.pixels = pixels;
        this.sumR = sumR;
        this.sumC = sumC;
        this.valueSum = valueSum;
        this.valueMax = valueMax;
        int r0 = Integer.MAX_VALUE;
        int c0 = Integer.MAX_VALUE;
        for (int i = 0; i < runRow.length; i++) {
            if (runRow[i] < r0 || (runRow[i] == r0 && runStart[i] < c0)) {
                r0 = runRow[i];
                c0 = runStart[i];
            }
        }
        this.firstRow = r0;
        this.firstCol = c0;
    }

    /** Number of pixels. */
    public long pixelCount() {
        return pixels;
    }

    /** The row of the object's first pixel in raster order. */
    public int firstRow() {
        return firstRow;
    }

    /** The column of the object's first pixel in raster order. */
    public int firstCol() {
        return firstCol;
    }

    /** Number of runs. */
    public int runCount() {
        return runRow.length;
    }

    /** The row of run {@code i}. */
    public int runRow(int i) {
        return runRow[i];
    }

    /** The first column of run {@code i}. */
    public int runStart(int i) {
        return runStart[i];
    }

    /** One past the last column of run {@code i}. */
    public int runEnd(int i) {
        return runEnd[i];
    }

    /** The mean of the tracked values over the object's pixels (NaN when none were given). */
    public double meanValue() {
        return valueMax == Float.NEGATIVE_INFINITY ? Double.NaN : valueSum / pixels;
    }

    /** The maximum of the tracked values over the object's pixels (NaN when none were given). */
    public float maxValue() {
        return valueMax == Float.NEGATIVE_INFINITY ? Float.NaN : valueMax;
    }

    /** The outline of the object's pixels on the pixel-corner lattice of the mask. */
    public List<PixelOutline.Polygon> outline() {
        return PixelOutline.of(runRow, runStart, runEnd, runRow.length);
    }

    /**
     * The object's measures (see {@link MaskObject}): centroid from the exact sums; length, width
     * and heading from the minimum-area rectangle of the pixel centres grown by one pixel.
     *
     * @param label the label to give it
     * @param pixelSizeM side of a (square) pixel, metres
     */
    public MaskObject measure(int label, double pixelSizeM) {
        int minR = Integer.MAX_VALUE;
        int maxR = Integer.MIN_VALUE;
        int minC = Integer.MAX_VALUE;
        int maxC = Integer.MIN_VALUE;
        double[] x = new double[2 * runRow.length];
        double[] y = new double[2 * runRow.length];
        for (int i = 0; i < runRow.length; i++) {
            minR = Math.min(minR, runRow[i]);
            maxR = Math.max(maxR, runRow[i]);
            minC = Math.min(minC, runStart[i]);
            maxC = Math.max(maxC, runEnd[i] - 1);
            // A run's end pixels are the only ones of the run that can be hull vertices.
            x[2 * i] = runStart[i];
            x[2 * i + 1] = runEnd[i] - 1;
            y[2 * i] = runRow[i];
            y[2 * i + 1] = runRow[i];
        }
        // Shift the sums to the bounding box corner while still exact in long, so the centroid
        // of a small object far from the origin loses no digits in double.
        long r0 = minR;
        long c0 = minC;
        double meanR = (double) (sumR - pixels * r0) / pixels;
        double meanC = (double) (sumC - pixels * c0) / pixels;
        MinAreaRectangle rectangle = MinAreaRectangle.of(x, y).grown(1);
        return new MaskObject(
                label,
                Math.toIntExact(pixels),
                pixels * pixelSizeM * pixelSizeM,
                r0 + meanR,
                c0 + meanC,
                new PixelWindow(minC, minR, maxC - minC + 1, maxR - minR + 1),
                rectangle.length() * pixelSizeM,
                rectangle.width() * pixelSizeM,
                headingFromGridNorth(rectangle));
    }

    /**
     * The rectangle's long axis as a heading: its angle turns from +column (east) towards +row
     * (south), a heading from north towards east, so the heading is 90 degrees more, folded into
     * [0, 180). A square has no long axis: heading 0.
     */
    private static double headingFromGridNorth(MinAreaRectangle rectangle) {
        if (rectangle.length() - rectangle.width()
                <= MaskObject.SQUARE_TOLERANCE * rectangle.length()) {
            return 0;
        }
        double heading = (rectangle.angleDeg() + 90) % 180;
        return heading < 0 ? heading + 180 : heading;
    }
}
