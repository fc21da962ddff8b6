package dev.s2v.dataset;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import dev.s2v.config.Normalization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The tiles of one split as a DJL dataset: normalised bands (C x H x W) and the vessel mask (1 x H
 * x W), each sample moved by one of the configured exact transforms. With {@code expand} every tile
 * appears once per transform (and once as it is), as the original notebook enumerated them;
 * otherwise each sample draws one transform (or none) from the seed and the epoch, so a run is
 * reproducible and a resumed run draws the same as an uninterrupted one. Tiles with vessels can be
 * repeated to counter the class imbalance.
 *
 * <p>Tiles are held in memory as their stored 16-bit values when they fit the memory budget, and
 * read from their files otherwise.
 */
public final class TileDataset extends RandomAccessDataset {
    private final DatasetFolder dataset;
    private final List<TileRecord> tiles;
    private final int[] sampleTile;
    private final List<Augmentation> variants;
    private final int[][] permutations;
    private final boolean expand;
    private final long seed;
    private final int bandCount;
    private final int tileSize;
    private final ModelInput input;
    private final short[][][] cache;
    private int epoch;

    private TileDataset(Builder builder, short[][][] cache, int[] sampleTile) {
        super(builder);
        this.dataset = builder.dataset;
        this.tiles = builder.tiles;
        this.variants = builder.variants;
        this.expand = builder.expand;
        this.seed = builder.seed;
        this.bandCount = dataset.bands().size();
        this.tileSize = dataset.tileSize();
        this.cache = cache;
        this.sampleTile = sampleTile;
        this.permutations = new int[variants.size()][];
        for (int v = 0; v < variants.size(); v++) {
            permutations[v] = variants.get(v).permutation(tileSize);
        }
        this.input = new ModelInput(dataset.bands(), builder.normalization);
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Sets the epoch whose transforms random augmentation draws. */
    public void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    /** Number of channels of an image sample. */
    public int bandCount() {
        return bandCount;
    }

    /** Tile side in pixels. */
    public int tileSize() {
        return tileSize;
    }

    /** The distinct tiles behind the samples. */
    public List<TileRecord> tiles() {
        return tiles;
    }

    /** The tile behind a sample. */
    public TileRecord tileOf(long index) {
        return tiles.get(sampleTile[(int) (expand ? index / variants.size() : index)]);
    }

    /** The transform a sample applies in the current epoch. */
    public Augmentation augmentationOf(long index) {
        return variants.get(variantOf(index));
    }

    private int variantOf(long index) {
        if (expand) {
            return (int) (index % variants.size());
        }
        if (variants.size() == 1) {
            return 0;
        }
        long key = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index;
        return new SplittableRandom(key).nextInt(variants.size());
    }

    /**
     * Writes a sample into arrays: the normalised image (band-major, bands x tile x tile values
     * from {@code imageOffset}) and the 0/1 mask (tile x tile values from {@code maskOffset}), so a
     * training loop can fill a whole batch before creating one native array.
     *
     * @throws IOException when a tile file cannot be read
     */
    public void fill(long index, float[] image, int imageOffset, float[] mask, int maskOffset)
            throws IOException {
        int pixels = tileSize * tileSize;
        short[][] stored;
        byte[] tileMask;
        int t = sampleTile[(int) (expand ? index / variants.size() : index)];
        if (cache != null) {
            stored = cache[t];
            tileMask = null;
        } else {
            stored = new short[bandCount][pixels];
            tileMask = new byte[pixels];
            dataset.read(tiles.get(t), stored, tileMask);
        }
        int[] p = permutations[variantOf(index)];
        for (int b = 0; b < bandCount; b++) {
            short[] band = stored[b];
            int offset = imageOffset + b * pixels;
            for (int i = 0; i < pixels; i++) {
                image[offset + i] = input.ofStored(b, band[p[i]]);
            }
        }
        // A cached tile keeps its mask as an extra "band" of stored values.
        for (int i = 0; i < pixels; i++) {
            int source = p[i];
            mask[maskOffset + i] =
                    (tileMask != null ? tileMask[source] : stored[bandCount][source]);
        }
    }

    @Override
    public Record get(NDManager manager, long index) throws IOException {
        int pixels = tileSize * tileSize;
        float[] image = new float[bandCount * pixels];
        float[] mask = new float[pixels];
        fill(index, image, 0, mask, 0);
        return new Record(
                new NDList(manager.create(image, new Shape(bandCount, tileSize, tileSize))),
                new NDList(manager.create(mask, new Shape(1, tileSize, tileSize))));
    }

    /**
     * How many samples a split gives per epoch: every tile once, tiles with vessels {@code
     * oversamplePositives} times, all of it once per transform when the transforms are enumerated
     * ({@code expand}).
     */
    public static long samplesPerEpoch(
            List<TileRecord> tiles,
            int oversamplePositives,
            List<String> augmentations,
            boolean expand) {
        long samples = 0;
        for (TileRecord tile : tiles) {
            samples += repeats(tile, oversamplePositives);
        }
        return samples * (expand ? Augmentation.variants(augmentations).size() : 1);
    }

    private static int repeats(TileRecord tile, int oversamplePositives) {
        return tile.hasVessels() ? oversamplePositives : 1;
    }

    @Override
    protected long availableSize() {
        return (long) sampleTile.length * (expand ? variants.size() : 1);
    }

    @Override
    public void prepare(ai.djl.util.Progress progress) {
        // Tiles are loaded when the dataset is built.
    }

    /** Builds a {@link TileDataset}. */
    public static final class Builder extends BaseBuilder<Builder> {
        private DatasetFolder dataset;
        private List<TileRecord> tiles;
        private Normalization normalization;
        private List<Augmentation> variants = List.of(Augmentation.IDENTITY);
        private boolean expand;
        private int oversamplePositives = 1;
        private long seed;
        private long memoryBudgetBytes = Runtime.getRuntime().maxMemory() / 4;

        @Override
        protected Builder self() {
            return this;
        }

        /** The dataset folder and the split to serve (required). */
        public Builder setSplit(DatasetFolder dataset, Split split) {
            this.dataset = dataset;
            this.tiles = dataset.tiles(split);
            return this;
        }

        /** How reflectances become inputs (required). */
        public Builder setNormalization(Normalization normalization) {
            this.normalization = normalization;
            return this;
        }

        /** The configured transforms ({@code rot90}, ...); none by default. */
        public Builder optAugmentations(List<String> names, boolean expandAll) {
            this.variants = Augmentation.variants(names);
            this.expand = expandAll;
            return this;
        }

        /** How many times each tile with vessels appears (1 by default). */
        public Builder optOversamplePositives(int times) {
            if (times < 1) {
                throw new IllegalArgumentException(
                        "positives must appear at least once, got " + times);
            }
            this.oversamplePositives = times;
            return this;
        }

        /** Seed of the transform draws. */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Largest memory to hold tiles in; beyond it tiles are read from disk per sample. */
        public Builder optMemoryBudget(long bytes) {
            this.memoryBudgetBytes = bytes;
            return this;
        }

        /**
         * Builds the dataset, loading the tiles if they fit the budget.
         *
         * @throws IllegalArgumentException when the split has no tiles
         * @throws IOException when a tile cannot be read
         */
        public TileDataset build() throws IOException {
            if (dataset == null || normalization == null) {
                throw new IllegalStateException("setSplit and setNormalization are required");
            }
            if (sampler == null) {
                setSampling(1, false);
            }
            int pixels = dataset.tileSize() * dataset.tileSize();
            int bands = dataset.bands().size();
            List<Integer> samples = new ArrayList<>();
            for (int t = 0; t < tiles.size(); t++) {
                for (int k = 0; k < repeats(tiles.get(t), oversamplePositives); k++) {
                    samples.add(t);
                }
            }
            short[][][] cache = null;
            if ((long) tiles.size() * (bands + 1) * pixels * 2 <= memoryBudgetBytes) {
                cache = new short[tiles.size()][bands + 1][];
                byte[] mask = new byte[pixels];
                for (int t = 0; t < tiles.size(); t++) {
                    short[][] stored = new short[bands + 1][pixels];
                    dataset.read(tiles.get(t), stored, mask);
                    for (int i = 0; i < pixels; i++) {
                        stored[bands][i] = mask[i];
                    }
                    cache[t] = stored;
                }
            }
            return new TileDataset(
                    this, cache, samples.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
