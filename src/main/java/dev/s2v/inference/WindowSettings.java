package dev.s2v.inference;

import dev.s2v.raster.WindowGrid;

/**
 * How a scene is cut into windows for the network: square windows of {@code windowPx} that overlap
 * by {@code overlapPx}, run {@code batch} at a time. Only the centre of each window is kept (half
 * the overlap is cut from each side), where the network sees enough context; the defaults come from
 * {@code s2v bench predict} (see the README).
 *
 * @param windowPx window side, pixels: a multiple of the model's {@code 2^depth}
 * @param overlapPx pixels shared by neighbouring windows, 0 to {@code windowPx - 2^depth}
 * @param batch windows per forward pass
 */
public record WindowSettings(int windowPx, int overlapPx, int batch) {
    /** The default window side, pixels. */
    public static final int DEFAULT_WINDOW_PX = 512;

    /** The default overlap, pixels. */
    public static final int DEFAULT_OVERLAP_PX = 32;

    /** The default batch, windows. */
    public static final int DEFAULT_BATCH = 1;

    /** Validates the numbers that do not depend on the model. */
    public WindowSettings {
        if (windowPx < 16) {
            throw new IllegalArgumentException("--window must be at least 16 px, got " + windowPx);
        }
        if (overlapPx < 0 || overlapPx >= windowPx) {
            throw new IllegalArgumentException(
                    "--overlap must be 0 to "
                            + (windowPx - 1)
                            + " px for "
                            + windowPx
                            + " px windows, got "
                            + overlapPx);
        }
        if (batch < 1) {
            throw new IllegalArgumentException("--batch must be at least 1, got " + batch);
        }
    }

    /** The defaults. */
    public static WindowSettings defaults() {
        return new WindowSettings(DEFAULT_WINDOW_PX, DEFAULT_OVERLAP_PX, DEFAULT_BATCH);
    }

    /**
     * The windows laid over a raster for a network that takes multiples of {@code multiple} pixels:
     * as many of the configured size as the raster's longer side needs, then shrunk (to a multiple
     * of the network's) until they just cover it, so the last row and column of windows do not
     * mostly hang past the raster: a 2048 px scene takes 5 x 5 windows of 448 px rather than of
     * 512, with the same overlap, and a scene smaller than one window takes one window of about its
     * own size.
     */
    public WindowGrid grid(int width, int height, int multiple) {
        int extent = Math.max(width, height);
        int count = Math.floorDiv(extent + windowPx - overlapPx - 1, windowPx - overlapPx);
        int core = Math.floorDiv(extent + count - 1, count);
        int fitted = Math.floorDiv(core + overlapPx + multiple - 1, multiple) * multiple;
        return new WindowGrid(width, height, Math.min(windowPx, fitted), overlapPx);
    }

    /**
     * Checks the window against a network that takes multiples of {@code multiple} pixels.
     *
     * @throws IllegalArgumentException naming the nearest sizes that fit
     */
    void requireFits(int multiple) {
        if (windowPx % multiple != 0) {
            int below = windowPx / multiple * multiple;
            throw new IllegalArgumentException(
                    "--window must be a multiple of "
                            + multiple
                            + " px for this model (2^depth), got "
                            + windowPx
                            + "; try "
                            + (below >= multiple ? below + " or " : "")
                            + (below + multiple));
        }
    }
}
