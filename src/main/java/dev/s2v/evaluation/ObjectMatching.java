package dev.s2v.evaluation;

import dev.s2v.raster.MaskObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How predicted objects are matched to true vessels: one to one, only pairs whose centroids lie
 * within a radius, and among the matchings of that kind the one with the most pairs and, of those,
 * the smallest summed centroid distance (the Hungarian method on the distances, with pairs beyond
 * the radius priced above any matching's total).
 *
 * <p>Two further rules fit labels that leave out small craft (real datasets outline ships only):
 * predicted objects shorter than {@code minLengthM} are set aside and counted apart, and true
 * vessels shorter than it are optional (finding one earns nothing, missing one costs nothing); an
 * unmatched prediction within {@code nearPx} of a labelled vessel is a near false alarm (a fragment
 * or a double of it), one farther away a far false alarm (clutter, or an unlabelled craft: the
 * gallery shows them).
 *
 * @param radiusPx the largest centroid distance of a match, pixels
 * @param minLengthM vessels shorter than this, metres, are set aside (predicted) or optional
 *     (true); 0 counts every object
 * @param nearPx how close, pixels, an unmatched prediction's centroid must be to a labelled
 *     vessel's to count as near
 */
public record ObjectMatching(double radiusPx, double minLengthM, double nearPx) {

    /** The default radius: 5 pixels, 50 m on the 10 m grid. */
    public static final double DEFAULT_RADIUS_PX = 5;

    /** The default distance of a near false alarm: 10 pixels, 100 m on the 10 m grid. */
    public static final double DEFAULT_NEAR_PX = 10;

    /** Validates the radius, the length and the distance. */
    public ObjectMatching {
        if (!(radiusPx > 0) || Double.isInfinite(radiusPx)) {
            throw new IllegalArgumentException(
                    "matching radiusPx must be positive and finite, got " + radiusPx);
        }
        if (!(minLengthM >= 0) || Double.isInfinite(minLengthM)) {
            throw new IllegalArgumentException(
                    "the minimum vessel length must be 0 or more metres, got " + minLengthM);
        }
        if (!(nearPx >= 0) || Double.isInfinite(nearPx)) {
            throw new IllegalArgumentException(
                    "the near false-alarm distance must be 0 or more pixels, got " + nearPx);
        }
    }

    /** Matching within a radius, every object counted, near within {@value #DEFAULT_NEAR_PX} px. */
    public ObjectMatching(double radiusPx) {
        this(radiusPx, 0, DEFAULT_NEAR_PX);
    }

    /** Matching within {@value #DEFAULT_RADIUS_PX} pixels, every object counted. */
    public static ObjectMatching defaults() {
        return new ObjectMatching(DEFAULT_RADIUS_PX);
    }

    /** Whether an object is long enough to count (see {@link #minLengthM}). */
    public boolean counts(MaskObject object) {
        return object.lengthM() >= minLengthM;
    }

    /**
     * Matches predicted objects to true ones (both in the same pixel grid).
     *
     * <p>Objects only compete with those they could reach, so the candidate pairs are split into
     * independent groups (connected through pairs within the radius) and each group is solved on
     * its own: a scene with thousands of vessels costs little more than its crowded harbours.
     *
     * @return the matches, ordered by true object
     */
    public List<ObjectMatch> match(List<MaskObject> truth, List<MaskObject> predicted) {
        List<int[]> pairs = pairsWithinRadius(truth, predicted);
        int n = truth.size();
        // Union-find over the true objects (0..n-1) and the predicted ones (n..n+m-1).
        int[] parent = new int[n + predicted.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int[] pair : pairs) {
            int a = find(parent, pair[0]);
            int b = find(parent, n + pair[1]);
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        Map<Integer, List<int[]>> groups = new HashMap<>();
        for (int[] pair : pairs) {
            groups.computeIfAbsent(find(parent, pair[0]), k -> new ArrayList<>()).add(pair);
        }
        List<ObjectMatch> matches = new ArrayList<>();
        for (List<int[]> group : groups.values()) {
            matches.addAll(solveGroup(group, truth, predicted));
        }
        matches.sort(Comparator.comparingInt(ObjectMatch::truthIndex));
        return matches;
    }

    /** Index pairs (truth, predicted) within the radius, found through a sort by row. */
    private List<int[]> pairsWithinRadius(List<MaskObject> truth, List<MaskObject> predicted) {
        Integer[] byRow = new Integer[predicted.size()];
        for (int j = 0; j < byRow.length; j++) {
            byRow[j] = j;
        }
        Arrays.sort(byRow, Comparator.comparingDouble(j -> predicted.get(j).centroidRow()));
        double[] rows = new double[byRow.length];
        for (int k = 0; k < byRow.length; k++) {
            rows[k] = predicted.get(byRow[k]).centroidRow();
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            MaskObject t = truth.get(i);
            for (int k = firstAtLeast(rows, t.centroidRow() - radiusPx);
                    k < rows.length && rows[k] <= t.centroidRow() + radiusPx;
                    k++) {
                if (t.centroidDistancePx(predicted.get(byRow[k])) <= radiusPx) {
                    pairs.add(new int[] {i, byRow[k]});
                }
            }
        }
        return pairs;
    }

    private List<ObjectMatch> solveGroup(
            List<int[]> group, List<MaskObject> truth, List<MaskObject> predicted) {
        Map<Integer, Integer> rowOf = new HashMap<>();
        Map<Integer, Integer> colOf = new HashMap<>();
        List<Integer> truthOfRow = new ArrayList<>();
        List<Integer> predictedOfCol = new ArrayList<>();
        for (int[] pair : group) {
            if (rowOf.putIfAbsent(pair[0], truthOfRow.size()) == null) {
                truthOfRow.add(pair[0]);
            }
            if (colOf.putIfAbsent(pair[1], predictedOfCol.size()) == null) {
                predictedOfCol.add(pair[1]);
            }
        }
        int rows = truthOfRow.size();
        int cols = predictedOfCol.size();
        // A pair beyond the radius costs more than any set of pairs within it can add up to, so
        // the cheapest assignment first has the most pairs within the radius, then the shortest.
        double beyond = radiusPx * (Math.min(rows, cols) + 1) + 1;
        double[][] cost = new double[rows][cols];
        for (double[] row : cost) {
            Arrays.fill(row, beyond);
        }
        for (int[] pair : group) {
            cost[rowOf.get(pair[0])][colOf.get(pair[1])] =
                    truth.get(pair[0]).centroidDistancePx(predicted.get(pair[1]));
        }
        int[] assignment = Hungarian.assign(cost);
        List<ObjectMatch> matches = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int c = assignment[r];
            if (c >= 0 && cost[r][c] <= radiusPx) {
                matches.add(new ObjectMatch(truthOfRow.get(r), predictedOfCol.get(c), cost[r][c]));
            }
        }
        return matches;
    }

    private static int firstAtLeast(double[] sorted, double value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
