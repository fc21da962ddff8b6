package dev.s2v.inference;

import java.util.Locale;

/** How {@code probability.tif} stores the vessel probability. */
public enum ProbabilityFormat {
    /**
     * One byte per pixel: {@code round(p x 254)}, 255 = no data, with GDAL scale 1/254 so GIS
     * software shows 0..1; steps of 0.004 are finer than any threshold needs.
     */
    UINT8,
    /** 32-bit floats, NaN = no data: the exact values the network gave. */
    FLOAT32;

    /** The highest stored byte of a probability; the next value means no data. */
    public static final int UINT8_SCALE = 254;

    /** The stored byte meaning no data in {@code probability.tif} and {@code mask.tif}. */
    public static final int UINT8_NO_DATA = 255;

    /** The name used on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code uint8} or {@code float32}.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static ProbabilityFormat parse(String text) {
        for (ProbabilityFormat f : values()) {
            if (f.key().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException(
                "unknown probability format '" + text + "'; allowed: uint8, float32");
    }

    /** The stored byte of a probability (NaN = no data). */
    public static byte toByte(float probability) {
        return Float.isNaN(probability)
                ? (byte) UINT8_NO_DATA
                : (byte) Math.round(probability * UINT8_SCALE);
    }
}
