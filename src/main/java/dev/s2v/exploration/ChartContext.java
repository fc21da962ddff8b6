package dev.s2v.exploration;

/**
 * What every exploration chart states about where its data came from.
 *
 * @param dataset the dataset's name
 * @param splits the splits explored, as a reader says it ("train split", "all splits")
 * @param sampling what was read and sampled
 * @param rule the bandwidth rule of the density estimates
 */
public record ChartContext(
        String dataset, String splits, SamplingSummary sampling, BandwidthRule rule) {}
