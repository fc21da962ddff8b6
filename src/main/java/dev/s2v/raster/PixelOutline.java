package dev.s2v.raster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The outline of a set of raster pixels as polygons on the pixel-corner lattice, traced from the
 * pixels' horizontal runs.
 *
 * <p>Pixel (row r, column c) is the unit square [c, c + 1] x [r, r + 1]; a vertex (x, y) is a pixel
 * corner, x counting columns to the right and y rows downwards. Rings are lists {@code x0, y0, x1,
 * y1, ...} that are not closed (the first vertex is not repeated) and hold only the corners where
 * the ring changes direction.
 *
 * <p>Orientation: a ring runs along the pixel sides between the set and the rest with the set on
 * its left as seen on screen (x right, y down). So its shoelace sum {@code Σ (x_i y_(i+1) - x_(i+1)
 * y_i)} is negative for an exterior and positive for a hole: on screen, exteriors run
 * counter-clockwise and holes clockwise. Mapping to a north-up frame (y = -row, or a geotransform
 * with a negative pixel height) flips both signs, which gives the counter-clockwise exteriors and
 * clockwise holes of RFC 7946 (GeoJSON).
 *
 * <p>Pinch rule: where two pixels of the set touch only at a corner (the other two pixels of that 2
 * x 2 block lie outside), two boundary passes meet at the corner. The tracer turns left there,
 * staying with the pixel it follows so that the two diagonal pixels end up in different rings,
 * unless those two pixels are 4-connected to each other through the set; then it turns right, so
 * that the two outside pixels end up in different rings. No fixed turn would do: always left makes
 * a ring closed by a diagonal step (a C whose tips touch) run through the corner twice, tracing its
 * hole and its exterior as one ring; always right does the same to two diagonal pixels. With the
 * rule, no ring visits a corner twice, and:
 *
 * <ul>
 *   <li>there is one {@link Polygon} per 4-connected piece of the set, in the raster order of the
 *       pieces' first pixels (an 8-connected object with diagonal joints gives several);
 *   <li>a polygon's exterior is the outer boundary of its piece, its holes the boundaries of the
 *       regions the piece encloses, where a region pinched at a corner counts as two (another piece
 *       inside such a region is a polygon of its own);
 *   <li>rings meet only at single corners, so each polygon is a valid OGC Simple Features polygon
 *       (its interior, the piece, is connected) and the list a valid MultiPolygon.
 * </ul>
 *
 * <p>The runs are painted into an int image of their bounding box plus a one-pixel margin, so
 * memory is 4 bytes per pixel of that box (16 MB for 2000 x 2000), and each ring is then walked one
 * pixel side at a time.
 */
public final class PixelOutline {
    private PixelOutline() {}

    // Directions of travel: right 0, down 1, left 2 and up 3, so that adding 3 (mod 4) turns left
    // and adding 1 turns right as seen on screen.
    private static final int RIGHT = 0;
    private static final int DOWN = 1;
    private static final int LEFT = 2;
    private static final int[] STEP_X = {1, 0, -1, 0};
    private static final int[] STEP_Y = {0, 1, 0, -1};

    /** Arrays in Java stop a little short of Integer.MAX_VALUE elements. */
    private static final long MAX_IMAGE = Integer.MAX_VALUE - 8;

    /**
     * One polygon of an outline: an exterior ring and the holes inside it, each ring a list {@code
     * x0, y0, x1, y1, ...} of pixel corners, not closed. The rings are copied in and out.
     *
     * @param exterior the outer ring; from {@link PixelOutline}, with a negative shoelace sum
     * @param holes the inner rings; from {@link PixelOutline}, with positive shoelace sums
     */
    public record Polygon(int[] exterior, List<int[]> holes) {

        /** Copies the rings and checks that each is at least three x, y pairs. */
        public Polygon {
            exterior = checkedCopy("exterior", exterior);
            List<int[]> copies = new ArrayList<>(holes.size());
            for (int[] hole : holes) {
                copies.add(checkedCopy("hole", hole));
            }
            holes = List.copyOf(copies);
        }

        /** The outer ring, copied. */
        @Override
        public int[] exterior() {
            return exterior.clone();
        }

