package dev.s2v.raster;

import java.util.OptionalInt;

/**
 * A georeferenced pixel grid: size, geotransform and coordinate reference system.
 *
 * @param width columns
 * @param height rows
 * @param transform pixel-to-map transform
 * @param crsWkt the CRS as WKT (empty when the source has none)
 * @param epsg the EPSG code of the CRS when it has one
 */
public record RasterGrid(
        int width, int height, GeoTransform transform, String crsWkt, OptionalInt epsg) {

    /** Validates the size. */
    public RasterGrid {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "a raster grid needs a positive size, got " + width + " x " + height);
        }
    }

    /** The grid of a window of this grid (the window need not lie inside). */
    public RasterGrid window(PixelWindow window) {
        return new RasterGrid(
                window.width(),
                window.height(),
                transform.shifted(window.col(), window.row()),
                crsWkt,
                epsg);
    }

    /** Pixel size along x in map units (metres for UTM). */
    public double pixelSizeX() {
        return Math.abs(transform.pixelWidth());
    }

    /** The CRS as {@code EPSG:n}, or "unknown CRS". */
    public String crsLabel() {
        return epsg.isPresent()
                ? "EPSG:" + epsg.getAsInt()
                : crsWkt.isEmpty() ? "no CRS" : "custom CRS";
    }
}
