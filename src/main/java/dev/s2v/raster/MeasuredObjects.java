package dev.s2v.raster;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Receives objects from a {@link ComponentTracker} and keeps only their measures, not their pixels,
 * so a whole scene's objects cost a few numbers each; at the end they are numbered in the raster
 * order of their first pixel, as {@link ConnectedComponents} numbers them. Not thread-safe.
 */
public final class MeasuredObjects implements Consumer<TrackedObject> {
    private final double pixelSizeM;
    private final List<Entry> entries = new ArrayList<>();

    private record Entry(int firstRow, int firstCol, MaskObject object) {}

    /**
     * An empty collection.
     *
     * @param pixelSizeM side of a (square) pixel in metres, for areas and lengths
     */
    public MeasuredObjects(double pixelSizeM) {
        this.pixelSizeM = pixelSizeM;
    }

    @Override
    public void accept(TrackedObject object) {
        entries.add(new Entry(object.firstRow(), object.firstCol(), object.measure(0, pixelSizeM)));
    }

    /** The objects so far, labelled 1, 2, ... in the raster order of their first pixel. */
    public List<MaskObject> inRasterOrder() {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt(Entry::firstRow).thenComparingInt(Entry::firstCol));
        List<MaskObject> objects = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            objects.add(sorted.get(i).object().withLabel(i + 1));
        }
        return objects;
    }
}
