package dev.s2v.synth;

import dev.s2v.raster.SpectralBand;
import java.util.Arrays;

/**
 * A reflectance per Sentinel-2 band, in ESA's band_id order (B01 .. B8A, B09, B10, B11, B12).
 * Immutable.
 */
final class Spectrum {
    static final int BANDS = SpectralBand.values().length;

    private final float[] values;

    private Spectrum(float[] values) {
        this.values = values;
    }

    /** From 13 reflectances in band_id order. */
    static Spectrum of(double... reflectance) {
        if (reflectance.length != BANDS) {
            throw new IllegalArgumentException(
                    "a spectrum needs " + BANDS + " values, got " + reflectance.length);
        }
        float[] v = new float[BANDS];
        for (int b = 0; b < BANDS; b++) {
            v[b] = (float) reflectance[b];
        }
        return new Spectrum(v);
    }

    /** The reflectance of band {@code bandId}. */
    float get(int bandId) {
        return values[bandId];
    }

    /** A copy of the values, band_id order. */
    float[] toArray() {
        return values.clone();
    }

    /** Every value times {@code factor}. */
    Spectrum scaled(double factor) {
        float[] v = new float[BANDS];
        for (int b = 0; b < BANDS; b++) {
            v[b] = (float) (values[b] * factor);
        }
        return new Spectrum(v);
    }

    /** {@code (1 - t) * this + t * other}. */
    Spectrum mix(Spectrum other, double t) {
        float[] v = new float[BANDS];
        for (int b = 0; b < BANDS; b++) {
            v[b] = (float) ((1 - t) * values[b] + t * other.values[b]);
        }
        return new Spectrum(v);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
