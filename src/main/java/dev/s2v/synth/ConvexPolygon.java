package dev.s2v.synth;

import java.util.Arrays;

/**
 * A convex polygon on the scene plane (metres east and south of the scene's upper-left corner),
 * with the exact share of a 10 m pixel it covers: the footprint of hulls, deck parts, piers and
 * platforms. Immutable.
 */
final class ConvexPolygon {
    /** Pixel size of the 10 m grid the coverage is computed on. */
    static final double PIXEL_M = 10;

    /** The most vertices a polygon may have. */
    static final int MAX_VERTICES = 48;

    private final double[] xs;
    private final double[] ys;
    private final double minX;
    private final double maxX;
    private final double minY;
    private final double maxY;

    /** From vertices in order (either orientation); the polygon must be convex. */
    ConvexPolygon(double[] xs, double[] ys) {
        if (xs.length != ys.length || xs.length < 3 || xs.length > MAX_VERTICES) {
            throw new IllegalArgumentException(
                    "a polygon needs 3.."
                            + MAX_VERTICES
                            + " vertices with x and y, got "
                            + xs.length
                            + " and "
                            + ys.length);
        }
        // Store counter-clockwise in an x-east, y-south plane (negative shoelace area there).
        double area = signedArea(xs, ys);
        if (area > 0) {
            this.xs = reversed(xs);
            this.ys = reversed(ys);
        } else {
            this.xs = xs.clone();
            this.ys = ys.clone();
        }
        minX = Arrays.stream(xs).min().orElseThrow();
        maxX = Arrays.stream(xs).max().orElseThrow();
        minY = Arrays.stream(ys).min().orElseThrow();
        maxY = Arrays.stream(ys).max().orElseThrow();
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    private static double signedArea(double[] xs, double[] ys) {
        double a = 0;
        for (int i = 0; i < xs.length; i++) {
            int j = (i + 1) % xs.length;
            a += xs[i] * ys[j] - xs[j] * ys[i];
        }
        return a / 2;
    }

    int size() {
        return xs.length;
    }

    double x(int i) {
        return xs[i];
    }

    double y(int i) {
        return ys[i];
    }

    double minX() {
        return minX;
    }

    double maxX() {
        return maxX;
    }

    double minY() {
        return minY;
    }

    double maxY() {
        return maxY;
    }

    /** Area in square metres. */
    double area() {
        return Math.abs(signedArea(xs, ys));
    }

    double centroidX() {
        return Arrays.stream(xs).average().orElseThrow();
    }

    double centroidY() {
        return Arrays.stream(ys).average().orElseThrow();
    }

    /** Whether a point lies inside or on the boundary. */
    boolean contains(double x, double y) {
        int n = xs.length;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            if (cross(xs[i], ys[i], xs[j], ys[j], x, y) > 0) {
                return false;
            }
        }
        return true;
    }

    // Positive when (x, y) lies right of the edge a->b in an x-east, y-south plane (outside).
    private static double cross(double ax, double ay, double bx, double by, double x, double y) {
        return (bx - ax) * (y - ay) - (by - ay) * (x - ax);
    }

    /**
     * Whether the two polygons come closer than {@code gapM} metres, tested on the edge normals of
     * both (separating axes): a true answer may be conservative at corners, a false one never is.
     */
    boolean near(ConvexPolygon other, double gapM) {
        if (other.minX > maxX + gapM
                || minX > other.maxX + gapM
                || other.minY > maxY + gapM
                || minY > other.maxY + gapM) {
            return false;
        }
        return !separated(this, other, gapM) && !separated(other, this, gapM);
    }

