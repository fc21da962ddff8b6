package dev.s2v.exploration;

import dev.s2v.raster.SpectralBand;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code s2v explore} is asked to do.
 *
 * @param dataset the dataset folder
 * @param split the splits to look at
 * @param samplesPerClass pixels kept per class (vessel, background)
 * @param maxTiles tiles read at most; larger datasets are subsampled per stratum
 * @param seed seed of the tile subsets and the pixel reservoirs
 * @param out the folder to write; an earlier exploration there is replaced
 * @param bands the bands to chart, in the dataset's order; empty for all of the dataset's bands
 * @param scatterX the band on the scatter plot's x axis
 * @param scatterY the band on the scatter plot's y axis
 * @param logY whether the distribution charts use a logarithmic density axis
 * @param bandwidthRule how the kernel density estimates choose their bandwidth
 * @param compare a dataset folder to compare with, band by band (the bands both have, by name),
 *     sampled as the dataset is (same split, sample size, tile budget and seed); empty for none
 * @param compareName what the pages and charts call the compared dataset; empty for its own name
 */
public record ExploreOptions(
        Path dataset,
        SplitSelection split,
        int samplesPerClass,
        int maxTiles,
        long seed,
        Path out,
        List<SpectralBand> bands,
        SpectralBand scatterX,
        SpectralBand scatterY,
        boolean logY,
        BandwidthRule bandwidthRule,
        Optional<Path> compare,
        Optional<String> compareName) {

    /** Pixels kept per class unless asked otherwise. */
    public static final int DEFAULT_SAMPLES = 200_000;

    /**
     * Tiles read at most unless asked otherwise: about 7 s of reading on two cores, and enough
     * tiles that the background sample spans the dataset's scenes.
     */
    public static final int DEFAULT_MAX_TILES = 20_000;

    /** The seed unless asked otherwise. */
    public static final long DEFAULT_SEED = 42;

    /** The default scatter plot: red against near infrared, where water is dark and hulls not. */
    public static final String DEFAULT_SCATTER = "B04,B08";

    /** The output folder's name inside the dataset folder unless another is given. */
    public static final String DEFAULT_FOLDER = "explore";

    /** Validates every field. */
    public ExploreOptions {
        if (dataset == null || out == null || split == null || bandwidthRule == null) {
            throw new IllegalArgumentException("dataset, out, split and bandwidth rule are needed");
        }
        if (samplesPerClass < 100) {
            throw new IllegalArgumentException(
                    "samples must be at least 100 pixels per class, got " + samplesPerClass);
        }
        if (maxTiles < 2) {
            throw new IllegalArgumentException("max tiles must be at least 2, got " + maxTiles);
        }
        if (scatterX == null || scatterY == null || scatterX == scatterY) {
            throw new IllegalArgumentException(
                    "the scatter plot needs two different bands, got "
                            + scatterX
                            + " and "
                            + scatterY);
        }
        if (compare == null || compareName == null) {
            throw new IllegalArgumentException(
                    "compare and compare name are needed (empty for no comparison)");
        }
        if (compareName.isPresent() && compare.isEmpty()) {
            throw new IllegalArgumentException(
                    "--compare-name '" + compareName.get() + "' needs --compare DIR");
        }
        if (compareName.isPresent() && compareName.get().isBlank()) {
            throw new IllegalArgumentException("--compare-name must not be blank");
        }
        bands = List.copyOf(bands);
    }

    /** The options of {@code s2v explore --dataset DIR} without other flags. */
    public static ExploreOptions defaults(Path dataset) {
        List<SpectralBand> scatter = SpectralBand.parseList(DEFAULT_SCATTER);
        return new ExploreOptions(
                dataset,
                SplitSelection.TRAIN,
                DEFAULT_SAMPLES,
                DEFAULT_MAX_TILES,
                DEFAULT_SEED,
                dataset.resolve(DEFAULT_FOLDER),
                List.of(),
                scatter.get(0),
                scatter.get(1),
                false,
                BandwidthRule.SILVERMAN,
                Optional.empty(),
                Optional.empty());
    }
}
