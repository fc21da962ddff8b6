package dev.s2v.config;

import java.util.Optional;

/**
 * Where an experiment's tiles are, and how to make them on first use.
 *
 * @param path the dataset folder, relative to the experiment file's folder unless absolute
 * @param tileSize tile side in pixels; the dataset must have been cut at this size
 * @param generateIfMissing when present and the folder does not exist, a synthetic dataset is
 *     generated there
 * @param buildIfMissing when present and the folder does not exist, the dataset is cut from a
 *     folder of labelled scenes (real band stacks)
 * @param mix training tiles of a second dataset mixed into every epoch; absent: none
 */
public record DatasetConfig(
        String path,
        int tileSize,
        GenerateConfig generateIfMissing,
        SourceConfig buildIfMissing,
        MixConfig mix) {

    /** Validates the path and tile size. */
    public DatasetConfig {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("must name a dataset folder");
        }
        if (tileSize < 16 || tileSize % 16 != 0) {
            throw new IllegalArgumentException(
                    "tile_size must be a positive multiple of 16, got " + tileSize);
        }
        if (generateIfMissing != null && buildIfMissing != null) {
            throw new IllegalArgumentException(
                    "give generate_if_missing (synthetic scenes) or build_if_missing (a folder of"
                            + " labelled scenes), not both");
        }
    }

    /** The folder of labelled scenes to cut the dataset from when it is missing, if any. */
    public Optional<SourceConfig> source() {
        return Optional.ofNullable(buildIfMissing);
    }

    /** The second dataset mixed into training, if any. */
    public Optional<MixConfig> mixture() {
        return Optional.ofNullable(mix);
    }

    /** The same settings with other folders (resolved paths are absolute). */
    public DatasetConfig withPaths(String folder, String sourceFolder, String mixFolder) {
        return new DatasetConfig(
                folder,
                tileSize,
                generateIfMissing,
                buildIfMissing == null ? null : buildIfMissing.withFrom(sourceFolder),
                mix == null ? null : mix.withPath(mixFolder));
    }

    /** The synthetic dataset to generate when the folder is missing, if any. */
    public Optional<GenerateConfig> generation() {
        return Optional.ofNullable(generateIfMissing);
    }

    /** {@code datasets/synthetic-demo}, 64 px tiles, nothing generated. */
    public static DatasetConfig defaults() {
        return new DatasetConfig("../datasets/synthetic-demo", 64, null, null, null);
    }
}
