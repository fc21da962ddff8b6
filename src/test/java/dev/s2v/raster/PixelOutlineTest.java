package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.PixelOutline.Polygon;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pixel outlines: hand-traced shapes, pinch points, and random masks checked by brute force. */
class PixelOutlineTest {

    @Test
    void aLonePixelIsAUnitSquareCounterClockwiseOnScreen() {
        List<Polygon> polygons = PixelOutline.of(new int[] {5}, new int[] {7}, new int[] {8}, 1);
        assertEquals(1, polygons.size());
        Polygon p = polygons.get(0);
        assertArrayEquals(new int[] {7, 5, 7, 6, 8, 6, 8, 5}, p.exterior());
        assertEquals(0, p.holes().size());
        assertEquals(1, p.area());
        assertEquals(-2, shoelace(p.exterior()));
    }

    @Test
    void aBlockIsItsFourCorners() {
        assertEquals(List.of(polygon(ring(0, 0, 0, 2, 3, 2, 3, 0))), outline("XXX", "XXX"));
    }

    @Test
    void anLShapeHasSixCorners() {
        List<Polygon> polygons = outline("X.", "X.", "XX");
        assertEquals(List.of(polygon(ring(0, 0, 0, 3, 2, 3, 2, 2, 1, 2, 1, 0))), polygons);
        assertEquals(4, polygons.get(0).area());
    }

    @Test
    void aUShapeHasEightCorners() {
        List<Polygon> polygons = outline("X.X", "X.X", "XXX");
        assertEquals(
                List.of(polygon(ring(0, 0, 0, 3, 3, 3, 3, 0, 2, 0, 2, 2, 1, 2, 1, 0))), polygons);
        assertEquals(7, polygons.get(0).area());
    }

    @Test
    void aRingOfEightPixelsHasAHoleRunningTheOtherWay() {
        List<Polygon> polygons = outline("XXX", "X.X", "XXX");
        assertEquals(
                List.of(polygon(ring(0, 0, 0, 3, 3, 3, 3, 0), ring(2, 1, 2, 2, 1, 2, 1, 1))),
                polygons);
        Polygon p = polygons.get(0);
        assertEquals(8, p.area());
        assertTrue(shoelace(p.exterior()) < 0);
        assertEquals(2, shoelace(p.holes().get(0)));
    }

    @Test
    void diagonalPixelsArePolygonsOfTheirOwn() {
        assertEquals(
                List.of(
                        polygon(ring(0, 0, 0, 1, 1, 1, 1, 0)),
                        polygon(ring(1, 1, 1, 2, 2, 2, 2, 1))),
                outline("X.", ".X"));
        assertEquals(
                List.of(
                        polygon(ring(1, 0, 1, 1, 2, 1, 2, 0)),
                        polygon(ring(0, 1, 0, 2, 1, 2, 1, 1))),
                outline(".X", "X."));
    }

    @Test
    void aCheckerboardIsOnePolygonPerPixel() {
        assertEquals(
                List.of(
                        unitSquare(0, 0),
                        unitSquare(2, 0),
                        unitSquare(1, 1),
                        unitSquare(0, 2),
                        unitSquare(2, 2)),
                outline("X.X", ".X.", "X.X"));
    }

    @Test
    void fourPixelsRoundAGapEncloseNothing() {
        // The gap is open to the outside through its corners: four squares, no hole.
        assertEquals(
                List.of(unitSquare(1, 0), unitSquare(0, 1), unitSquare(2, 1), unitSquare(1, 2)),
                outline(".X.", "X.X", ".X."));
    }

    @Test
    void aHoleTouchingTheExteriorAtACornerIsARingOfItsOwn() {
        // A C whose tips touch at corner (1, 1): the exterior and the hole each pass it once.
        List<Polygon> polygons = outline(".XX", "X.X", "XXX");
        assertEquals(
                List.of(
                        polygon(
                                ring(1, 0, 1, 1, 0, 1, 0, 3, 3, 3, 3, 0),
                                ring(2, 1, 2, 2, 1, 2, 1, 1))),
                polygons);
        assertEquals(7, polygons.get(0).area());
    }

    @Test
    void aHoleTouchingItselfAtACornerIsTwoHoles() {
        List<Polygon> polygons = outline("XXXX", "X.XX", "XX.X", "XXXX");
        assertEquals(
                List.of(
                        polygon(
                                ring(0, 0, 0, 4, 4, 4, 4, 0),
                                ring(2, 1, 2, 2, 1, 2, 1, 1),
                                ring(3, 2, 3, 3, 2, 3, 2, 2))),
                polygons);
        assertEquals(14, polygons.get(0).area());
    }

