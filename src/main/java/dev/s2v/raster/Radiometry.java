package dev.s2v.raster;

/**
 * How stored values become top-of-atmosphere (or surface) reflectance: {@code reflectance = (value
 * + addOffset) / divisor}, with one stored value meaning "no data". For Sentinel-2 L1C the offset
 * is {@code RADIO_ADD_OFFSET} (-1000 from processing baseline 04.00, 0 before), the divisor {@code
 * QUANTIFICATION_VALUE} (10000) and no-data is DN 0.
 *
 * @param addOffset added to the stored value before dividing
 * @param divisor the stored value of reflectance 1 (minus the offset)
 * @param noDataValue the stored value that marks missing data; NaN when there is none
 */
public record Radiometry(double addOffset, double divisor, double noDataValue) {

    /** Validates the divisor. */
    public Radiometry {
        if (!(divisor > 0) || Double.isInfinite(divisor)) {
            throw new IllegalArgumentException(
                    "a radiometric divisor must be positive and finite, got " + divisor);
        }
        if (!Double.isFinite(addOffset)) {
            throw new IllegalArgumentException(
                    "a radiometric offset must be finite, got " + addOffset);
        }
    }

    /** Sentinel-2 L1C: DN 0 is no-data. */
    public static Radiometry l1c(double radioAddOffset, double quantificationValue) {
        return new Radiometry(radioAddOffset, quantificationValue, 0);
    }

    /**
     * The reflectance of a stored value, or NaN for the no-data value (never, say, the -0.1 that DN
     * 0 would give with the -1000 offset).
     */
    public float reflectance(double value) {
        if (value == noDataValue || Double.isNaN(value)) {
            return Float.NaN;
        }
        return (float) ((value + addOffset) / divisor);
    }
}
