package dev.s2v.config;

/**
 * Training tiles of a second dataset mixed into every epoch, e.g. synthetic tiles beside real ones:
 * the second dataset's training split supplies {@code share} of each epoch's samples, drawn from
 * the seed and the epoch. It must have the experiment's bands and tile size.
 *
 * @param path the second dataset's folder, relative to the experiment file's folder unless absolute
 * @param share the share of each epoch's training samples it supplies, between 0 and 1
 */
public record MixConfig(String path, double share) {

    /** Validates the share. */
    public MixConfig {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("path must name a dataset folder");
        }
        if (!(share > 0 && share < 1)) {
            throw new IllegalArgumentException(
                    "share must be between 0 and 1 (exclusive), got " + share);
        }
    }

    /** The same mix from another folder (resolved paths are absolute). */
    public MixConfig withPath(String folder) {
        return new MixConfig(folder, share);
    }
}
