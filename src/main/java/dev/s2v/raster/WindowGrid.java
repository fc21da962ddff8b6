package dev.s2v.raster;

/**
 * Square windows laid over a raster in rows and columns, each overlapping its neighbours by {@code
 * overlapPx}, so that every pixel of the raster lies in the <em>core</em> of exactly one window:
 * the window without a margin of half the overlap on each side. Windows at the edges run past the
 * raster (readers pad them), so edge pixels too are covered by a core and the last rows and columns
 * are never dropped. With no overlap the windows are the tiles a dataset is cut into.
 *
 * <p>Window {@code (row, col)} starts at pixel {@code (row * stride - margin, col * stride -
 * margin)} with {@code stride = windowPx - overlapPx} and {@code margin = overlapPx / 2}; its core
 * is the stride-sized square at {@code (row * stride, col * stride)}, clipped to the raster.
 *
 * @param width raster columns
 * @param height raster rows
 * @param windowPx window side, pixels
 * @param overlapPx pixels shared by neighbouring windows, 0 to {@code windowPx - 1}
 */
public record WindowGrid(int width, int height, int windowPx, int overlapPx) {

    /** Validates the sizes. */
    public WindowGrid {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "a window grid needs a raster of positive size, got " + width + " x " + height);
        }
        if (windowPx < 1) {
            throw new IllegalArgumentException("the window must be at least 1 px, got " + windowPx);
        }
        if (overlapPx < 0 || overlapPx >= windowPx) {
            throw new IllegalArgumentException(
                    "the overlap must be 0 to "
                            + (windowPx - 1)
                            + " px for "
                            + windowPx
                            + " px windows, got "
                            + overlapPx);
        }
    }

    /** Tiles of {@code tilePx} without overlap, as datasets are cut. */
    public static WindowGrid tiles(int width, int height, int tilePx) {
        return new WindowGrid(width, height, tilePx, 0);
    }

    /** Distance between the starts of neighbouring windows, pixels. */
    public int stridePx() {
        return windowPx - overlapPx;
    }

    /** The part of a window's leading side outside its core (top and left), pixels. */
    public int marginPx() {
        return overlapPx / 2;
    }

    /** Columns of windows. */
    public int columns() {
        return Math.floorDiv(width + stridePx() - 1, stridePx());
    }

    /** Rows of windows. */
    public int rows() {
        return Math.floorDiv(height + stridePx() - 1, stridePx());
    }

    /** Number of windows. */
    public long count() {
        return (long) rows() * columns();
    }

    /** The whole window {@code (row, col)}, padding included. */
    public PixelWindow window(int row, int col) {
        check(row, col);
        return new PixelWindow(
                col * stridePx() - marginPx(), row * stridePx() - marginPx(), windowPx, windowPx);
    }

    /** The core of window {@code (row, col)}: the pixels it alone is trusted for. */
    public PixelWindow core(int row, int col) {
        check(row, col);
        int c0 = col * stridePx();
        int r0 = row * stridePx();
        return new PixelWindow(
                c0, r0, Math.min(stridePx(), width - c0), Math.min(stridePx(), height - r0));
    }

    /**
     * The pixels the windows of {@code count} consecutive rows span, from {@code firstRow}, across
     * every column, padding included: what a reader fetches to serve those rows.
     */
    public PixelWindow span(int firstRow, int count) {
        check(firstRow, 0);
        check(firstRow + count - 1, 0);
        return new PixelWindow(
                -marginPx(),
                firstRow * stridePx() - marginPx(),
                (columns() - 1) * stridePx() + windowPx,
                (count - 1) * stridePx() + windowPx);
    }

    /** The raster rows whose pixels the cores of window row {@code row} cover, full width. */
    public PixelWindow coreRow(int row) {
        PixelWindow core = core(row, 0);
        return new PixelWindow(0, core.row(), width, core.height());
    }

    private void check(int row, int col) {
        if (row < 0 || row >= rows() || col < 0 || col >= columns()) {
            throw new IndexOutOfBoundsException(
                    "window ("
                            + row
                            + ", "
                            + col
                            + ") is outside the "
                            + rows()
                            + " x "
                            + columns()
                            + " grid of windows");
        }
    }
}
