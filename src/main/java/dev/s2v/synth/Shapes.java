package dev.s2v.synth;

import java.util.ArrayList;
import java.util.List;

/** Builders of the irregular and regular shapes of fixtures. */
final class Shapes {
    private Shapes() {}

    /**
     * An irregular blob (rock, islet) as a fan of triangles around its centre: radius {@code
     * radiusM} varied by {@code roughness} with angle; {@code scale} shrinks it about the centre
     * (an inner zone of the same blob).
     */
    static List<ConvexPolygon> blob(
            double cx, double cy, double radiusM, double roughness, int seed, double scale) {
        int n = 20;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double angle = i / (double) n;
            double wobble =
                    Noise.gradient(
                            seed,
                            3 * StrictMath.cos(2 * Math.PI * angle),
                            3 * StrictMath.sin(2 * Math.PI * angle));
            r[i] = scale * radiusM * Math.max(0.35, 1 + roughness * wobble);
        }
        List<ConvexPolygon> triangles = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            double a0 = 2 * Math.PI * i / n;
            double a1 = 2 * Math.PI * j / n;
            triangles.add(
                    new ConvexPolygon(
                            new double[] {
                                cx, cx + r[i] * StrictMath.cos(a0), cx + r[j] * StrictMath.cos(a1)
                            },
                            new double[] {
                                cy, cy + r[i] * StrictMath.sin(a0), cy + r[j] * StrictMath.sin(a1)
                            }));
        }
        return triangles;
    }

    /** A regular octagon (buoys, round platforms). */
    static ConvexPolygon octagon(double cx, double cy, double radiusM) {
        double[] xs = new double[8];
        double[] ys = new double[8];
        for (int i = 0; i < 8; i++) {
            double a = Math.PI / 8 + i * Math.PI / 4;
            xs[i] = cx + radiusM * StrictMath.cos(a);
            ys[i] = cy + radiusM * StrictMath.sin(a);
        }
        return new ConvexPolygon(xs, ys);
    }

    /** The convex polygon enclosing a blob's bounding box: a conservative footprint for spacing. */
    static ConvexPolygon boundingBox(List<ConvexPolygon> parts) {
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (ConvexPolygon p : parts) {
            minX = Math.min(minX, p.minX());
            maxX = Math.max(maxX, p.maxX());
            minY = Math.min(minY, p.minY());
            maxY = Math.max(maxY, p.maxY());
        }
        return new ConvexPolygon(
                new double[] {minX, maxX, maxX, minX}, new double[] {minY, minY, maxY, maxY});
    }
}
