package dev.s2v.config;

import java.util.Arrays;
import java.util.Locale;

/**
 * How reflectances become model inputs, one value pair per band in the model's band order: {@code
 * max} divides by the band's maximum, {@code standard} subtracts the mean and divides by the
 * standard deviation. The parameters come from the training split only. A pixel without data (NaN)
 * becomes 0, the value of a band's mean under {@code standard} and of no light under {@code max}.
 *
 * @param kind which rule
 * @param center subtracted first: 0 for {@code max}, the band means for {@code standard}
 * @param scale divided by next: the band maxima for {@code max}, the standard deviations for {@code
 *     standard}
 */
public record Normalization(Kind kind, double[] center, double[] scale) {

    /** The normalisation rules. */
    public enum Kind {
        /** Divide by the band's maximum reflectance (the original notebook's rule). */
        MAX,
        /** Subtract the band's mean and divide by its standard deviation. */
        STANDARD;

        /** The name used in YAML and XML files. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses {@code max} or {@code standard}.
         *
         * @throws IllegalArgumentException naming the allowed values
         */
        public static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.key().equalsIgnoreCase(text.trim())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException(
                    "unknown normalization '" + text + "'; allowed: max, standard");
        }
    }

    /** Validates and copies the parameters. */
    public Normalization {
        if (center.length != scale.length || center.length == 0) {
            throw new IllegalArgumentException(
                    "normalization needs one center and one scale per band, got "
                            + center.length
                            + " and "
                            + scale.length);
        }
        center = center.clone();
        scale = scale.clone();
        for (int i = 0; i < scale.length; i++) {
            if (!(scale[i] > 0) || !Double.isFinite(scale[i]) || !Double.isFinite(center[i])) {
                throw new IllegalArgumentException(
                        "normalization of band "
                                + (i + 1)
                                + " needs a finite center and a positive finite scale, got "
                                + center[i]
                                + " and "
                                + scale[i]);
            }
            if (kind == Kind.MAX && center[i] != 0) {
                throw new IllegalArgumentException("max normalization has no center");
            }
        }
    }

    /** Divide-by-maximum normalisation. */
    public static Normalization max(double[] maxima) {
        return new Normalization(Kind.MAX, new double[maxima.length], maxima);
    }

    /** Mean/standard-deviation normalisation. */
    public static Normalization standard(double[] means, double[] stds) {
        return new Normalization(Kind.STANDARD, means, stds);
    }

    /** Number of bands. */
    public int bandCount() {
        return scale.length;
    }

    /** The center of one band. */
    public double center(int band) {
        return center[band];
    }

    /** The scale of one band. */
    public double scale(int band) {
        return scale[band];
    }

    /** The model input of a reflectance of a band; 0 for no data (NaN). */
    public float apply(int band, float reflectance) {
        if (Float.isNaN(reflectance)) {
            return 0f;
        }
        return (float) ((reflectance - center[band]) / scale[band]);
    }

    /** Normalises a row-major band in place. */
    public void applyInPlace(int band, float[] reflectances) {
        for (int i = 0; i < reflectances.length; i++) {
            reflectances[i] = apply(band, reflectances[i]);
        }
    }

    @Override
    public double[] center() {
        return center.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n
                && n.kind == kind
                && Arrays.equals(n.center, center)
                && Arrays.equals(n.scale, scale);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + Arrays.hashCode(center)) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return kind.key()
                + (kind == Kind.MAX
                        ? " " + Arrays.toString(scale)
                        : " mean " + Arrays.toString(center) + " std " + Arrays.toString(scale));
    }
}
