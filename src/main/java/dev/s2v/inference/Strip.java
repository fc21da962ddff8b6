package dev.s2v.inference;

import dev.s2v.raster.BandWindow;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.SpectralBand;

/**
 * Whole rows of a predicted region: the vessel probability of each pixel, which pixels hold data,
 * and the bands they were predicted from.
 *
 * @param rows the strip's pixels in the source's grid: the region's columns, some of its rows
 * @param probability row-major over {@code rows}; NaN where there is no data
 * @param valid row-major over {@code rows}; false where a model band has no data or the pixel lies
 *     outside the area of interest
 * @param pixels the bands read, over a window that holds {@code rows}; its arrays are reused for
 *     the next strip, so a sink must not keep them
 */
record Strip(PixelWindow rows, float[] probability, boolean[] valid, BandWindow pixels) {

    /** A band's reflectances over the strip's pixels, read in place (NaN = no data). */
    BandRows band(SpectralBand band) {
        PixelWindow read = pixels.window();
        return new BandRows(
                pixels.band(band),
                (rows.row() - read.row()) * read.width() + rows.col() - read.col(),
                read.width(),
                rows.width());
    }

    /**
     * One band's values over a strip, in the array of the window they were read into.
     *
     * @param values the band's array over the read window
     * @param offset where the strip's first pixel lies in it
     * @param readWidth the read window's width
     * @param width the strip's width
     */
    record BandRows(float[] values, int offset, int readWidth, int width) {
        /** The value at a pixel of the strip (row-major index). */
        float at(int index) {
            return values[offset + index / width * readWidth + index % width];
        }
    }
}
