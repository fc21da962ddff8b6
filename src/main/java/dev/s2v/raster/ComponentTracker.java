package dev.s2v.raster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Finds the 8-connected objects of a binary mask that arrives a few rows at a time, top to bottom,
 * and hands each one over as soon as no later row can touch it. Objects that cross from one strip
 * into the next are joined, so a whole 10980 x 10980 scene is labelled without ever being in
 * memory: only the previous row's runs and the objects still open are kept.
 *
 * <p>Each row is scanned into horizontal runs of foreground; runs of neighbouring rows that touch,
 * diagonals included, belong to one object (a union-find over objects, merging the smaller object's
 * tallies into the larger). An object is complete when a row has none of its runs. Its pixel count
 * and coordinate sums are kept exactly (in {@code long}) and its runs kept, for the shape measures
 * of {@link TrackedObject}.
 *
 * <p>Not thread-safe.
 */
public final class ComponentTracker {
    private final int width;
    private final Consumer<TrackedObject> sink;
    private final List<Tally> tallies = new ArrayList<>();
    private int[] parent = new int[64];
    private int row;
    private RowRuns previous = new RowRuns();
    private RowRuns current = new RowRuns();
    private boolean finished;

    /**
     * A tracker of a mask {@code width} columns wide.
     *
     * @param sink receives each object when it is complete
     * @throws IllegalArgumentException when the width is not positive
     */
    public ComponentTracker(int width, Consumer<TrackedObject> sink) {
        if (width < 1) {
            throw new IllegalArgumentException("a mask needs a positive width, got " + width);
        }
        this.width = width;
        this.sink = sink;
    }

    /**
     * Adds the next {@code rowCount} rows of the mask.
     *
     * @param mask row-major, nonzero = foreground; at least {@code rowCount * width} values
     * @param ignore row-major, true = background whatever the mask says (e.g. no data); or null
     * @param values row-major values summed and maximised over each object's pixels (e.g. the
     *     probabilities the mask was thresholded from); or null
     * @param rowCount rows to add
     * @throws IllegalArgumentException when an array is too short
     * @throws IllegalStateException after {@link #finish()}
     */
    public void addRows(byte[] mask, boolean[] ignore, float[] values, int rowCount) {
        if (finished) {
            throw new IllegalStateException("the tracker is finished");
        }
        long needed = (long) rowCount * width;
        if (rowCount < 0
                || mask.length < needed
                || (ignore != null && ignore.length < needed)
                || (values != null && values.length < needed)) {
            throw new IllegalArgumentException(
                    rowCount + " rows of " + width + " columns need " + needed + " values");
        }
        for (int r = 0; r < rowCount; r++) {
            addRow(mask, ignore, values, r * width);
        }
    }

