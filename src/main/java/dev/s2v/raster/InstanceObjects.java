package dev.s2v.raster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The labelled vessels of an instance raster (each vessel's pixels carry its own id, 0 = none),
 * gathered row by row and measured as {@link MaskObject}s exactly as mask components are: two ships
 * moored side by side stay two vessels, where the connected components of their mask would merge
 * them. Rows may arrive in strips, so a whole scene needs no more than its open vessels. Not
 * thread-safe.
 */
public final class InstanceObjects {
    private final int width;
    private final Map<Integer, Runs> byId = new LinkedHashMap<>();
    private int row;

    /** The pixels of one instance so far, as horizontal runs. */
    private static final class Runs {
        int count;
        int[] rows = new int[8];
        int[] starts = new int[8];
        int[] ends = new int[8];
        long pixels;
        long sumR;
        long sumC;

        void add(int r, int start, int end) {
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            rows[count] = r;
            starts[count] = start;
            ends[count] = end;
            count++;
            long len = end - start;
            pixels += len;
            sumR += r * len;
            sumC += len * (start + end - 1L) / 2;
        }

        TrackedObject toObject() {
            return new TrackedObject(
                    Arrays.copyOf(rows, count),
                    Arrays.copyOf(starts, count),
                    Arrays.copyOf(ends, count),
                    pixels,
                    sumR,
                    sumC,
                    0,
                    Float.NEGATIVE_INFINITY);
        }
    }

    /**
     * An empty gatherer of a raster {@code width} columns wide.
     *
     * @throws IllegalArgumentException when the width is not positive
     */
    public InstanceObjects(int width) {
        if (width < 1) {
            throw new IllegalArgumentException("a raster needs a positive width, got " + width);
        }
        this.width = width;
    }

    /**
     * The vessels of a whole instance raster.
     *
     * @param ids row-major instance ids, 0 = no vessel
     * @param ignore row-major, true = no data (never a vessel pixel); or null
     * @param pixelSizeM side of a (square) pixel in metres
     */
    public static List<MaskObject> of(
            int[] ids, boolean[] ignore, int width, int height, double pixelSizeM) {
        InstanceObjects objects = new InstanceObjects(width);
        objects.addRows(ids, ignore, height);
        return objects.measure(pixelSizeM);
    }

    /**
     * Adds the next {@code rowCount} rows.
     *
     * @param ids row-major instance ids, 0 = no vessel; at least {@code rowCount * width} values
     * @param ignore row-major, true = no data; or null
     * @throws IllegalArgumentException when an array is too short
     */
    public void addRows(int[] ids, boolean[] ignore, int rowCount) {
        long needed = (long) rowCount * width;
        if (rowCount < 0 || ids.length < needed || (ignore != null && ignore.length < needed)) {
            throw new IllegalArgumentException(
                    rowCount + " rows of " + width + " columns need " + needed + " values");
        }
        for (int r = 0; r < rowCount; r++, row++) {
            int offset = r * width;
            int c = 0;
            while (c < width) {
                int id = idAt(ids, ignore, offset + c);
                if (id == 0) {
                    c++;
                    continue;
                }
                int start = c;
                while (c < width && idAt(ids, ignore, offset + c) == id) {
                    c++;
                }
                byId.computeIfAbsent(id, k -> new Runs()).add(row, start, c);
            }
        }
    }

    private static int idAt(int[] ids, boolean[] ignore, int i) {
        return ignore != null && ignore[i] ? 0 : ids[i];
    }

    /**
     * The vessels so far, one per instance id however its pixels are split, labelled 1, 2, ... in
     * the raster order of their first pixel.
     *
     * @param pixelSizeM side of a (square) pixel in metres
     */
    public List<MaskObject> measure(double pixelSizeM) {
        MeasuredObjects measured = new MeasuredObjects(pixelSizeM);
        List<Runs> all = new ArrayList<>(byId.values());
        for (Runs runs : all) {
            measured.accept(runs.toObject());
        }
        return measured.inRasterOrder();
    }
}
