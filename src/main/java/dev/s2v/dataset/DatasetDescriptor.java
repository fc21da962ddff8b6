package dev.s2v.dataset;

import dev.s2v.config.Normalization;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code dataset.yaml} records about a dataset: how its tiles were cut, from what, how they
 * were split, and the normalisation parameters of its training split.
 *
 * @param format version of this file's layout
 * @param name the dataset's name (its folder's name)
 * @param s2vVersion the s2v version that built it
 * @param bands band names in the tiles' order
 * @param tileSize tile width and height in pixels
 * @param encoding how tile values map to reflectance
 * @param seed seed of negative sampling and split assignment
 * @param negatives share of tiles without vessels that were kept
 * @param maxNodataShare tiles with a larger share of no-data pixels were dropped
 * @param split the split rule and what it gave
 * @param sources the labelled products, in input order
 * @param tiles tiles per split
 * @param dropped tiles not kept, by reason
 * @param normalization per-band parameters from the training split
 * @param positiveClassWeight background pixels per vessel pixel in the training split: the weight
 *     of the vessel class that balances a cross-entropy loss
 */
public record DatasetDescriptor(
        int format,
        String name,
        String s2vVersion,
        List<String> bands,
        int tileSize,
        Encoding encoding,
        long seed,
        double negatives,
        double maxNodataShare,
        SplitInfo split,
        List<Source> sources,
        Map<String, Integer> tiles,
        Dropped dropped,
        NormalizationParameters normalization,
        double positiveClassWeight) {

    /**
     * The layout version this code writes: 2 stores each vessel's instance id in the tiles' label
     * band (1 stored 0/1 there, and is still read).
     */
    public static final int FORMAT = 2;

    /** Validates what later steps rely on. */
    public DatasetDescriptor {
        if (format != FORMAT && format != 1) {
            throw new IllegalArgumentException(
                    "format "
                            + format
                            + " is not supported by this s2v (it reads 1 and "
                            + FORMAT
                            + ")");
        }
        if (bands == null || bands.isEmpty()) {
            throw new IllegalArgumentException("bands must list at least one band name");
        }
        bands.forEach(SpectralBand::parse);
        if (tileSize < 16 || tileSize % 16 != 0) {
            throw new IllegalArgumentException(
                    "tile_size must be a positive multiple of 16, got " + tileSize);
        }
        if (normalization == null
                || normalization.max().size() != bands.size()
                || normalization.mean().size() != bands.size()
                || normalization.std().size() != bands.size()) {
            throw new IllegalArgumentException(
                    "normalization needs max, mean and std with one value per band ("
                            + bands.size()
                            + ")");
        }
        bands = List.copyOf(bands);
        sources = List.copyOf(sources);
        tiles = Map.copyOf(tiles);
    }

    /**
     * How tile values map to reflectance: {@code reflectance = (value - offset) / quantification},
     * {@code value == noData} for no data.
     *
     * @param quantification stored units per unit of reflectance
     * @param offset added to the scaled reflectance
     * @param noData the value of missing data and padding
     */
    public record Encoding(double quantification, int offset, int noData) {
        /** The encoding of {@link TileCodec}. */
        public static Encoding current() {
            return new Encoding(TileCodec.QUANTIFICATION, TileCodec.OFFSET, TileCodec.NO_DATA);
        }
    }

    /**
     * The split rule and what it assigned.
     *
     * @param rule scene or block
     * @param val validation fraction asked for
     * @param test test fraction asked for
     * @param blockKm block side (block rule), else 0
     * @param droppedAtBlockEdges tiles dropped because they reached into a block of another split
     */
    public record SplitInfo(
            String rule, double val, double test, double blockKm, int droppedAtBlockEdges) {}

    /**
     * One labelled product.
     *
     * @param sceneId the product id or stack name
     * @param product the product's path as given
     * @param labels the labels' path as given
     * @param scale the stack scale rule used (L1C products: their own metadata)
     * @param split the scene's split under the scene rule, "mixed" under the block rule
     * @param width grid columns
     * @param height grid rows
     * @param crs the grid's CRS, e.g. EPSG:32632
     * @param level the processing level of its reflectance (L1C or L2A), or unknown when the
     *     product does not state it (absent in datasets written before levels were recorded)
     * @param tilesKept tiles written
     */
    public record Source(
            String sceneId,
            String product,
            String labels,
            String scale,
            String split,
            int width,
            int height,
            String crs,
            String level,
            int tilesKept) {

        /** The level, when stated. */
        public Optional<ProductLevel> inputLevel() {
            return level == null || level.equals(UNKNOWN)
                    ? Optional.empty()
                    : Optional.of(ProductLevel.parse(level));
        }
    }

    /** A source's level when its product does not state one. */
    public static final String UNKNOWN = "unknown";

    /**
     * The processing level all sources share, or empty when one is unknown or they differ (a model
     * trained on both levels is not tied to one).
     */
    public Optional<ProductLevel> inputLevel() {
        Set<Optional<ProductLevel>> levels =
                sources.stream().map(Source::inputLevel).collect(Collectors.toSet());
        return levels.size() == 1 ? levels.iterator().next() : Optional.empty();
    }

    /**
     * Tiles not written.
     *
     * @param nodata tiles whose no-data share exceeded the limit
     * @param negativesNotSampled tiles without vessels left out by the negative sampling
     * @param blockEdges tiles reaching into a block of another split
     */
    public record Dropped(int nodata, int negativesNotSampled, int blockEdges) {}

    /**
     * Per-band reflectance statistics of the training split, in band order.
     *
     * @param max maxima
     * @param mean means
     * @param std standard deviations
     */
    public record NormalizationParameters(List<Double> max, List<Double> mean, List<Double> std) {
        /** The normalisation of the given kind. */
        public Normalization of(Normalization.Kind kind) {
            double[] m = max.stream().mapToDouble(Double::doubleValue).toArray();
            return kind == Normalization.Kind.MAX
                    ? Normalization.max(m)
                    : Normalization.standard(
                            mean.stream().mapToDouble(Double::doubleValue).toArray(),
                            std.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** The bands as enum values, in tile order. */
    public List<SpectralBand> bandList() {
        return bands.stream().map(SpectralBand::parse).toList();
    }

    /** Tiles in a split (0 when none). */
    public int tileCount(Split split) {
        return tiles.getOrDefault(split.key(), 0);
    }
}
