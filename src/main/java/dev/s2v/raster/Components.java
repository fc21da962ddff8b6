package dev.s2v.raster;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The connected objects of a mask as {@link ConnectedComponents} found them: their measurements
 * and, compactly, which pixels carry which label (horizontal runs).
 */
public final class Components {
    private final int width;
    private final int height;
    private final List<TrackedObject> tracked;
    private final List<MaskObject> objects;

    /** The tracked objects and their measures, both in label order (label i + 1 at index i). */
    Components(int width, int height, List<TrackedObject> tracked, List<MaskObject> objects) {
        this.width = width;
        this.height = height;
        this.tracked = List.copyOf(tracked);
        this.objects = Collections.unmodifiableList(objects);
    }

    /** Receives the pixels of one object on one row. */
    @FunctionalInterface
    public interface RunVisitor {
        /**
         * One run of pixels.
         *
         * @param label the object's label (1..count)
         * @param row the row
         * @param startCol first column
         * @param endCol one past the last column
         */
        void run(int label, int row, int startCol, int endCol);
    }

    /** Columns of the mask. */
    public int width() {
        return width;
    }

    /** Rows of the mask. */
    public int height() {
        return height;
    }

    /** Number of objects. */
    public int count() {
        return objects.size();
    }

    /**
     * The objects, in the raster order of their first pixel; object {@code i} of the list has label
     * {@code i + 1}.
     */
    public List<MaskObject> objects() {
        return objects;
    }

    /** Visits every run of object pixels, object by object (cheap: no full-size array). */
    public void forEachRun(RunVisitor visitor) {
        for (int o = 0; o < tracked.size(); o++) {
            TrackedObject object = tracked.get(o);
            for (int i = 0; i < object.runCount(); i++) {
                visitor.run(o + 1, object.runRow(i), object.runStart(i), object.runEnd(i));
            }
        }
    }

    /**
     * A new row-major label image: 0 for background, the object's label elsewhere. For a full
     * Sentinel-2 tile this is 482 MB; prefer {@link #forEachRun} where a visit will do.
     */
    public int[] labelImage() {
        int[] labels = new int[Math.multiplyExact(width, height)];
        forEachRun(
                (label, row, startCol, endCol) ->
                        Arrays.fill(labels, row * width + startCol, row * width + endCol, label));
        return labels;
    }
}