    @Test
    void aPieceInsideAHoleIsAPolygonOfItsOwnEvenWhenItTouchesAtACorner() {
        List<Polygon> polygons =
                outline(
                        "XXXXXXX", "XX....X", "X.X...X", "X.....X", "X.....X", "X.....X",
                        "XXXXXXX");
        assertEquals(
                List.of(
                        polygon(
                                ring(0, 0, 0, 7, 7, 7, 7, 0),
                                ring(6, 1, 6, 6, 1, 6, 1, 2, 2, 2, 2, 1)),
                        unitSquare(2, 2)),
                polygons);
        assertEquals(25, polygons.get(0).area());
    }

    @Test
    void runsMayComeInAnyOrderSplitAndAnywhereOnTheGrid() {
        // Rows -3 and -2: columns -10 and -9, then -10 alone; the first row in two pieces. Only
        // the first three values of each array are runs.
        List<Polygon> polygons =
                PixelOutline.of(
                        new int[] {-2, -3, -3, 99},
                        new int[] {-10, -9, -10},
                        new int[] {-9, -8, -9},
                        3);
        assertEquals(
                List.of(polygon(ring(-10, -3, -10, -1, -9, -1, -9, -2, -8, -2, -8, -3))), polygons);
    }

    @Test
    void noRunsNoPolygons() {
        assertEquals(List.of(), PixelOutline.of(new int[0], new int[0], new int[0], 0));
    }

