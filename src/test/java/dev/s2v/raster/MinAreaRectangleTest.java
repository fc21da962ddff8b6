package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Minimum-area enclosing rectangles: hand-computed cases and a brute-force comparison. */
class MinAreaRectangleTest {
    private static final double EPS = 1e-9;

    @Test
    void anAxisAlignedGridOfPointsGivesItsExtent() {
        MinAreaRectangle wide = grid(0, 10, 0, 3);
        assertRectangle(wide, 5, 1.5, 10, 3, 0);
        MinAreaRectangle tall = grid(-1, 1, 4, 12);
        assertRectangle(tall, 0, 8, 8, 2, 90);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 30, 45, 90, 135, 179.5})
    void theCornersOfARotatedRectangleGiveItBack(double angle) {
        double[][] corners = corners(3.5, -2, 7, 2.5, angle);
        assertRectangle(MinAreaRectangle.of(corners[0], corners[1]), 3.5, -2, 7, 2.5, angle);
    }

    @ParameterizedTest
    @CsvSource({"-30,150", "180,0", "210,30", "-90,90", "390,30"})
    void anglesFoldIntoZeroTo180(double rotation, double folded) {
        double[][] corners = corners(1, 1, 6, 2, rotation);
        assertRectangle(MinAreaRectangle.of(corners[0], corners[1]), 1, 1, 6, 2, folded);
    }

    @Test
    void pointsInsideAndOnTheSidesChangeNothing() {
        double[][] corners = corners(10, 20, 12, 5, 30);
        SplittableRandom random = new SplittableRandom(3);
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            points.add(new double[] {corners[0][i], corners[1][i]});
        }
        double ux = Math.cos(Math.toRadians(30));
        double uy = Math.sin(Math.toRadians(30));
        for (int i = 0; i < 50; i++) {
            double a = random.nextDouble(-6, 6);
            double b = i % 2 == 0 ? random.nextDouble(-2.5, 2.5) : 2.5;
            points.add(new double[] {10 + a * ux - b * uy, 20 + a * uy + b * ux});
        }
        assertRectangle(of(points), 10, 20, 12, 5, 30);
    }

    @Test
    void oneDistinctPointIsARectangleOfNoSize() {
        assertRectangle(MinAreaRectangle.of(new double[] {4}, new double[] {-7}), 4, -7, 0, 0, 0);
        assertRectangle(
                MinAreaRectangle.of(new double[] {2, 2, 2}, new double[] {5, 5, 5}), 2, 5, 0, 0, 0);
    }

    @Test
    void collinearPointsHaveNoWidthAndTheAngleOfTheirLine() {
        assertRectangle(
                MinAreaRectangle.of(new double[] {0, 3, 1, 3, 2}, new double[] {1, 1, 1, 1, 1}),
                1.5,
                1,
                3,
                0,
                0);
        assertRectangle(
                MinAreaRectangle.of(new double[] {5, 5, 5}, new double[] {4, -2, 0}),
                5,
                1,
                6,
                0,
                90);
        // Direction 120 degrees: (cos, sin) = (-1/2, sqrt(3)/2), i.e. left and down in pixels.
        double s = Math.sqrt(3);
        assertRectangle(
                MinAreaRectangle.of(
                        new double[] {0, -1, -2, -0.5}, new double[] {0, s, 2 * s, s / 2}),
                -1,
                s,
                4,
                0,
                120);
    }

    @ParameterizedTest
    @CsvSource({"0,0", "30,30", "120,30", "45,45", "100,10", "-20,70"})
    void aSquareTakesTheSideBelow90Degrees(double rotation, double expected) {
        double[][] corners = corners(0, 0, 3, 3, rotation);
        assertRectangle(MinAreaRectangle.of(corners[0], corners[1]), 0, 0, 3, 3, expected);
    }

    @Test
    void growingByOneMeasuresPixelsRatherThanTheirCentres() {
        MinAreaRectangle lone =
                MinAreaRectangle.of(new double[] {7.5}, new double[] {3.5}).grown(1);
        assertRectangle(lone, 7.5, 3.5, 1, 1, 0);

        List<double[]> block = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 20; c++) {
                block.add(new double[] {c + 0.5, r + 0.5});
            }
        }
        assertRectangle(of(block).grown(1), 10, 2, 20, 4, 0);

        List<double[]> column = new ArrayList<>();
        for (int r = 0; r < 9; r++) {
            column.add(new double[] {2.5, r + 0.5});
        }
        assertRectangle(of(column).grown(1), 2.5, 4.5, 9, 1, 90);
    }

    @Test
    void aRasterisedRotatedRectangleMeasuresAboutItsSides() {
        SplittableRandom random = new SplittableRandom(11);
        double ux = Math.cos(Math.toRadians(30));
        double uy = Math.sin(Math.toRadians(30));
        for (int trial = 0; trial < 5; trial++) {
            double cx = 20 + random.nextDouble();
            double cy = 20 + random.nextDouble();
            List<double[]> centres = new ArrayList<>();
            for (int r = 0; r < 40; r++) {
                for (int c = 0; c < 40; c++) {
                    double dx = c + 0.5 - cx;
                    double dy = r + 0.5 - cy;
                    if (Math.abs(dx * ux + dy * uy) <= 10 && Math.abs(-dx * uy + dy * ux) <= 2) {
                        centres.add(new double[] {c + 0.5, r + 0.5});
                    }
                }
            }
            MinAreaRectangle m = of(centres).grown(1);
            assertEquals(20, m.length(), 1, "trial " + trial + ": " + m);
            assertEquals(4, m.width(), 1, "trial " + trial + ": " + m);
            assertEquals(30, m.angleDeg(), 2, "trial " + trial + ": " + m);
        }
    }

    @Test
    void farFromTheOriginTheDigitsSurvive() {
        double[][] corners = corners(1e6 + 0.25, 2e6, 7, 2.5, 30);
        assertRectangle(
                MinAreaRectangle.of(corners[0], corners[1]), 1e6 + 0.25, 2e6, 7, 2.5, 30, 1e-8);
    }

    @Test
    void randomPointSetsAgreeWithBruteForce() {
        SplittableRandom random = new SplittableRandom(2024);
        for (int trial = 0; trial < 500; trial++) {
            int n = 1 + random.nextInt(25);
            double[] x = new double[n];
            double[] y = new double[n];
            int kind = trial % 4;
            for (int i = 0; i < n; i++) {
                if (kind == 0) {
                    // Small integers: repeated points and collinear runs are common.
                    x[i] = random.nextInt(5);
                    y[i] = random.nextInt(5);
                } else if (kind == 1) {
                    // All on one random line.
                    double t = random.nextDouble(-10, 10);
                    x[i] = 3 + 0.6 * t;
                    y[i] = -1 + 0.8 * t;
                } else {
                    x[i] = random.nextDouble(-50, 50);
                    y[i] = random.nextDouble(-20, 20) * (kind == 2 ? 1 : 0.05);
                }
            }
            MinAreaRectangle m = MinAreaRectangle.of(x, y);
            String context = "trial " + trial + ": " + m;
            assertTrue(m.length() >= m.width() && m.width() >= 0, context);
            assertTrue(m.angleDeg() >= 0 && m.angleDeg() < 180, context);
            double area = m.length() * m.width();
            double tolerance = 1e-9 * Math.max(1, area);
            assertTrue(area <= bestOverOrientations(x, y) + tolerance, context);
            assertEquals(bestOverPointPairs(x, y), area, tolerance, context);
            double lx = Math.cos(Math.toRadians(m.angleDeg()));
            double ly = Math.sin(Math.toRadians(m.angleDeg()));
            for (int i = 0; i < n; i++) {
                double dx = x[i] - m.centerX();
                double dy = y[i] - m.centerY();
                assertTrue(Math.abs(dx * lx + dy * ly) <= m.length() / 2 + EPS, context);
                assertTrue(Math.abs(-dx * ly + dy * lx) <= m.width() / 2 + EPS, context);
            }
        }
    }

    @Test
    void badInputIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MinAreaRectangle.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(
                IllegalArgumentException.class,
                () -> MinAreaRectangle.of(new double[0], new double[0]));
        assertThrows(
                IllegalArgumentException.class,
                () -> MinAreaRectangle.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new MinAreaRectangle(0, 0, 1, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new MinAreaRectangle(0, 0, 1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> new MinAreaRectangle(0, 0, 2, 1, 180));
        assertThrows(
                IllegalArgumentException.class, () -> new MinAreaRectangle(Double.NaN, 0, 2, 1, 0));
        MinAreaRectangle unit = new MinAreaRectangle(0, 0, 1, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> unit.grown(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> unit.grown(-2));
    }

    /** Area of the smallest rectangle found over 3600 orientations, 0.05 degrees apart. */
    private static double bestOverOrientations(double[] x, double[] y) {
        double best = Double.POSITIVE_INFINITY;
        for (int step = 0; step < 3600; step++) {
            double a = Math.toRadians(step * 0.05);
            best = Math.min(best, boxArea(x, y, Math.cos(a), Math.sin(a)));
        }
        return best;
    }

    /**
     * Exact minimum: a side of the optimum lies along a hull edge, i.e. along the line through two
     * of the points, so trying every pair's direction finds it (axis-aligned too, for one point).
     */
    private static double bestOverPointPairs(double[] x, double[] y) {
        double best = boxArea(x, y, 1, 0);
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double dx = x[j] - x[i];
                double dy = y[j] - y[i];
                double len = Math.hypot(dx, dy);
                if (len > 0) {
                    best = Math.min(best, boxArea(x, y, dx / len, dy / len));
                }
            }
        }
        return best;
    }

    /** Area of the bounding box of the points in the frame of the unit vector (ux, uy). */
    private static double boxArea(double[] x, double[] y, double ux, double uy) {
        double minU = Double.POSITIVE_INFINITY;
        double maxU = Double.NEGATIVE_INFINITY;
        double minV = Double.POSITIVE_INFINITY;
        double maxV = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            double u = x[i] * ux + y[i] * uy;
            double v = -x[i] * uy + y[i] * ux;
            minU = Math.min(minU, u);
            maxU = Math.max(maxU, u);
            minV = Math.min(minV, v);
            maxV = Math.max(maxV, v);
        }
        return (maxU - minU) * (maxV - minV);
    }

    /** Corners (xs, ys) of a rectangle whose first side has the given length and angle. */
    private static double[][] corners(
            double cx, double cy, double length, double width, double angleDeg) {
        double ux = Math.cos(Math.toRadians(angleDeg));
        double uy = Math.sin(Math.toRadians(angleDeg));
        double[] xs = new double[4];
        double[] ys = new double[4];
        int[][] signs = {{1, 1}, {-1, 1}, {-1, -1}, {1, -1}};
        for (int k = 0; k < 4; k++) {
            double a = signs[k][0] * length / 2;
            double b = signs[k][1] * width / 2;
            xs[k] = cx + a * ux - b * uy;
            ys[k] = cy + a * uy + b * ux;
        }
        return new double[][] {xs, ys};
    }

    private static MinAreaRectangle grid(int x0, int x1, int y0, int y1) {
        List<double[]> points = new ArrayList<>();
        for (int x = x0; x <= x1; x++) {
            for (int y = y0; y <= y1; y++) {
                points.add(new double[] {x, y});
            }
        }
        return of(points);
    }

    private static MinAreaRectangle of(List<double[]> points) {
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i)[0];
            y[i] = points.get(i)[1];
        }
        return MinAreaRectangle.of(x, y);
    }

    private static void assertRectangle(
            MinAreaRectangle m, double cx, double cy, double length, double width, double angle) {
        assertRectangle(m, cx, cy, length, width, angle, EPS);
    }

    private static void assertRectangle(
            MinAreaRectangle m,
            double cx,
            double cy,
            double length,
            double width,
            double angle,
            double eps) {
        String context = m.toString();
        assertEquals(cx, m.centerX(), eps, context);
        assertEquals(cy, m.centerY(), eps, context);
        assertEquals(length, m.length(), eps, context);
        assertEquals(width, m.width(), eps, context);
        // Angles near 0 and 180 are the same axis.
        double off = Math.abs(m.angleDeg() - angle) % 180;
        assertEquals(0, Math.min(off, 180 - off), eps, context);
    }
}