        /** The inner rings, copied. */
        @Override
        public List<int[]> holes() {
            return holes.stream().map(int[]::clone).toList();
        }

        /** Area in pixels: that of the exterior minus those of the holes, whatever their turn. */
        public long area() {
            long twice = Math.abs(shoelace(exterior));
            for (int[] hole : holes) {
                twice -= Math.abs(shoelace(hole));
            }
            return twice / 2;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Polygon p)
                    || !Arrays.equals(exterior, p.exterior)
                    || holes.size() != p.holes.size()) {
                return false;
            }
            for (int i = 0; i < holes.size(); i++) {
                if (!Arrays.equals(holes.get(i), p.holes.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int hash = Arrays.hashCode(exterior);
            for (int[] hole : holes) {
                hash = 31 * hash + Arrays.hashCode(hole);
            }
            return hash;
        }

        @Override
        public String toString() {
            return "Polygon[exterior "
                    + Arrays.toString(exterior)
                    + ", "
                    + holes.size()
                    + " holes, area "
                    + area()
                    + "]";
        }

        private static int[] checkedCopy(String name, int[] ring) {
            if (ring.length % 2 != 0 || ring.length < 6) {
                throw new IllegalArgumentException(
                        "a "
                                + name
                                + " ring needs at least 3 x, y pairs, got "
                                + ring.length
                                + " numbers");
            }
            return ring.clone();
        }

        /** Twice the signed area: Σ (x_i y_(i+1) - x_(i+1) y_i) over the closed ring. */
        private static long shoelace(int[] ring) {
            // Relative to the first vertex, so that rings far from the origin cannot overflow.
            long x0 = ring[0];
            long y0 = ring[1];
            long sum = 0;
            for (int i = 2; i + 3 < ring.length; i += 2) {
                sum +=
                        (ring[i] - x0) * (ring[i + 3] - y0)
                                - (ring[i + 2] - x0) * (ring[i + 1] - y0);
            }
            return sum;
        }
    }

    /**
     * Outlines a set of pixels given as horizontal runs.
     *
     * <p>The runs may come in any order and adjacent runs of a row may be split anywhere, but no
     * two may share a pixel. The set need not be connected.
     *
     * @param rows the row of each run
     * @param starts the first column of each run
     * @param ends one past the last column of each run
     * @param count the number of runs, read from the start of each array
     * @return one polygon per 4-connected piece, in the raster order of the pieces' first pixels;
     *     empty when {@code count} is 0
     * @throws IllegalArgumentException when an array holds fewer than {@code count} values, a run
     *     is empty, two runs overlap, a row is {@code Integer.MAX_VALUE} (its bottom corner would
     *     not fit in an int), or the bounding box is too large for one array
     */
    public static List<Polygon> of(int[] rows, int[] starts, int[] ends, int count) {
        if (count < 0 || rows.length < count || starts.length < count || ends.length < count) {
            throw new IllegalArgumentException(
                    "count "
                            + count
                            + " does not fit arrays of "
                            + rows.length
                            + " rows, "
                            + starts.length
                            + " starts and "
                            + ends.length
                            + " ends");
        }
        if (count == 0) {
            return List.of();
        }
        long minRow = Long.MAX_VALUE;
        long maxRow = Long.MIN_VALUE;
        long minCol = Long.MAX_VALUE;
        long maxEnd = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            if (starts[i] >= ends[i]) {
                throw new IllegalArgumentException(
                        "run "
                                + i
                                + " in row "
                                + rows[i]
                                + " covers no pixel: columns ["
                                + starts[i]
                                + ", "
                                + ends[i]
                                + ")");
            }
            if (rows[i] == Integer.MAX_VALUE) {
                throw new IllegalArgumentException(
                        "run "
                                + i
                                + " lies in row "
                                + rows[i]
                                + ", whose bottom edge is past the largest int");
            }
            minRow = Math.min(minRow, rows[i]);
            maxRow = Math.max(maxRow, rows[i]);
            minCol = Math.min(minCol, starts[i]);
            maxEnd = Math.max(maxEnd, ends[i]);
        }
        long boxWidth = maxEnd - minCol;
        long boxHeight = maxRow - minRow + 1;
        if (boxWidth + 2 > MAX_IMAGE / (boxHeight + 2)) {
            throw new IllegalArgumentException(
                    "the runs span "
                            + boxWidth
                            + " x "
                            + boxHeight
                            + " pixels, too many for one image");
        }
        Runs runs = Runs.sorted(rows, starts, ends, count, (int) minRow, (int) minCol, boxWidth);
        int pieces = runs.labelPieces();
        Tracer tracer = new Tracer(runs, (int) boxWidth + 2, (int) boxHeight + 2);
        int[][] exteriors = new int[pieces][];
        List<List<int[]>> holes = new ArrayList<>(pieces);
        for (int p = 0; p < pieces; p++) {
            holes.add(new ArrayList<>());
        }
        // Every ring has a downward side, and each downward side is the left side of a run: the
        // runs, in raster order, are the starting points, and a ring starts at its first one.
        for (int i = 0; i < runs.count; i++) {
            if (!tracer.traced[i]) {
                int[] ring = tracer.trace(i);
                boolean exterior = Polygon.shoelace(ring) < 0;
                for (int k = 0; k < ring.length; k += 2) {
                    ring[k] = ring[k] - 1 + (int) minCol;
                    ring[k + 1] = ring[k + 1] - 1 + (int) minRow;
                }
                int piece = runs.piece[i] - 1;
                if (exterior) {
                    exteriors[piece] = ring;
                } else {
                    holes.get(piece).add(ring);
                }
            }
        }
        List<Polygon> polygons = new ArrayList<>(pieces);
        for (int p = 0; p < pieces; p++) {
            polygons.add(new Polygon(exteriors[p], holes.get(p)));
        }
        return polygons;
    }

