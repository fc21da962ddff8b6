package dev.s2v.raster;

import java.util.OptionalDouble;

/**
 * How the values of a GeoTIFF band stack become reflectance: {@code auto} takes GDAL's per-band
 * scale and offset metadata (as Sentinel Hub and sen2ships write it); {@code DIVISOR[,OFFSET]}
 * states {@code reflectance = (value + OFFSET) / DIVISOR}, e.g. {@code 10000} for reflectance x
 * 10000, {@code 10000,-1000} for L1C digital numbers of baseline 04.00 or later, {@code 1} for
 * values that already are reflectance.
 *
 * @param fromMetadata whether to use GDAL's scale/offset metadata
 * @param addOffset the stated offset (unused with metadata)
 * @param divisor the stated divisor (unused with metadata)
 */
public record ScaleRule(boolean fromMetadata, double addOffset, double divisor) {
    /** Accepted spellings, for messages. */
    public static final String SYNTAX =
            "auto, DIVISOR or DIVISOR,OFFSET (e.g. 10000 or 10000,-1000)";

    /** The metadata rule. */
    public static ScaleRule auto() {
        return new ScaleRule(true, 0, 1);
    }

    /**
     * Parses {@code auto}, {@code DIVISOR} or {@code DIVISOR,OFFSET}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static ScaleRule parse(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("auto")) {
            return auto();
        }
        String[] parts = t.split(",");
        try {
            if (parts.length == 1 || parts.length == 2) {
                double divisor = Double.parseDouble(parts[0].trim());
                double offset = parts.length == 2 ? Double.parseDouble(parts[1].trim()) : 0;
                if (divisor > 0 && Double.isFinite(divisor) && Double.isFinite(offset)) {
                    return new ScaleRule(false, offset, divisor);
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(
                "bad scale rule '" + text + "'; allowed: " + SYNTAX + ", with a positive divisor");
    }

    /** The radiometry of one band (1-based) of a stack under this rule. */
    Radiometry radiometry(RasterDataset dataset, int band) throws RasterFormatException {
        OptionalDouble noData = dataset.noData(band);
        // Sentinel-2 convention: an integer stack without a declared no-data value uses 0.
        double noDataValue =
                noData.isPresent()
                        ? noData.getAsDouble()
                        : dataset.isIntegerBand(band) ? 0 : Double.NaN;
        if (!fromMetadata) {
            return new Radiometry(addOffset, divisor, noDataValue);
        }
        OptionalDouble scale = dataset.scale(band);
        OptionalDouble offset = dataset.offset(band);
        if (scale.isEmpty()
                || scale.getAsDouble() <= 0
                || (scale.getAsDouble() == 1
                        && offset.orElse(0) == 0
                        && dataset.isIntegerBand(band))) {
            throw new RasterFormatException(
                    dataset.path(),
                    "band "
                            + band
                            + " carries no scale/offset metadata; pass --scale "
                            + "10000 (values are reflectance x 10000), 10000,-1000 (L1C DNs of baseline 04.00+) or 1 (values are reflectance)");
        }
        // GDAL: reflectance = value * scale + offset = (value + offset / scale) / (1 / scale)
        double s = scale.getAsDouble();
        return new Radiometry(offset.orElse(0) / s, 1 / s, noDataValue);
    }

    /** The rule as the user would write it. */
    @Override
    public String toString() {
        return fromMetadata
                ? "auto"
                : addOffset == 0 ? fmt(divisor) : fmt(divisor) + "," + fmt(addOffset);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
