package dev.s2v.raster;

/**
 * An image reprojected to Web Mercator (EPSG:3857) by {@link WebMercator#warp}, with the WGS 84
 * latitudes and longitudes of its outer edges: drawn as a plain picture between those bounds on a
 * Web Mercator map (Leaflet's {@code L.imageOverlay}), every pixel lands where it belongs.
 *
 * @param width columns
 * @param height rows
 * @param bands row-major bytes, {@code width * height} per band, in the order of the source bands
 *     (the last band is alpha when the source had one)
 * @param south latitude of the bottom edge in degrees
 * @param west longitude of the left edge in degrees
 * @param north latitude of the top edge in degrees
 * @param east longitude of the right edge in degrees
 */
public record WarpedImage(
        int width,
        int height,
        byte[][] bands,
        double south,
        double west,
        double north,
        double east) {

    /** Validates the size, the band lengths and the bounds. */
    public WarpedImage {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "a warped image needs a positive size, got " + width + " x " + height);
        }
        if (bands.length == 0) {
            throw new IllegalArgumentException("a warped image needs at least one band");
        }
        for (int b = 0; b < bands.length; b++) {
            if (bands[b].length != width * height) {
                throw new IllegalArgumentException(
                        "band "
                                + (b + 1)
                                + " holds "
                                + bands[b].length
                                + " values, expected "
                                + width
                                + " x "
                                + height);
            }
        }
        WebMercator.checkBounds("warped image", south, west, north, east);
    }
}
