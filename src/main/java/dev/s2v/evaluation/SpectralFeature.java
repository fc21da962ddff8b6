package dev.s2v.evaluation;

import dev.s2v.raster.SpectralBand;
import java.util.List;

/** A per-pixel value computed from reflectances: one band, or a normalised difference of two. */
public sealed interface SpectralFeature {

    /** Name for tables, e.g. {@code B08} or {@code (B08 - B04) / (B08 + B04)}. */
    String name();

    /**
     * The feature of every pixel of a tile.
     *
     * @param bands reflectances, {@code bands[band][pixel]}, in {@code order}
     * @param order the bands of the tile
     * @return per pixel; NaN where an input is NaN or the feature is undefined
     * @throws IllegalArgumentException when the tile lacks a band the feature needs
     */
    float[] compute(float[][] bands, List<SpectralBand> order);

    /**
     * The reflectance of one band.
     *
     * @param band the band
     */
    record Band(SpectralBand band) implements SpectralFeature {

        @Override
        public String name() {
            return band.name();
        }

        @Override
        public float[] compute(float[][] bands, List<SpectralBand> order) {
            return bands[indexOf(band, order)].clone();
        }
    }

    /**
     * {@code (a - b) / (a + b)}; NaN where a + b = 0.
     *
     * @param a the first band
     * @param b the second band
     */
    record NormalizedDifference(SpectralBand a, SpectralBand b) implements SpectralFeature {

        @Override
        public String name() {
            return "(" + a.name() + " - " + b.name() + ") / (" + a.name() + " + " + b.name() + ")";
        }

        @Override
        public float[] compute(float[][] bands, List<SpectralBand> order) {
            float[] x = bands[indexOf(a, order)];
            float[] y = bands[indexOf(b, order)];
            float[] out = new float[x.length];
            for (int i = 0; i < x.length; i++) {
                float sum = x[i] + y[i];
                out[i] = sum == 0 ? Float.NaN : (x[i] - y[i]) / sum;
            }
            return out;
        }
    }

    private static int indexOf(SpectralBand band, List<SpectralBand> order) {
        int index = order.indexOf(band);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "the feature needs band " + band + " but the tile has " + order);
        }
        return index;
    }
}
