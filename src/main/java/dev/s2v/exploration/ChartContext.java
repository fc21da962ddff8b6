package dev.s2v.exploration;

import dev.s2v.raster.ProductLevel;
import java.util.Optional;

/**
 * What every exploration chart states about where its data came from.
 *
 * @param dataset the dataset's name
 * @param split the splits explored
 * @param sampling what was read and sampled
 * @param rule the bandwidth rule of the density estimates
 * @param quantity what the values are, as axis titles name it, e.g. "TOA reflectance (L1C,
 *     unitless)"
 */
public record ChartContext(
        String dataset,
        SplitSelection split,
        SamplingSummary sampling,
        BandwidthRule rule,
        String quantity) {

    /**
     * The quantity of a dataset's tiles: top-of-atmosphere reflectance when every source is
     * Level-1C, bottom-of-atmosphere when every source is Level-2A, plain reflectance when the
     * sources do not say or mix levels.
     */
    public static String quantity(Optional<ProductLevel> level) {
        return level.map(
                        l ->
                                l == ProductLevel.L1C
                                        ? "TOA reflectance (L1C, unitless)"
                                        : "BOA reflectance (L2A, unitless)")
                .orElse("reflectance (unitless)");
    }
}