    private static boolean separated(ConvexPolygon a, ConvexPolygon b, double gapM) {
        int n = a.xs.length;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double nx = a.ys[j] - a.ys[i];
            double ny = -(a.xs[j] - a.xs[i]);
            double length = Math.sqrt(nx * nx + ny * ny);
            if (length == 0) {
                continue;
            }
            nx /= length;
            ny /= length;
            double aMin = Double.POSITIVE_INFINITY;
            double aMax = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < n; k++) {
                double p = a.xs[k] * nx + a.ys[k] * ny;
                aMin = Math.min(aMin, p);
                aMax = Math.max(aMax, p);
            }
            double bMin = Double.POSITIVE_INFINITY;
            double bMax = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < b.xs.length; k++) {
                double p = b.xs[k] * nx + b.ys[k] * ny;
                bMin = Math.min(bMin, p);
                bMax = Math.max(bMax, p);
            }
            if (bMin >= aMax + gapM || aMin >= bMax + gapM) {
                return true;
            }
        }
        return false;
    }

    /**
     * The share (0..1) of pixel (col, row) of the 10 m grid that the polygon covers: the exact area
     * of their intersection (Sutherland-Hodgman clipping) over the pixel's 100 m2.
     *
     * @param scratch work space from {@link #scratch()}, not shared between threads
     */
    double coverage(int col, int row, double[][] scratch) {
        double x0 = col * PIXEL_M;
        double y0 = row * PIXEL_M;
        double x1 = x0 + PIXEL_M;
        double y1 = y0 + PIXEL_M;
        if (x1 <= minX || x0 >= maxX || y1 <= minY || y0 >= maxY) {
            return 0;
        }
        if (contains(x0, y0) && contains(x1, y0) && contains(x0, y1) && contains(x1, y1)) {
            return 1;
        }
        double[] ax = scratch[0];
        double[] ay = scratch[1];
        double[] bx = scratch[2];
        double[] by = scratch[3];
        int n = xs.length;
        System.arraycopy(xs, 0, ax, 0, n);
        System.arraycopy(ys, 0, ay, 0, n);
        n = clip(ax, ay, n, bx, by, 0, x0, 1);
        n = clip(bx, by, n, ax, ay, 0, x1, -1);
        n = clip(ax, ay, n, bx, by, 1, y0, 1);
        n = clip(bx, by, n, ax, ay, 1, y1, -1);
        if (n < 3) {
            return 0;
        }
        double area = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            area += ax[i] * ay[j] - ax[j] * ay[i];
        }
        return Math.min(1, Math.abs(area) / 2 / (PIXEL_M * PIXEL_M));
    }

    /**
     * Work space for {@link #coverage}, enough for polygons of up to {@value #MAX_VERTICES}
     * vertices; one per thread.
     */
    static double[][] scratch() {
        int n = MAX_VERTICES + 8;
        return new double[][] {new double[n], new double[n], new double[n], new double[n]};
    }

    /**
     * Clips a polygon given in any plane (e.g. a vessel's u, v frame) to the box [u0, u1] x [v0,
     * v1]; returns the clipped vertices {u0, v0, u1, v1, ...}, empty when nothing is left.
     */
    static double[] clipToBox(
            double[] us, double[] vs, double u0, double u1, double v0, double v1) {
        int cap = us.length + 8;
        double[] ax = Arrays.copyOf(us, cap);
        double[] ay = Arrays.copyOf(vs, cap);
        double[] bx = new double[cap];
        double[] by = new double[cap];
        int n = clip(ax, ay, us.length, bx, by, 0, u0, 1);
        n = clip(bx, by, n, ax, ay, 0, u1, -1);
        n = clip(ax, ay, n, bx, by, 1, v0, 1);
        n = clip(bx, by, n, ax, ay, 1, v1, -1);
        if (n < 3) {
            return new double[0];
        }
        double[] uv = new double[2 * n];
        for (int i = 0; i < n; i++) {
            uv[2 * i] = ax[i];
            uv[2 * i + 1] = ay[i];
        }
        return uv;
    }

    /**
     * Keeps the part of polygon (sx, sy) where {@code sign * (coord - limit) >= 0}, writing it to
     * (dx, dy); {@code axis} 0 clips on x, 1 on y. Returns the new vertex count.
     */
    private static int clip(
            double[] sx,
            double[] sy,
            int n,
            double[] dx,
            double[] dy,
            int axis,
            double limit,
            int sign) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            int j = i + 1 == n ? 0 : i + 1;
            double si = sign * ((axis == 0 ? sx[i] : sy[i]) - limit);
            double sj = sign * ((axis == 0 ? sx[j] : sy[j]) - limit);
            if (si >= 0) {
                dx[m] = sx[i];
                dy[m] = sy[i];
                m++;
            }
            // A vertex on the line is kept as itself, not repeated as a crossing.
            if ((si >= 0) != (sj >= 0) && si != 0 && sj != 0) {
                double t = si / (si - sj);
                dx[m] = sx[i] + t * (sx[j] - sx[i]);
                dy[m] = sy[i] + t * (sy[j] - sy[i]);
                m++;
            }
        }
        return m;
    }
}
