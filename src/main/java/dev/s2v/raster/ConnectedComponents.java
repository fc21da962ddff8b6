package dev.s2v.raster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Labels the 8-connected objects of a whole binary mask and measures them ({@link MaskObject}). The
 * labelling is {@link ComponentTracker}'s, the one every caller uses (whole scenes go through it
 * strip by strip); this class runs it over a mask held in memory and numbers the objects in the
 * raster order of their first pixel.
 *
 * <p>Nothing recurses, and the work and memory grow with the number of horizontal runs of
 * foreground, not of pixels.
 */
public final class ConnectedComponents {
    /** Objects in the raster order of their first pixel. */
    public static final Comparator<TrackedObject> RASTER_ORDER =
            Comparator.comparingInt(TrackedObject::firstRow)
                    .thenComparingInt(TrackedObject::firstCol);

    private ConnectedComponents() {}

    /**
     * Labels a mask.
     *
     * @param mask row-major, nonzero = foreground
     * @param width columns
     * @param height rows
     * @param pixelSizeM side of a (square) pixel in metres, for areas and lengths
     * @throws IllegalArgumentException when the sizes disagree
     */
    public static Components label(byte[] mask, int width, int height, double pixelSizeM) {
        return label(mask, null, width, height, pixelSizeM);
    }

    /**
     * Labels a mask whose ignored pixels (e.g. no data) count as background: they belong to no
     * object and join none.
     *
     * @param mask row-major, nonzero = foreground
     * @param ignore row-major, true = treat as background
     * @param width columns
     * @param height rows
     * @param pixelSizeM side of a (square) pixel in metres, for areas and lengths
     * @throws IllegalArgumentException when the sizes disagree
     */
    public static Components label(
            byte[] mask, boolean[] ignore, int width, int height, double pixelSizeM) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "a mask needs a positive size, got " + width + " x " + height);
        }
        long pixels = (long) width * height;
        if (mask.length != pixels) {
            throw new IllegalArgumentException(
                    "mask has "
                            + mask.length
                            + " values but "
                            + width
                            + " x "
                            + height
                            + " needs "
                            + pixels);
        }
        if (ignore != null && ignore.length != pixels) {
            throw new IllegalArgumentException(
                    "ignore mask has " + ignore.length + " values, the mask " + pixels);
        }
        if (!(pixelSizeM > 0) || Double.isInfinite(pixelSizeM)) {
            throw new IllegalArgumentException(
                    "pixelSizeM must be positive and finite, got " + pixelSizeM);
        }
        List<TrackedObject> found = new ArrayList<>();
        ComponentTracker tracker = new ComponentTracker(width, found::add);
        tracker.addRows(mask, ignore, null, height);
        tracker.finish();
        found.sort(RASTER_ORDER);
        List<MaskObject> objects = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            objects.add(found.get(i).measure(i + 1, pixelSizeM));
        }
        return new Components(width, height, found, objects);
    }
}
