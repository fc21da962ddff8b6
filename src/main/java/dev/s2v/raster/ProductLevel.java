package dev.s2v.raster;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Sentinel-2 processing level of reflectance: what the atmosphere has or has not been taken out
 * of. The two differ most over dark water, where the path radiance of the air is most of what a
 * Level-1C pixel holds.
 */
public enum ProductLevel {
    /** Level-1C: top-of-atmosphere reflectance, the path radiance of the air included. */
    L1C,
    /** Level-2A: bottom-of-atmosphere (surface) reflectance, after atmospheric correction. */
    L2A;

    /** The name used on the command line, in file names ({@code MSIL2A}) and in tables. */
    public String key() {
        return name();
    }

    /**
     * Parses {@code L1C} or {@code L2A}, in any letter case.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static ProductLevel parse(String text) {
        for (ProductLevel level : values()) {
            if (level.key().equalsIgnoreCase(text.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "unknown processing level '"
                        + text
                        + "'; allowed: "
                        + Arrays.stream(values())
                                .map(ProductLevel::key)
                                .collect(Collectors.joining(", ")));
    }
}