    /** Completes every object still open (those touching the last row). */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        emit(rootsOf(previous));
    }

    private void addRow(byte[] mask, boolean[] ignore, float[] values, int offset) {
        RowRuns runs = current;
        runs.count = 0;
        int c = 0;
        while (c < width) {
            if (!isForeground(mask, ignore, offset + c)) {
                c++;
                continue;
            }
            int start = c;
            double sum = 0;
            float max = Float.NEGATIVE_INFINITY;
            while (c < width && isForeground(mask, ignore, offset + c)) {
                if (values != null) {
                    sum += values[offset + c];
                    max = Math.max(max, values[offset + c]);
                }
                c++;
            }
            runs.add(start, c, join(start, c), sum, max);
        }
        for (int i = 0; i < runs.count; i++) {
            Tally tally = tallies.get(find(runs.object[i]));
            tally.addRun(row, runs.start[i], runs.end[i], runs.sum[i], runs.max[i]);
        }
        emit(closedObjects());
        RowRuns swap = previous;
        previous = current;
        current = swap;
        row++;
    }

    /**
     * The object of a new run [start, end) of the current row: the one of the previous row's runs
     * it touches (joining them all into one), or a new object.
     */
    private int join(int start, int end) {
        int object = -1;
        // Runs [s, e) and [ps, pe) of adjacent rows touch (8-connectivity) iff ps <= e and
        // s <= pe; the previous row's runs are sorted, so a scan from the first candidate finds
        // every touching one.
        for (int k = previous.firstEndingAtOrAfter(start); k < previous.count; k++) {
            if (previous.start[k] > end) {
                break;
            }
            int root = find(previous.object[k]);
            object = object < 0 ? root : union(object, root);
        }
        return object >= 0 ? object : newObject();
    }

    /** The roots that had runs in the previous row but have none in the current one. */
    private int[] closedObjects() {
        int[] alive = rootsOf(current);
        return Arrays.stream(rootsOf(previous))
                .filter(root -> Arrays.binarySearch(alive, root) < 0)
                .toArray();
    }

    /**
     * The distinct roots of a row's runs, sorted, so the order objects leave in is reproducible.
     */
    private int[] rootsOf(RowRuns runs) {
        int[] roots = new int[runs.count];
        for (int i = 0; i < runs.count; i++) {
            roots[i] = find(runs.object[i]);
        }
        return Arrays.stream(roots).sorted().distinct().toArray();
    }

    private void emit(int[] roots) {
        for (int root : roots) {
            Tally tally = tallies.get(root);
            tallies.set(root, null);
            sink.accept(tally.toObject());
        }
    }

    private static boolean isForeground(byte[] mask, boolean[] ignore, int i) {
        return mask[i] != 0 && (ignore == null || !ignore[i]);
    }

    private int newObject() {
        int id = tallies.size();
        if (id == parent.length) {
            parent = Arrays.copyOf(parent, id * 2);
        }
        parent[id] = id;
        tallies.add(new Tally());
        return id;
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins two roots; the larger tally absorbs the smaller and its root stays. */
    private int union(int a, int b) {
        if (a == b) {
            return a;
        }
        Tally ta = tallies.get(a);
        Tally tb = tallies.get(b);
        int keep = ta.runCount >= tb.runCount ? a : b;
        int drop = keep == a ? b : a;
        tallies.get(keep).absorb(tallies.get(drop));
        tallies.set(drop, null);
        parent[drop] = keep;
        return keep;
    }

    /** The runs of one row, in column order, with their objects and value tallies. */
    private static final class RowRuns {
        int count;
        int[] start = new int[16];
        int[] end = new int[16];
        int[] object = new int[16];
        double[] sum = new double[16];
        float[] max = new float[16];

        void add(int s, int e, int o, double valueSum, float valueMax) {
            if (count == start.length) {
                int grown = count * 2;
                start = Arrays.copyOf(start, grown);
                end = Arrays.copyOf(end, grown);
                object = Arrays.copyOf(object, grown);
                sum = Arrays.copyOf(sum, grown);
                max = Arrays.copyOf(max, grown);
            }
            start[count] = s;
            end[count] = e;
            object[count] = o;
            sum[count] = valueSum;
            max[count] = valueMax;
            count++;
        }

        /** The first run whose end (exclusive) is at or after {@code column}. */
        int firstEndingAtOrAfter(int column) {
            int lo = 0;
            int hi = count;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (end[mid] < column) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** What is known of one open object: its runs and the sums its measures need. */
    private static final class Tally {
        int runCount;
        int[] runRow = new int[4];
        int[] runStart = new int[4];
        int[] runEnd = new int[4];
        long pixels;
        long sumR;
        long sumC;
        double valueSum;
        float valueMax = Float.NEGATIVE_INFINITY;

        void addRun(int r, int start, int end, double runValueSum, float runValueMax) {
            ensure(runCount + 1);
            runRow[runCount] = r;
            runStart[runCount] = start;
            runEnd[runCount] = end;
            runCount++;
            long len = end - start;
            pixels += len;
            sumR += r * len;
            sumC += len * (start + end - 1L) / 2;
            valueSum += runValueSum;
            valueMax = Math.max(valueMax, runValueMax);
        }

        void absorb(Tally other) {
            ensure(runCount + other.runCount);
            System.arraycopy(other.runRow, 0, runRow, runCount, other.runCount);
            System.arraycopy(other.runStart, 0, runStart, runCount, other.runCount);
            System.arraycopy(other.runEnd, 0, runEnd, runCount, other.runCount);
            runCount += other.runCount;
            pixels += other.pixels;
            sumR += other.sumR;
            sumC += other.sumC;
            valueSum += other.valueSum;
            valueMax = Math.max(valueMax, other.valueMax);
        }

        private void ensure(int capacity) {
            if (capacity > runRow.length) {
                int grown = Math.max(capacity, runRow.length * 2);
                runRow = Arrays.copyOf(runRow, grown);
                runStart = Arrays.copyOf(runStart, grown);
                runEnd = Arrays.copyOf(runEnd, grown);
            }
        }

        TrackedObject toObject() {
            return new TrackedObject(
                    Arrays.copyOf(runRow, runCount),
                    Arrays.copyOf(runStart, runCount),
                    Arrays.copyOf(runEnd, runCount),
                    pixels,
                    sumR,
                    sumC,
                    valueSum,
                    valueMax);
        }
    }
}