    /**
     * The runs in raster order with adjacent ones merged, in image coordinates (the bounding box
     * with a one-pixel margin, so pixel (minRow, minCol) is at (1, 1)), and their 4-connected
     * pieces.
     */
    private static final class Runs {
        int count;
        final int[] row;
        final int[] start;
        final int[] end;

        /** 1-based piece of each run, numbered in raster order. */
        int[] piece;

        private Runs(int capacity) {
            row = new int[capacity];
            start = new int[capacity];
            end = new int[capacity];
        }

        static Runs sorted(
                int[] rows,
                int[] starts,
                int[] ends,
                int count,
                int minRow,
                int minCol,
                long boxWidth) {
            // The pixel offset of a run's start in the box is below 2^31, so it and the run's
            // index share one long and a primitive sort orders the runs.
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                long offset = (long) (rows[i] - minRow) * boxWidth + (starts[i] - minCol);
                keys[i] = offset << 32 | i;
            }
            Arrays.sort(keys);
            Runs runs = new Runs(count);
            for (long key : keys) {
                int i = (int) key;
                int r = rows[i] - minRow + 1;
                int s = starts[i] - minCol + 1;
                int e = ends[i] - minCol + 1;
                int last = runs.count - 1;
                if (last >= 0 && runs.row[last] == r && s <= runs.end[last]) {
                    if (s < runs.end[last]) {
                        throw new IllegalArgumentException(
                                "runs overlap in row " + rows[i] + " at column " + starts[i]);
                    }
                    runs.end[last] = e;
                } else {
                    runs.row[runs.count] = r;
                    runs.start[runs.count] = s;
                    runs.end[runs.count] = e;
                    runs.count++;
                }
            }
            return runs;
        }

        /** Labels the 4-connected pieces (union-find over runs); returns their number. */
        int labelPieces() {
            int[] parent = new int[count];
            for (int i = 0; i < count; i++) {
                parent[i] = i;
            }
            int previousFirst = 0;
            int previousEnd = 0;
            int i = 0;
            while (i < count) {
                int first = i;
                while (i < count && row[i] == row[first]) {
                    i++;
                }
                if (previousEnd > previousFirst && row[previousFirst] == row[first] - 1) {
                    // Runs of adjacent rows share a side iff they share a column; both rows are
                    // sorted, so one forward sweep finds every such pair.
                    int j = previousFirst;
                    for (int k = first; k < i; k++) {
                        while (j < previousEnd && end[j] <= start[k]) {
                            j++;
                        }
                        for (int q = j; q < previousEnd && start[q] < end[k]; q++) {
                            union(parent, k, q);
                        }
                    }
                }
                previousFirst = first;
                previousEnd = i;
            }
            piece = new int[count];
            int next = 0;
            for (int k = 0; k < count; k++) {
                int root = find(parent, k);
                // A root is its piece's first run, so it is numbered before the rest.
                piece[k] = root == k ? ++next : piece[root];
            }
            return next;
        }

