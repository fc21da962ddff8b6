package dev.s2v.raster;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a band stored at a coarser, aligned resolution onto a window of the 10 m grid by nearest
 * neighbour: every native pixel becomes factor x factor identical 10 m pixels, so no value is
 * invented.
 */
final class NearestNeighbour {
    private NearestNeighbour() {}

    /**
     * Fills {@code out} (row-major over {@code window}) with reflectances; NaN where the window
     * runs past the grid or the band has no data.
     *
     * @param dataset the band's file, aligned with the grid's origin
     * @param bandIndex 1-based band of the file
     * @param factor 10 m pixels per native pixel along each axis
     * @param gridWidth width of the 10 m grid
     * @param gridHeight height of the 10 m grid
     * @param scratch where native values are read before they are replicated; reused from call to
     *     call so that strip reading makes no garbage of the strip's size
     */
    static void read(
            RasterDataset dataset,
            int bandIndex,
            int factor,
            Radiometry radiometry,
            PixelWindow window,
            int gridWidth,
            int gridHeight,
            float[] out,
            Scratch scratch)
            throws RasterFormatException {
        PixelWindow inside = window.clippedTo(gridWidth, gridHeight);
        if (factor == 1 && inside.equals(window)) {
            // The common case of strip reading: straight into the caller's array, no copy.
            dataset.readFloat(bandIndex, window, out);
            for (int i = 0; i < out.length; i++) {
                out[i] = radiometry.reflectance(out[i]);
            }
            return;
        }
        Arrays.fill(out, Float.NaN);
        int nativeCol0 = inside.col() / factor;
        int nativeRow0 = inside.row() / factor;
        int nativeCols = Math.floorDiv(inside.endCol() - 1, factor) - nativeCol0 + 1;
        int nativeRows = Math.floorDiv(inside.endRow() - 1, factor) - nativeRow0 + 1;
        float[] raw = scratch.floats(nativeCols * nativeRows);
        dataset.readFloat(
                bandIndex, new PixelWindow(nativeCol0, nativeRow0, nativeCols, nativeRows), raw);
        // Convert each native value once, then replicate.
        for (int i = 0; i < nativeCols * nativeRows; i++) {
            raw[i] = radiometry.reflectance(raw[i]);
        }
        for (int row = inside.row(); row < inside.endRow(); row++) {
            int nativeOffset = (row / factor - nativeRow0) * nativeCols;
            int outOffset = (row - window.row()) * window.width() - window.col();
            for (int col = inside.col(); col < inside.endCol(); col++) {
                out[outOffset + col] = raw[nativeOffset + col / factor - nativeCol0];
            }
        }
    }

    /**
     * Float arrays kept for the next read of the same size: strips of the 10, 20 and 60 m bands
     * each find theirs again. Not thread-safe.
     */
    static final class Scratch {
        /** Sizes kept at once: a few resolutions, and the shorter last strip of each. */
        private static final int KEPT = 6;

        private final Map<Integer, float[]> bySize = new LinkedHashMap<>();

        /** An array of exactly {@code length} values, reused when one of that size was made. */
        float[] floats(int length) {
            float[] values = bySize.remove(length);
            if (values == null) {
                values = new float[length];
                if (bySize.size() >= KEPT) {
                    bySize.remove(bySize.keySet().iterator().next());
                }
            }
            bySize.put(length, values);
            return values;
        }
    }

    /**
     * Native pixels needed to cover {@code size10m} pixels at 10 m (a partial last pixel counts).
     */
    static int nativeSize(int size10m, int factor) {
        return -Math.floorDiv(-size10m, factor);
    }

    /** Fills the padding mask of a window over a grid: true where a pixel lies outside. */
    static void padding(PixelWindow window, int gridWidth, int gridHeight, boolean[] padding) {
        for (int r = 0; r < window.height(); r++) {
            int row = window.row() + r;
            for (int c = 0; c < window.width(); c++) {
                int col = window.col() + c;
                padding[r * window.width() + c] =
                        row < 0 || row >= gridHeight || col < 0 || col >= gridWidth;
            }
        }
    }
}
