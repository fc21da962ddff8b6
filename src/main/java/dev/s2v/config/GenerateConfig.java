package dev.s2v.config;

import dev.s2v.raster.ProductLevel;

/**
 * A synthetic dataset made on first use: {@code scenes} synthetic scenes of {@code size} pixels,
 * L1C products or L2A band stacks, cut into tiles of the experiment's bands.
 *
 * @param scenes number of products
 * @param size product width and height in 10 m pixels
 * @param seed seed of the products and of the split
 * @param vesselDensity vessels relative to the generator's default density
 * @param negatives share of tiles without vessels kept
 * @param split {@code scene} or {@code block}
 * @param val validation share of scenes or blocks
 * @param test test share of scenes or blocks
 * @param blockKm block side for the block split
 * @param level {@code L1C} (top-of-atmosphere products, the default) or {@code L2A} (surface
 *     reflectance stacks with a randomised look per scene, as {@code s2v synth --level L2A})
 */
public record GenerateConfig(
        int scenes,
        int size,
        long seed,
        double vesselDensity,
        double negatives,
        String split,
        double val,
        double test,
        double blockKm,
        String level) {

    /** Validates the numbers. */
    public GenerateConfig {
        if (scenes < 1) {
            throw new IllegalArgumentException("scenes must be at least 1, got " + scenes);
        }
        if (size < 256) {
            throw new IllegalArgumentException("size must be at least 256 pixels, got " + size);
        }
        if (!(vesselDensity > 0)) {
            throw new IllegalArgumentException(
                    "vessel_density must be positive, got " + vesselDensity);
        }
        if (!(negatives >= 0 && negatives <= 1)) {
            throw new IllegalArgumentException("negatives must be in [0, 1], got " + negatives);
        }
        if (!"scene".equals(split) && !"block".equals(split)) {
            throw new IllegalArgumentException("split must be scene or block, got '" + split + "'");
        }
        level = ProductLevel.parse(level).key();
    }

    /**
     * Six 1024 x 1024 products, 5 km blocks, a fifth of the blocks each for validation and test.
     */
    public static GenerateConfig defaults() {
        return new GenerateConfig(6, 1024, 7, 1.0, 0.3, "block", 0.2, 0.2, 2.5, "L1C");
    }
}