    @Test
    void badRunsAreRefused() {
        int[] one = {0};
        assertThrows(IllegalArgumentException.class, () -> PixelOutline.of(one, one, one, 2));
        assertThrows(IllegalArgumentException.class, () -> PixelOutline.of(one, one, one, -1));
        assertThrows(
                IllegalArgumentException.class,
                () -> PixelOutline.of(one, new int[] {3}, new int[] {3}, 1));
        assertThrows(
                IllegalArgumentException.class,
                () -> PixelOutline.of(new int[] {4, 4}, new int[] {0, 2}, new int[] {3, 5}, 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> PixelOutline.of(new int[] {4, 4}, new int[] {1, 1}, new int[] {2, 2}, 2));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        PixelOutline.of(
                                new int[] {0, 1 << 20},
                                new int[] {0, 1 << 20},
                                new int[] {1, (1 << 20) + 1},
                                2));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Polygon(new int[] {0, 0, 1, 1}, List.of()));
    }

    @Test
    void polygonsAreValuesWithCopiedRings() {
        int[] exterior = ring(0, 0, 0, 1, 1, 1, 1, 0);
        Polygon p = new Polygon(exterior, List.of());
        exterior[0] = 5;
        p.exterior()[1] = 5;
        assertEquals(unitSquare(0, 0), p);
        assertEquals(unitSquare(0, 0).hashCode(), p.hashCode());
        assertNotEquals(unitSquare(0, 1), p);
        assertEquals(1, p.area());
    }

    @Test
    void aLargeFrameWithADiagonalInsideIsOnePolygonWithAHoleAndManyPieces() {
        // A frame round a 2000 x 2000 box with a diagonal line across it: 1 + 1996 polygons.
        int n = 2000;
        List<int[]> runs = new ArrayList<>();
        runs.add(new int[] {0, 0, n});
        runs.add(new int[] {n - 1, 0, n});
        for (int r = 1; r < n - 1; r++) {
            runs.add(new int[] {r, 0, 1});
            runs.add(new int[] {r, n - 1, n});
            if (r > 1 && r < n - 2) {
                runs.add(new int[] {r, r, r + 1});
            }
        }
        List<Polygon> polygons = of(runs);
        assertEquals(1 + (n - 4), polygons.size());
        assertEquals(1, polygons.get(0).holes().size());
        assertEquals(4L * n - 4, polygons.get(0).area());
    }

    @Test
    void randomMasksAgreeWithBruteForce() {
        SplittableRandom random = new SplittableRandom(42);
        for (int trial = 0; trial < 300; trial++) {
            int w = 1 + random.nextInt(24);
            int h = 1 + random.nextInt(24);
            double density = random.nextDouble(0.1, 0.9);
            boolean[] mask = new boolean[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = random.nextDouble() < density;
            }
            int col0 = random.nextInt(-50, 50);
            int row0 = random.nextInt(-50, 50);
            checkAgainstMask(mask, w, h, col0, row0, random, "trial " + trial);
        }
    }

    /** Traces a mask placed at (col0, row0), with its runs split and shuffled, and checks it. */
    private static void checkAgainstMask(
            boolean[] mask, int w, int h, int col0, int row0, SplittableRandom random, String ctx) {
        List<int[]> runs = new ArrayList<>();
        int pixels = 0;
        // Corners of the pixels' bounding box: minimum x, y and maximum x, y.
        int[] box = {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MIN_VALUE};
        for (int r = 0; r < h; r++) {
            int c = 0;
            while (c < w) {
                if (!mask[r * w + c]) {
                    c++;
                    continue;
                }
                int s = c;
                while (c < w && mask[r * w + c]) {
                    c++;
                }
                pixels += c - s;
                box[0] = Math.min(box[0], col0 + s);
                box[1] = Math.min(box[1], row0 + r);
                box[2] = Math.max(box[2], col0 + c);
                box[3] = Math.max(box[3], row0 + r + 1);
                // Cut some runs into adjacent pieces: the outline must not see the cuts.
                int from = s;
                while (from < c) {
                    int to = from + 1 + random.nextInt(c - from);
                    runs.add(new int[] {row0 + r, col0 + from, col0 + to});
                    from = to;
                }
            }
        }
        for (int i = runs.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int[] t = runs.get(i);
            runs.set(i, runs.get(j));
            runs.set(j, t);
        }
        List<Polygon> polygons = of(runs);

        long total = 0;
        Set<Long> traced = new HashSet<>();
        for (Polygon p : polygons) {
            total += p.area();
            checkRing(p.exterior(), true, box, traced, ctx);
            for (int[] hole : p.holes()) {
                checkRing(hole, false, box, traced, ctx);
                // The pixel just inside the hole's first side (on its right) is inside the
                // exterior.
                int dx = Integer.signum(hole[2] - hole[0]);
                int dy = Integer.signum(hole[3] - hole[1]);
                double px = hole[0] + 0.5 * dx - 0.5 * dy;
                double py = hole[1] + 0.5 * dy + 0.5 * dx;
                assertTrue(inside(p.exterior(), px, py), ctx + ": hole outside its exterior");
            }
        }
        assertEquals(pixels, total, ctx + ": areas");
        assertEquals(boundarySides(mask, w, h, col0, row0), traced, ctx + ": boundary sides");

        // Rasterised back, polygon by polygon, each is one 4-connected piece, in raster order:
        // polygon k covers exactly the pixels of piece k + 1 and no polygon covers another pixel.
        int[] pieces = fourConnectedPieces(mask, w, h);
        int pieceCount = Arrays.stream(pieces).max().orElse(0);
        assertEquals(pieceCount, polygons.size(), ctx + ": polygons");
        int[] cover = new int[w * h];
        for (int k = 0; k < polygons.size(); k++) {
            Polygon p = polygons.get(k);
            int[] exterior = p.exterior();
            List<int[]> holes = p.holes();
            // Vertices lie on the mask's box (checked above); only the exterior's box can be in.
            int minX = Integer.MAX_VALUE;
            int maxX = Integer.MIN_VALUE;
            int minY = Integer.MAX_VALUE;
            int maxY = Integer.MIN_VALUE;
            for (int i = 0; i < exterior.length; i += 2) {
                minX = Math.min(minX, exterior[i] - col0);
                maxX = Math.max(maxX, exterior[i] - col0);
                minY = Math.min(minY, exterior[i + 1] - row0);
                maxY = Math.max(maxY, exterior[i + 1] - row0);
            }
            for (int r = minY; r < maxY; r++) {
                for (int c = minX; c < maxX; c++) {
                    double px = col0 + c + 0.5;
                    double py = row0 + r + 0.5;
                    boolean covered = inside(exterior, px, py);
                    for (int[] hole : holes) {
                        covered &= !inside(hole, px, py);
                    }
                    if (covered) {
                        assertEquals(0, cover[r * w + c], ctx + ": pixel " + r + "," + c);
                        cover[r * w + c] = k + 1;
                    }
                }
            }
        }
        assertArrayEquals(pieces, cover, ctx + ": rasterised");
    }

    /**
     * Checks one ring: x, y pairs, turning at every vertex (sides alternate horizontal and
     * vertical), no vertex twice, on the corners of the pixels' box, with the documented sign; adds
     * its unit sides (x, y, direction) to {@code traced}, failing on a side seen before.
     */
    private static void checkRing(
            int[] ring, boolean exterior, int[] box, Set<Long> traced, String ctx) {
        int n = ring.length / 2;
        assertEquals(0, ring.length % 2, ctx);
        assertTrue(n >= 4 && n % 2 == 0, ctx + ": " + n + " vertices");
        long sign = shoelace(ring);
        assertTrue(exterior ? sign < 0 : sign > 0, ctx + ": orientation " + sign);
        Set<Long> vertices = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int x = ring[2 * i];
            int y = ring[2 * i + 1];
            assertTrue(x >= box[0] && y >= box[1] && x <= box[2] && y <= box[3], ctx);
            assertTrue(vertices.add(key(x, y, 0)), ctx + ": vertex " + x + "," + y + " twice");
            int nx = ring[(2 * i + 2) % ring.length];
            int ny = ring[(2 * i + 3) % ring.length];
            int px = ring[(2 * i - 2 + ring.length) % ring.length];
            boolean horizontal = ny == y;
            assertTrue(horizontal != (nx == x), ctx + ": side not along one axis");
            assertEquals(horizontal, px == x, ctx + ": collinear vertex " + x + "," + y);
            int dx = Integer.signum(nx - x);
            int dy = Integer.signum(ny - y);
            for (int sx = x, sy = y; sx != nx || sy != ny; sx += dx, sy += dy) {
                assertTrue(traced.add(key(sx, sy, dx + 2 * dy)), ctx + ": side twice");
            }
        }
    }

    /** Brute force: every pixel side between the set and the rest, with the set on its left. */
    private static Set<Long> boundarySides(boolean[] mask, int w, int h, int col0, int row0) {
        Set<Long> sides = new HashSet<>();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (!mask[r * w + c]) {
                    continue;
                }
                int x = col0 + c;
                int y = row0 + r;
                if (!set(mask, w, h, r, c - 1)) {
                    sides.add(key(x, y, 2)); // down the left side
                }
                if (!set(mask, w, h, r + 1, c)) {
                    sides.add(key(x, y + 1, 1)); // right along the bottom
                }
                if (!set(mask, w, h, r, c + 1)) {
                    sides.add(key(x + 1, y + 1, -2)); // up the right side
                }
                if (!set(mask, w, h, r - 1, c)) {
                    sides.add(key(x + 1, y, -1)); // left along the top
                }
            }
        }
        return sides;
    }

    /** 4-connected pieces labelled 1, 2, ... in the raster order of their first pixels. */
    private static int[] fourConnectedPieces(boolean[] mask, int w, int h) {
        int[] labels = new int[mask.length];
        int next = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || labels[start] != 0) {
                continue;
            }
            labels[start] = ++next;
            stack.push(start);
            while (!stack.isEmpty()) {
                int p = stack.pop();
                int r = p / w;
                int c = p % w;
                int[][] neighbours = {{r - 1, c}, {r + 1, c}, {r, c - 1}, {r, c + 1}};
                for (int[] q : neighbours) {
                    if (set(mask, w, h, q[0], q[1]) && labels[q[0] * w + q[1]] == 0) {
                        labels[q[0] * w + q[1]] = next;
                        stack.push(q[0] * w + q[1]);
                    }
                }
            }
        }
        return labels;
    }

    private static boolean set(boolean[] mask, int w, int h, int r, int c) {
        return r >= 0 && r < h && c >= 0 && c < w && mask[r * w + c];
    }

    /** Even-odd test of a point that lies on no side (pixel centres never do). */
    private static boolean inside(int[] ring, double px, double py) {
        boolean in = false;
        int n = ring.length;
        for (int i = 0, j = n - 2; i < n; j = i, i += 2) {
            double xi = ring[i];
            double yi = ring[i + 1];
            double xj = ring[j];
            double yj = ring[j + 1];
            if ((yi > py) != (yj > py) && px < xj + (py - yj) * (xi - xj) / (yi - yj)) {
                in = !in;
            }
        }
        return in;
    }

    private static long shoelace(int[] ring) {
        long sum = 0;
        int n = ring.length;
        for (int i = 0; i < n; i += 2) {
            int j = (i + 2) % n;
            sum += (long) ring[i] * ring[j + 1] - (long) ring[j] * ring[i + 1];
        }
        return sum;
    }

    private static long key(int x, int y, int direction) {
        return ((long) x << 40) ^ ((long) y << 8) ^ (direction + 8);
    }

    private static List<Polygon> outline(String... rows) {
        byte[] mask = TestMasks.draw(rows);
        int w = rows[0].length();
        List<int[]> runs = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            int c = 0;
            while (c < w) {
                if (mask[r * w + c] == 0) {
                    c++;
                    continue;
                }
                int s = c;
                while (c < w && mask[r * w + c] != 0) {
                    c++;
                }
                runs.add(new int[] {r, s, c});
            }
        }
        return of(runs);
    }

    /** Outlines runs given as {row, start, end}. */
    private static List<Polygon> of(List<int[]> runs) {
        int n = runs.size();
        int[] rows = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = runs.get(i)[0];
            starts[i] = runs.get(i)[1];
            ends[i] = runs.get(i)[2];
        }
        return PixelOutline.of(rows, starts, ends, n);
    }

    private static int[] ring(int... xy) {
        return xy;
    }

    private static Polygon polygon(int[] exterior, int[]... holes) {
        return new Polygon(exterior, List.of(holes));
    }

    private static Polygon unitSquare(int col, int row) {
        return polygon(ring(col, row, col, row + 1, col + 1, row + 1, col + 1, row));
    }
}
