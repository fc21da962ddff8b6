package dev.s2v.config;

/**
 * A dataset cut on first use from a folder of labelled scenes: GeoTIFF band stacks {@code NAME.tif}
 * beside {@code NAME_labels.geojson} (or {@code NAME_mask.tif}), or product folders as {@code s2v
 * synth} writes them. Scenes without one of the experiment's bands are left out, each with one
 * line.
 *
 * @param from the folder, relative to the experiment file's folder unless absolute
 * @param split {@code scene} or {@code block}
 * @param val validation share of the scenes or blocks
 * @param test test share of the scenes or blocks
 * @param blockKm block side for the block split, kilometres
 * @param negatives share of the tiles without vessels kept
 * @param seed seed of the split and of the negative sampling
 * @param scale how the stacks' values become reflectance ({@code auto}: GDAL's band scale and
 *     offset)
 */
public record SourceConfig(
        String from,
        String split,
        double val,
        double test,
        double blockKm,
        double negatives,
        long seed,
        String scale) {

    /** Validates what can be checked without the scenes. */
    public SourceConfig {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("from must name a folder of labelled scenes");
        }
        if (!"scene".equals(split) && !"block".equals(split)) {
            throw new IllegalArgumentException("split must be scene or block, got '" + split + "'");
        }
        if (!(val >= 0 && test >= 0 && val + test < 1)) {
            throw new IllegalArgumentException(
                    "val and test must be shares that leave some scenes to train on, got "
                            + val
                            + " and "
                            + test);
        }
        if (!(negatives >= 0 && negatives <= 1)) {
            throw new IllegalArgumentException("negatives must be in [0, 1], got " + negatives);
        }
    }

    /**
     * The sen2ships layout's folder, {@code datasets/sources/sen2ships}; scenes split by scene with
     * a quarter for validation; every tile kept (real data is scarce).
     */
    public static SourceConfig defaults() {
        return new SourceConfig(
                "../datasets/sources/sen2ships", "scene", 0.25, 0, 2.5, 1.0, 11, "auto");
    }

    /** The same source in another folder (resolved paths are absolute). */
    public SourceConfig withFrom(String folder) {
        return new SourceConfig(folder, split, val, test, blockKm, negatives, seed, scale);
    }
}
