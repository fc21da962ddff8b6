package dev.s2v.raster;

/**
 * An affine map from pixel to map coordinates in GDAL's order: {@code x = originX + col *
 * pixelWidth + row * rowRotation}, {@code y = originY + col * colRotation + row * pixelHeight}
 * (pixelHeight is negative for north-up rasters; the origin is the outer corner of pixel (0, 0)).
 *
 * @param originX map x of the upper-left corner
 * @param pixelWidth pixel width in map units
 * @param rowRotation x shift per row (0 for north-up)
 * @param originY map y of the upper-left corner
 * @param colRotation y shift per column (0 for north-up)
 * @param pixelHeight pixel height in map units, negative for north-up
 */
public record GeoTransform(
        double originX,
        double pixelWidth,
        double rowRotation,
        double originY,
        double colRotation,
        double pixelHeight) {

    /** From GDAL's six-element array. */
    public static GeoTransform of(double[] gdal) {
        if (gdal.length != 6) {
            throw new IllegalArgumentException("a geotransform has 6 elements, got " + gdal.length);
        }
        return new GeoTransform(gdal[0], gdal[1], gdal[2], gdal[3], gdal[4], gdal[5]);
    }

    /** A north-up transform with square pixels of {@code pixelSize} map units. */
    public static GeoTransform northUp(double originX, double originY, double pixelSize) {
        return new GeoTransform(originX, pixelSize, 0, originY, 0, -pixelSize);
    }

    /** GDAL's six-element array. */
    public double[] toArray() {
        return new double[] {originX, pixelWidth, rowRotation, originY, colRotation, pixelHeight};
    }

    /** Whether the grid is north-up (no rotation terms). */
    public boolean isNorthUp() {
        return rowRotation == 0 && colRotation == 0;
    }

    /** Map x of a (fractional) pixel position. */
    public double mapX(double col, double row) {
        return originX + col * pixelWidth + row * rowRotation;
    }

    /** Map y of a (fractional) pixel position. */
    public double mapY(double col, double row) {
        return originY + col * colRotation + row * pixelHeight;
    }

    /**
     * The (fractional) pixel position {col, row} of a map point: this transform inverted.
     *
     * @throws IllegalStateException when the transform is singular
     */
    public double[] pixelOf(double x, double y) {
        double determinant = pixelWidth * pixelHeight - rowRotation * colRotation;
        if (determinant == 0) {
            throw new IllegalStateException("the geotransform is singular: " + this);
        }
        double dx = x - originX;
        double dy = y - originY;
        return new double[] {
            (pixelHeight * dx - rowRotation * dy) / determinant,
            (pixelWidth * dy - colRotation * dx) / determinant
        };
    }

    /** The transform of the sub-grid whose pixel (0, 0) is this grid's pixel (col, row). */
    public GeoTransform shifted(int col, int row) {
        return new GeoTransform(
                mapX(col, row), pixelWidth, rowRotation, mapY(col, row), colRotation, pixelHeight);
    }

    /** The same origin with pixels {@code factor} times larger (e.g. 10 m to 20 m: factor 2). */
    public GeoTransform scaled(double factor) {
        return new GeoTransform(
                originX,
                pixelWidth * factor,
                rowRotation * factor,
                originY,
                colRotation * factor,
                pixelHeight * factor);
    }
}
