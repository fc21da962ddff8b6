package dev.s2v.synth;

/**
 * A band of full-width rows of the 10 m grid being rendered: per band surface reflectance, the foam
 * share that wakes leave on the water and the sun glint the water reflects. Objects composite
 * themselves onto it by area share and hide the glint under them. One canvas belongs to one thread.
 */
final class Canvas {
    final int row0;
    final int rows;
    final int width;

    /** Surface reflectance, [band][(row - row0) * width + col]. */
    final float[][] surface;

    /** Share of each pixel's water covered by wake foam, 0..1. */
    final float[] foam;

    /** Sun-glint reflectance of each pixel's visible water. */
    final float[] glint;

    private final double[][] scratch = ConvexPolygon.scratch();
    private final float[] material = new float[Spectrum.BANDS];

    Canvas(int row0, int rows, int width) {
        this.row0 = row0;
        this.rows = rows;
        this.width = width;
        this.surface = new float[Spectrum.BANDS][rows * width];
        this.foam = new float[rows * width];
        this.glint = new float[rows * width];
    }

    /** Index of pixel (col, row) in the arrays; the row must be one of this canvas's. */
    int index(int col, int row) {
        return (row - row0) * width + col;
    }

    /** First and one-past-last column and row of this canvas a scene-metre box touches. */
    int[] pixelRange(double minX, double maxX, double minY, double maxY) {
        double px = ConvexPolygon.PIXEL_M;
        return new int[] {
            Math.max(0, (int) Math.floor(minX / px)),
            Math.min(width, (int) Math.ceil(maxX / px)),
            Math.max(row0, (int) Math.floor(minY / px)),
            Math.min(row0 + rows, (int) Math.ceil(maxY / px))
        };
    }

    /**
     * Composites a footprint over the surface by the exact area share of each part; {@code
     * brightness} scales its materials (paint condition).
     */
    void paint(Footprint footprint, double brightness) {
        int[] r =
                pixelRange(footprint.minX(), footprint.maxX(), footprint.minY(), footprint.maxY());
        int inner = footprint.inner().size();
        double[] innerCoverage = new double[inner];
        for (int row = r[2]; row < r[3]; row++) {
            for (int col = r[0]; col < r[1]; col++) {
                double outer = footprint.coverage(col, row, scratch);
                if (outer <= 0) {
                    continue;
                }
                double innerSum = 0;
                for (int k = 0; k < inner; k++) {
                    innerCoverage[k] = footprint.inner().get(k).coverage(col, row, scratch);
                    innerSum += innerCoverage[k];
                }
                double exposedOuter = Math.max(0, outer - innerSum);
                footprint.outerSurface().reflectance(col, row, material);
                int i = index(col, row);
                glint[i] *= (float) (1 - outer);
                for (int b = 0; b < Spectrum.BANDS; b++) {
                    double painted = exposedOuter * material[b];
                    for (int k = 0; k < inner; k++) {
                        painted += innerCoverage[k] * footprint.innerSpectra().get(k).get(b);
                    }
                    surface[b][i] = (float) (surface[b][i] * (1 - outer) + brightness * painted);
                }
            }
        }
    }
}
