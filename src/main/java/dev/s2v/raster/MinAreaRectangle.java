package dev.s2v.raster;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The smallest-area rectangle, at any rotation, that encloses a set of 2-D points.
 *
 * <p>Coordinates are the caller's. The angle turns from +x towards +y whatever the handedness of
 * the frame: with pixel coordinates (x = column to the right, y = row down, as s2v uses them) an
 * angle of 30 degrees points right and 30 degrees down the screen, i.e. clockwise as seen.
 *
 * <p>One side of a minimum-area enclosing rectangle lies along an edge of the convex hull (Freeman
 * and Shapira, 1975), so every hull edge is tried, with rotating calipers: the vertices farthest
 * along, across and back along the edge only move forward round the hull as the edge turns, so the
 * scan is linear in the hull size after an n log n hull. The hull's turn tests are exact, so it is
 * truly convex even for nearly collinear points, which the calipers rely on.
 *
 * @param centerX x of the centre
 * @param centerY y of the centre
 * @param length the long side, at least {@code width}
 * @param width the short side, at least 0
 * @param angleDeg direction of the long side in degrees from +x towards +y, 0 (inclusive) to 180
 *     (exclusive); when the sides are equal to within rounding (a square) the direction of the side
 *     that lies in [0, 90)
 */
public record MinAreaRectangle(
        double centerX, double centerY, double length, double width, double angleDeg) {

    /** Sides closer than this, relative to the longer, are equal: rounding must not pick one. */
    private static final double SQUARE_TOLERANCE = 1e-12;

    /** Validates the sides and the angle. */
    public MinAreaRectangle {
        if (!Double.isFinite(centerX) || !Double.isFinite(centerY)) {
            throw new IllegalArgumentException(
                    "the centre must be finite, got (" + centerX + ", " + centerY + ")");
        }
        if (!(width >= 0) || !(length >= width) || Double.isInfinite(length)) {
            throw new IllegalArgumentException(
                    "need finite sides with length >= width >= 0, got length "
                            + length
                            + " and width "
                            + width);
        }
        if (!(angleDeg >= 0 && angleDeg < 180)) {
            throw new IllegalArgumentException("angleDeg must be in [0, 180), got " + angleDeg);
        }
    }

    /**
     * The minimum-area rectangle enclosing points; repeated points are allowed.
     *
     * <p>One distinct point gives a rectangle of length and width 0 and angle 0 at that point;
     * collinear points give width 0, the extent of the points as length and the direction of their
     * line as angle.
     *
     * @param x the x of each point
     * @param y the y of each point, as many as {@code x}, at least one
     * @throws IllegalArgumentException when the arrays differ in length or are empty, or a
     *     coordinate is not finite
     */
    public static MinAreaRectangle of(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(
                    "x has " + x.length + " values but y has " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("a rectangle needs at least one point, got none");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException(
                        "point " + i + " is not finite: (" + x[i] + ", " + y[i] + ")");
            }
        }
        // Work relative to the first point: far from the origin, the cross products that tell a
        // turn from a straight line would otherwise lose their digits.
        double ox = x[0];
        double oy = y[0];
        double[] hull = hull(x, y, ox, oy);
        int h = hull.length / 2;
        if (h == 1) {
            return new MinAreaRectangle(ox, oy, 0, 0, 0);
        }
        if (h == 2) {
            double dx = hull[2] - hull[0];
            double dy = hull[3] - hull[1];
            double length = Math.hypot(dx, dy);
            return oriented(
                    ox + hull[0] + dx / 2,
                    oy + hull[1] + dy / 2,
                    length,
                    0,
                    dx / length,
                    dy / length);
        }
        return calipers(hull, h, ox, oy);
    }

    /**
     * The same rectangle with {@code by} added to both sides, e.g. 1 to turn a rectangle round
     * pixel centres into one round the pixels themselves (one pixel measures 1 x 1).
     *
     * @throws IllegalArgumentException when {@code by} is not finite or would make a side negative
     */
    public MinAreaRectangle grown(double by) {
        if (!Double.isFinite(by)) {
            throw new IllegalArgumentException("can only grow by a finite amount, got " + by);
        }
        return new MinAreaRectangle(centerX, centerY, length + by, width + by, angleDeg);
    }

    /**
     * Convex hull by Andrew's monotone chain: counter-clockwise when y points up, without repeated
     * or collinear vertices, as x, y pairs relative to (ox, oy); one vertex for a single distinct
     * point, two for collinear points.
     */
    private static double[] hull(double[] x, double[] y, double ox, double oy) {
        int n = x.length;
        double[] rx = new double[n];
        double[] ry = new double[n];
        for (int i = 0; i < n; i++) {
            rx[i] = x[i] - ox;
            ry[i] = y[i] - oy;
        }
        int[] order =
                IntStream.range(0, n)
                        .boxed()
                        .sorted(
                                Comparator.comparingDouble((Integer i) -> rx[i])
                                        .thenComparingDouble(i -> ry[i]))
                        .mapToInt(Integer::intValue)
                        .toArray();
        int distinct = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (distinct == 0
                    || rx[i] != rx[order[distinct - 1]]
                    || ry[i] != ry[order[distinct - 1]]) {
                order[distinct++] = i;
            }
        }
        if (distinct == 1) {
            return new double[] {rx[order[0]], ry[order[0]]};
        }
        double[] chain = new double[4 * distinct];
        int k = 0;
        for (int m = 0; m < distinct; m++) {
            k = push(chain, k, 2, rx[order[m]], ry[order[m]]);
        }
        int lowerEnd = k + 1;
        for (int m = distinct - 2; m >= 0; m--) {
            k = push(chain, k, lowerEnd, rx[order[m]], ry[order[m]]);
        }
        // The upper chain ends on the first vertex again.
        return Arrays.copyOf(chain, 2 * (k - 1));
    }

    /**
     * Appends a point to a chain of k vertices after dropping the last ones that would not turn
     * left towards it, keeping at least {@code keep - 1} vertices; returns the new size.
     */
    private static int push(double[] chain, int k, int keep, double px, double py) {
        while (k >= keep
                && !turnsLeft(
                        chain[2 * k - 4],
                        chain[2 * k - 3],
                        chain[2 * k - 2],
                        chain[2 * k - 1],
                        px,
                        py)) {
            k--;
        }
        chain[2 * k] = px;
        chain[2 * k + 1] = py;
        return k + 1;
    }

    /** Whether a, b, p turn strictly left (counter-clockwise when y points up), exactly. */
    private static boolean turnsLeft(
            double ax, double ay, double bx, double by, double px, double py) {
        double l = (bx - ax) * (py - ay);
        double r = (by - ay) * (px - ax);
        double det = l - r;
        // Each difference, product and the subtraction round by one part in 2^53, so beyond
        // this (loose) bound the rounded sign is the exact one; below it, BigDecimal decides.
        if (Math.abs(det) > 1e-14 * (Math.abs(l) + Math.abs(r))) {
            return det > 0;
        }
        BigDecimal exactL = exact(bx).subtract(exact(ax)).multiply(exact(py).subtract(exact(ay)));
        BigDecimal exactR = exact(by).subtract(exact(ay)).multiply(exact(px).subtract(exact(ax)));
        return exactL.compareTo(exactR) > 0;
    }

    private static BigDecimal exact(double v) {
        return new BigDecimal(v);
    }

    private static MinAreaRectangle calipers(double[] hull, int h, double ox, double oy) {
        MinAreaRectangle best = null;
        double bestArea = Double.POSITIVE_INFINITY;
        // Unwrapped indices into the hull: farthest along the edge, farthest across it (the hull
        // lies on the left of each edge), farthest back along it, in that order round the hull.
        int ahead = 1;
        int across = 1;
        int behind = 1;
        for (int i = 0; i < h; i++) {
            double px = hull[2 * i];
            double py = hull[2 * i + 1];
            double ex = vertexX(hull, h, i + 1) - px;
            double ey = vertexY(hull, h, i + 1) - py;
            double edge = Math.hypot(ex, ey);
            double ux = ex / edge;
            double uy = ey / edge;
            int limit = i + h;
            ahead = advance(hull, h, Math.max(ahead, i + 1), limit, ux, uy, true);
            across = advance(hull, h, Math.max(across, ahead), limit, -uy, ux, true);
            // Not chained to the vertex across: on a sliver hull, that one is lost in rounding.
            behind = advance(hull, h, Math.max(behind, ahead), limit, ux, uy, false);
            double maxAlong = along(hull, h, ahead, px, py, ux, uy);
            double minAlong = along(hull, h, behind, px, py, ux, uy);
            // On a sliver hull, the farthest vertex can round to just behind the edge.
            double height = Math.max(0, along(hull, h, across, px, py, -uy, ux));
            double area = (maxAlong - minAlong) * height;
            if (area < bestArea) {
                bestArea = area;
                double mid = (minAlong + maxAlong) / 2;
                best =
                        oriented(
                                ox + px + ux * mid - uy * height / 2,
                                oy + py + uy * mid + ux * height / 2,
                                maxAlong - minAlong,
                                height,
                                ux,
                                uy);
            }
        }
        return best;
    }

    /**
     * Moves vertex j forward round the hull while the edge leaving it gains along (dx, dy), or,
     * with {@code gaining} false, while it does not; stops at {@code limit}, a guard against
     * rounding on sliver hulls.
     */
    private static int advance(
            double[] hull, int h, int j, int limit, double dx, double dy, boolean gaining) {
        while (j < limit
                && ((vertexX(hull, h, j + 1) - vertexX(hull, h, j)) * dx
                                        + (vertexY(hull, h, j + 1) - vertexY(hull, h, j)) * dy
                                > 0)
                        == gaining) {
            j++;
        }
        return j;
    }

    /** Distance of vertex j from (px, py) along the unit vector (dx, dy). */
    private static double along(
            double[] hull, int h, int j, double px, double py, double dx, double dy) {
        return (vertexX(hull, h, j) - px) * dx + (vertexY(hull, h, j) - py) * dy;
    }

    private static double vertexX(double[] hull, int h, int j) {
        return hull[2 * (j % h)];
    }

    private static double vertexY(double[] hull, int h, int j) {
        return hull[2 * (j % h) + 1];
    }

    /**
     * The rectangle with side {@code sideU} along the unit vector (ux, uy) and {@code sideV} across
     * it, named by its long side.
     */
    private static MinAreaRectangle oriented(
            double centerX, double centerY, double sideU, double sideV, double ux, double uy) {
        double angleU = foldedDegrees(Math.atan2(uy, ux));
        double angleV = foldedDegrees(Math.atan2(ux, -uy));
        double length = Math.max(sideU, sideV);
        double width = Math.min(sideU, sideV);
        double angle;
        if (length - width <= SQUARE_TOLERANCE * length) {
            // The two directions are 90 degrees apart in [0, 180): one lies below 90.
            angle = Math.min(angleU, angleV);
        } else {
            angle = sideU >= sideV ? angleU : angleV;
        }
        return new MinAreaRectangle(centerX, centerY, length, width, angle);
    }

    /** An angle in radians as degrees folded into [0, 180): a side has no forward end. */
    private static double foldedDegrees(double radians) {
        double degrees = Math.toDegrees(radians) % 180;
        if (degrees < 0) {
            degrees += 180;
        }
        // A tiny negative angle rounds up to 180 above; adding 0.0 turns -0.0 into 0.0.
        return degrees >= 180 ? 0 : degrees + 0.0;
    }
}