        private static int find(int[] parent, int i) {
            while (parent[i] != i) {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            return i;
        }

        private static void union(int[] parent, int a, int b) {
            int ra = find(parent, a);
            int rb = find(parent, b);
            // The smaller index stays the root, so a root is the piece's first run.
            if (ra < rb) {
                parent[rb] = ra;
            } else if (rb < ra) {
                parent[ra] = rb;
            }
        }
    }

    /** Walks rings over an image of run indices (1-based, 0 outside the set). */
    private static final class Tracer {
        final Runs runs;
        final int stride;
        final int[] image;

        /** Whether the left side of each run has been walked, i.e. its ring is done. */
        final boolean[] traced;

        int[] ring = new int[64];

        Tracer(Runs runs, int stride, int height) {
            this.runs = runs;
            this.stride = stride;
            image = new int[stride * height];
            for (int i = 0; i < runs.count; i++) {
                int base = runs.row[i] * stride;
                Arrays.fill(image, base + runs.start[i], base + runs.end[i], i + 1);
            }
            traced = new boolean[runs.count];
        }

        /** The ring that starts down the left side of run i, at its top-left corner. */
        int[] trace(int run) {
            int sx = runs.start[run];
            int sy = runs.row[run];
            int x = sx;
            int y = sy;
            int direction = DOWN;
            // The start is a corner: a ring arriving from straight above would have started at
            // the run above, earlier in raster order, and walked this side already.
            int n = add(0, x, y);
            while (true) {
                if (direction == DOWN) {
                    traced[image[y * stride + x] - 1] = true;
                }
                x += STEP_X[direction];
                y += STEP_Y[direction];
                int next = turn(x, y, direction);
                if (x == sx && y == sy && next == DOWN) {
                    return Arrays.copyOf(ring, n);
                }
                if (next != direction) {
                    n = add(n, x, y);
                }
                direction = next;
            }
        }

        private int add(int n, int x, int y) {
            if (n + 2 > ring.length) {
                ring = Arrays.copyOf(ring, 2 * ring.length);
            }
            ring[n] = x;
            ring[n + 1] = y;
            return n + 2;
        }

        /** The direction to leave corner (x, y) after arriving in {@code direction}. */
        private int turn(int x, int y, int direction) {
            int nw = image[(y - 1) * stride + x - 1];
            int ne = image[(y - 1) * stride + x];
            int sw = image[y * stride + x - 1];
            int se = image[y * stride + x];
            int left = (direction + 3) & 3;
            int right = (direction + 1) & 3;
            boolean pinchNwSe = nw != 0 && se != 0 && ne == 0 && sw == 0;
            boolean pinchNeSw = ne != 0 && sw != 0 && nw == 0 && se == 0;
            if (pinchNwSe || pinchNeSw) {
                // Both turns leave along the set here: the pinch rule of the class picks one.
                int a = pinchNwSe ? nw : ne;
                int b = pinchNwSe ? se : sw;
                return runs.piece[a - 1] == runs.piece[b - 1] ? right : left;
            }
            // Elsewhere exactly one side leaves the corner with the set on its left.
            if (leaves(left, nw, ne, sw, se)) {
                return left;
            }
            return leaves(direction, nw, ne, sw, se) ? direction : right;
        }

        /** Whether the side leaving a corner in this direction has the set on its left only. */
        private static boolean leaves(int direction, int nw, int ne, int sw, int se) {
            return switch (direction) {
                case RIGHT -> ne != 0 && se == 0;
                case DOWN -> se != 0 && sw == 0;
                case LEFT -> sw != 0 && nw == 0;
                default -> nw != 0 && ne == 0; // up
            };
        }
    }
}
