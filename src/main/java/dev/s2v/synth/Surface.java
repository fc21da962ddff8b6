package dev.s2v.synth;

/** The surface reflectance of a material at a pixel; most materials are the same everywhere. */
@FunctionalInterface
interface Surface {
    /** Writes the 13 reflectances of pixel (col, row) into {@code out}. */
    void reflectance(int col, int row, float[] out);

    /** A material with one spectrum everywhere. */
    static Surface of(Spectrum spectrum) {
        float[] values = spectrum.toArray();
        return (col, row, out) -> System.arraycopy(values, 0, out, 0, values.length);
    }

    /**
     * A container yard: rows of stacks 15 m wide between 10 m lanes, parallel to the quay (the
     * frame's v axis), each stack 12 m long and of its own colour, muted by a third of grey for
     * dirt and the shadows between stacks. Each pixel averages four sub-samples, so the rows blur
     * as they do at 10 m instead of aliasing.
     */
    static Surface containerYard(int seed, Frame quay) {
        float[][] palette = new float[Materials.CONTAINER_PALETTE.size()][];
        for (int i = 0; i < palette.length; i++) {
            palette[i] =
                    Materials.CONTAINER_PALETTE.get(i).mix(Materials.PAINT_GREY, 0.35).toArray();
        }
        float[] asphalt = Materials.ASPHALT.mix(Materials.CONCRETE, 0.3).toArray();
        double px = ConvexPolygon.PIXEL_M;
        return (col, row, out) -> {
            java.util.Arrays.fill(out, 0);
            for (int s = 0; s < 4; s++) {
                double x = (col + 0.25 + 0.5 * (s & 1)) * px;
                double y = (row + 0.25 + 0.5 * (s >> 1)) * px;
                double[] uv = quay.local(x, y);
                double across = uv[0] - 25 * Math.floor(uv[0] / 25);
                float[] m;
                if (across >= 15) {
                    m = asphalt;
                } else {
                    int stackRow = (int) Math.floor(uv[0] / 25);
                    int block = (int) Math.floor(uv[1] / 12.2);
                    int lane = across < 7.5 ? 0 : 1;
                    int h = Noise.hash(seed + lane, stackRow, block);
                    m = palette[Math.floorMod(h, palette.length)];
                }
                for (int k = 0; k < out.length; k++) {
                    out[k] += 0.25f * m[k];
                }
            }
        };
    }
}
