package dev.s2v.synth;

/**
 * The wake of a vessel underway, as a share of foam on the water: a turbulent centreline wake from
 * the stern, widening and fading over a length that grows with speed, and the two Kelvin arms at
 * 19.47 degrees either side of the track. Profiles across the wake are Gaussians widened by a 10 m
 * box (their integral over a pixel, not a point sample), so thin arms do not alias. Wakes are never
 * part of a vessel's label.
 *
 * @param frame the vessel's frame (u towards the bow)
 * @param lengthM vessel length
 * @param widthM vessel beam
 * @param speedKn speed through the water
 */
record Wake(Frame frame, double lengthM, double widthM, double speedKn) {
    private static final double KELVIN_TAN = StrictMath.tan(StrictMath.toRadians(19.47));
    private static final double KELVIN_COS = StrictMath.cos(StrictMath.toRadians(19.47));
    // Variance of a 10 m box: what a pixel adds to a Gaussian profile's variance.
    private static final double PIXEL_VARIANCE = 100.0 / 12;

    /** Length of the turbulent wake behind the stern. */
    double turbulentLengthM() {
        return 3 * lengthM + 25 * speedKn;
    }

    private double turbulentPeak() {
        return Math.min(0.55, 0.08 + 0.025 * speedKn);
    }

    private double kelvinPeak() {
        return Math.min(0.12, 0.015 + 0.004 * speedKn);
    }

    private double kelvinLengthM() {
        return 0.7 * turbulentLengthM();
    }

    /** Scene-metre bounds {minX, maxX, minY, maxY} of everything the wake touches. */
    double[] bounds() {
        double back = 0.5 * lengthM + Math.max(turbulentLengthM(), kelvinLengthM());
        double side = KELVIN_TAN * kelvinLengthM() + widthM + 30;
        double[][] corners = {
            {0.5 * lengthM + 20, side}, {0.5 * lengthM + 20, -side}, {-back, side}, {-back, -side}
        };
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] c : corners) {
            double x = frame.x(c[0], c[1]);
            double y = frame.y(c[0], c[1]);
            minX = Math.min(minX, x);
            maxX = Math.max(maxX, x);
            minY = Math.min(minY, y);
            maxY = Math.max(maxY, y);
        }
        return new double[] {minX, maxX, minY, maxY};
    }

    /** The foam share (0..1) at a scene point, as seen by a 10 m pixel centred there. */
    double foam(double x, double y) {
        double[] uv = frame.local(x, y);
        double u = uv[0];
        double v = uv[1];
        double behindStern = -(u + 0.5 * lengthM);
        double f = 0;
        double turbulentLength = turbulentLengthM();
        if (behindStern > -0.3 * lengthM && behindStern < turbulentLength) {
            double s = Math.max(0, behindStern);
            double sigma = (0.8 * widthM + 0.06 * s) / 2.5;
            double wide = Math.sqrt(sigma * sigma + PIXEL_VARIANCE);
            double along = StrictMath.exp(-s / (0.35 * turbulentLength));
            // Fade in under the stern, fade out at the end.
            double ends =
                    Math.min(1, (behindStern + 0.3 * lengthM) / (0.3 * lengthM))
                            * Math.min(
                                    1, (turbulentLength - behindStern) / (0.1 * turbulentLength));
            f +=
                    turbulentPeak()
                            * sigma
                            / wide
                            * along
                            * ends
                            * StrictMath.exp(-0.5 * v * v / (wide * wide));
        }
        double behindBow = 0.5 * lengthM - u;
        double kelvinLength = kelvinLengthM();
        if (behindBow > 0 && behindBow < kelvinLength) {
            double off = (Math.abs(v) - KELVIN_TAN * behindBow) * KELVIN_COS;
            double sigma = 3 + 0.01 * behindBow;
            double wide = Math.sqrt(sigma * sigma + PIXEL_VARIANCE);
            if (Math.abs(off) < 4 * wide) {
                double along =
                        StrictMath.exp(-behindBow / (0.5 * kelvinLength))
                                * Math.min(1, behindBow / Math.max(5, 0.2 * lengthM));
                f +=
                        kelvinPeak()
                                * sigma
                                / wide
                                * along
                                * StrictMath.exp(-0.5 * off * off / (wide * wide));
            }
        }
        return Math.min(0.6, f);
    }

    /** Adds this wake's foam to a canvas (the larger of the foam already there and this wake's). */
    void addTo(Canvas canvas) {
        double[] b = bounds();
        int[] r = canvas.pixelRange(b[0], b[1], b[2], b[3]);
        double px = ConvexPolygon.PIXEL_M;
        for (int row = r[2]; row < r[3]; row++) {
            for (int col = r[0]; col < r[1]; col++) {
                double f = foam((col + 0.5) * px, (row + 0.5) * px);
                if (f > 1e-4) {
                    int i = canvas.index(col, row);
                    canvas.foam[i] = (float) Math.max(canvas.foam[i], f);
                }
            }
        }
    }
}
