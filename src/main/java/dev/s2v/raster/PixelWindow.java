package dev.s2v.raster;

/**
 * A rectangle of a pixel grid. The column and row may be negative and the rectangle may run past
 * the grid: readers pad what lies outside.
 *
 * @param col first column (may be negative)
 * @param row first row (may be negative)
 * @param width columns, at least 1
 * @param height rows, at least 1
 */
public record PixelWindow(int col, int row, int width, int height) {

    /** Validates the size. */
    public PixelWindow {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "a pixel window needs a positive size, got " + width + " x " + height);
        }
    }

    /** The whole of a grid of the given size. */
    public static PixelWindow of(int width, int height) {
        return new PixelWindow(0, 0, width, height);
    }

    /** One past the last column. */
    public int endCol() {
        return col + width;
    }

    /** One past the last row. */
    public int endRow() {
        return row + height;
    }

    /** Number of pixels. */
    public int pixelCount() {
        return Math.multiplyExact(width, height);
    }

    /** Whether any pixel of this window lies inside a grid of the given size. */
    public boolean overlaps(int gridWidth, int gridHeight) {
        return col < gridWidth && row < gridHeight && endCol() > 0 && endRow() > 0;
    }

    /** Whether the whole window lies inside a grid of the given size. */
    public boolean isInside(int gridWidth, int gridHeight) {
        return col >= 0 && row >= 0 && endCol() <= gridWidth && endRow() <= gridHeight;
    }

    /**
     * The part of this window inside a grid of the given size.
     *
     * @throws IllegalArgumentException when nothing of the window lies inside
     */
    public PixelWindow clippedTo(int gridWidth, int gridHeight) {
        if (!overlaps(gridWidth, gridHeight)) {
            throw new IllegalArgumentException(
                    "window "
                            + this
                            + " lies outside the "
                            + gridWidth
                            + " x "
                            + gridHeight
                            + " pixel grid");
        }
        int c0 = Math.max(col, 0);
        int r0 = Math.max(row, 0);
        return new PixelWindow(
                c0, r0, Math.min(endCol(), gridWidth) - c0, Math.min(endRow(), gridHeight) - r0);
    }

    @Override
    public String toString() {
        return "col " + col + ", row " + row + ", " + width + " x " + height + " px";
    }
}
