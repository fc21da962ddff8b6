package dev.s2v.config;

import java.util.Optional;

/**
 * Where an experiment's tiles are, and how to make them on first use.
 *
 * @param path the dataset folder, relative to the experiment file's folder unless absolute
 * @param tileSize tile side in pixels; the dataset must have been cut at this size
 * @param generateIfMissing when present and the folder does not exist, a synthetic dataset is
 *     generated there
 */
public record DatasetConfig(String path, int tileSize, GenerateConfig generateIfMissing) {

    /** Validates the path and tile size. */
    public DatasetConfig {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("must name a dataset folder");
        }
        if (tileSize < 16 || tileSize % 16 != 0) {
            throw new IllegalArgumentException(
                    "tile_size must be a positive multiple of 16, got " + tileSize);
        }
    }

    /** The synthetic dataset to generate when the folder is missing, if any. */
    public Optional<GenerateConfig> generation() {
        return Optional.ofNullable(generateIfMissing);
    }

    /** {@code datasets/synthetic-demo}, 64 px tiles, nothing generated. */
    public static DatasetConfig defaults() {
        return new DatasetConfig("../datasets/synthetic-demo", 64, null);
    }
}
