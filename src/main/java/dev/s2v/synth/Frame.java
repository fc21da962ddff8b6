package dev.s2v.synth;

/**
 * A local frame on the scene plane: origin at a centre, {@code u} along a heading, {@code v} to its
 * right (starboard). Scene coordinates are metres east ({@code x}) and south ({@code y}) of the
 * scene's upper-left corner, so pixel (col, row) spans x in [10 col, 10 col + 10).
 *
 * @param cx scene x of the origin
 * @param cy scene y of the origin
 * @param headingDeg the direction of +u, degrees clockwise from north
 */
record Frame(double cx, double cy, double headingDeg) {

    private double fx() {
        return StrictMath.sin(StrictMath.toRadians(headingDeg));
    }

    private double fy() {
        return -StrictMath.cos(StrictMath.toRadians(headingDeg));
    }

    /** Scene x of local (u, v). */
    double x(double u, double v) {
        // Starboard of heading (fx, fy) in an x-east, y-south plane is (-fy, fx).
        return cx + u * fx() - v * fy();
    }

    /** Scene y of local (u, v). */
    double y(double u, double v) {
        return cy + u * fy() + v * fx();
    }

    /** A convex polygon from local vertices {@code u0, v0, u1, v1, ...}. */
    ConvexPolygon polygon(double... uv) {
        double[] xs = new double[uv.length / 2];
        double[] ys = new double[uv.length / 2];
        double fx = fx();
        double fy = fy();
        for (int i = 0; i < xs.length; i++) {
            double u = uv[2 * i];
            double v = uv[2 * i + 1];
            xs[i] = cx + u * fx - v * fy;
            ys[i] = cy + u * fy + v * fx;
        }
        return new ConvexPolygon(xs, ys);
    }

    /** The rectangle u in [u0, u1], v in [v0, v1]. */
    ConvexPolygon box(double u0, double u1, double v0, double v1) {
        return polygon(u0, v0, u1, v0, u1, v1, u0, v1);
    }

    /** Local coordinates {u, v} of a scene point. */
    double[] local(double x, double y) {
        double dx = x - cx;
        double dy = y - cy;
        double fx = fx();
        double fy = fy();
        return new double[] {dx * fx + dy * fy, -dx * fy + dy * fx};
    }
}
