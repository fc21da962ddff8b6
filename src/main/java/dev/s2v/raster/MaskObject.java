package dev.s2v.raster;

/**
 * One connected object of a binary mask (a vessel, predicted or true) and its shape.
 *
 * <p>Coordinates are those of the mask's pixel grid: row 0 is the top (north) row, column 0 the
 * left (west) column, and a pixel's centre lies at (row + 0.5, col + 0.5) in continuous
 * coordinates; the centroid is given in the same integer-centred convention as the pixel indices,
 * so a single pixel at (3, 7) has its centroid at exactly (3.0, 7.0).
 *
 * <p>Length, width and heading come from the minimum-area rectangle that holds the centres of the
 * object's pixels, grown by one pixel along both of its sides (each centre stands for a pixel one
 * pixel wide): one pixel measures 1 x 1, an axis-aligned block of 20 x 4 pixels exactly 20 x 4, and
 * a rasterised rectangle at any angle within about one pixel of its true sides. The heading is the
 * direction of the rectangle's long side in degrees clockwise from grid north (up, towards row 0),
 * folded into [0, 180) because a blob has an axis but no bow; an object without a long side (a
 * square rectangle, one pixel) has heading 0. Grid north is not true north away from a UTM zone's
 * central meridian: callers that report headings on the ground turn them by the meridian
 * convergence.
 *
 * @param label the object's label in the labelling (1, 2, ...), or its index when the object comes
 *     from elsewhere (e.g. a label polygon)
 * @param pixelCount number of pixels, at least 1
 * @param areaM2 pixel count times the pixel area
 * @param centroidRow mean row of the pixels
 * @param centroidCol mean column of the pixels
 * @param bounds the smallest window holding every pixel of the object
 * @param lengthM the long side of the rectangle, metres
 * @param widthM the short side of the rectangle, metres
 * @param headingDeg direction of the long side, degrees clockwise from grid north, 0 (inclusive) to
 *     180 (exclusive)
 */
public record MaskObject(
        int label,
        int pixelCount,
        double areaM2,
        double centroidRow,
        double centroidCol,
        PixelWindow bounds,
        double lengthM,
        double widthM,
        double headingDeg) {

    /** Validates the shape values. */
    public MaskObject {
        if (pixelCount < 1) {
            throw new IllegalArgumentException(
                    "a mask object needs at least one pixel, got " + pixelCount);
        }
        if (bounds == null) {
            throw new IllegalArgumentException("a mask object needs its bounds");
        }
        requireFinite("centroidRow", centroidRow);
        requireFinite("centroidCol", centroidCol);
        requireNonNegative("areaM2", areaM2);
        requireNonNegative("lengthM", lengthM);
        requireNonNegative("widthM", widthM);
        if (!(headingDeg >= 0 && headingDeg < 180)) {
            throw new IllegalArgumentException("headingDeg must be in [0, 180), got " + headingDeg);
        }
    }

    /** Sides closer than this share of the length make a square: its heading means nothing. */
    public static final double SQUARE_TOLERANCE = 1e-9;

    /** Whether the object has a long side, and so a heading that means something. */
    public boolean hasAxis() {
        return lengthM - widthM > SQUARE_TOLERANCE * lengthM;
    }

    /** The same object under another label. */
    public MaskObject withLabel(int newLabel) {
        return new MaskObject(
                newLabel,
                pixelCount,
                areaM2,
                centroidRow,
                centroidCol,
                bounds,
                lengthM,
                widthM,
                headingDeg);
    }

    /** Euclidean distance between the centroids of two objects, in pixels. */
    public double centroidDistancePx(MaskObject other) {
        return Math.hypot(centroidRow - other.centroidRow, centroidCol - other.centroidCol);
    }

    private static void requireFinite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite, got " + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(
                    name + " must be finite and not negative, got " + value);
        }
    }
}
