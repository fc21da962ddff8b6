package dev.s2v.exploration;

import java.util.List;

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
     * The quantity of a dataset's tiles: top-of-atmosphere reflectance when every source is a
     * Level-1C product, bottom-of-atmosphere when every source is Level-2A, plain reflectance when
     * the sources do not say (GeoTIFF stacks) or mix levels.
     */
    public static String quantity(List<String> sceneIds) {
        if (!sceneIds.isEmpty() && sceneIds.stream().allMatch(id -> id.contains("MSIL1C"))) {
            return "TOA reflectance (L1C, unitless)";
        }
        if (!sceneIds.isEmpty() && sceneIds.stream().allMatch(id -> id.contains("MSIL2A"))) {
            return "BOA reflectance (L2A, unitless)";
        }
        return "reflectance (unitless)";
    }
}
