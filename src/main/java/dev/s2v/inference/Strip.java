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

    /** The reflectance of a band at a pixel of the strip (row-major index), NaN for no data. */
    float reflectance(SpectralBand band, int index) {
        PixelWindow read = pixels.window();
        int r = rows.row() + index / rows.width() - read.row();
        int c = rows.col() + index % rows.width() - read.col();
        return pixels.band(band)[r * read.width() + c];
    }
}
