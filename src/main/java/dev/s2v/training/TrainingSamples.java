package dev.s2v.training;

import dev.s2v.dataset.TileDataset;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * The training samples of an epoch: every sample of the experiment's dataset, then, when a second
 * dataset is mixed in, as many of its samples as make up the configured share of the epoch, each
 * drawn from the seed, the epoch and the sample's index (so a resumed run draws the same).
 */
final class TrainingSamples {
    private final TileDataset main;
    private final TileDataset mixed;
    private final int mixedCount;
    private final long seed;
    private int epoch;

    /**
     * The samples of one dataset, or of two.
     *
     * @param main the experiment's dataset
     * @param mixed a second dataset of the same bands and tile size; or null
     * @param share the second dataset's share of each epoch's samples, 0 to below 1
     * @param seed the experiment's seed
     */
    TrainingSamples(TileDataset main, TileDataset mixed, double share, long seed) {
        if (mixed != null
                && (mixed.bandCount() != main.bandCount() || mixed.tileSize() != main.tileSize())) {
            throw new IllegalArgumentException(
                    "the mixed dataset's tiles ("
                            + mixed.bandCount()
                            + " bands, "
                            + mixed.tileSize()
                            + " px) differ from the experiment's ("
                            + main.bandCount()
                            + " bands, "
                            + main.tileSize()
                            + " px)");
        }
        this.main = main;
        this.mixed = mixed;
        this.mixedCount = mixed == null ? 0 : (int) Math.round(main.size() * share / (1 - share));
        this.seed = seed;
    }

    /** Samples per epoch. */
    int size() {
        return (int) main.size() + mixedCount;
    }

    /** Samples of the second dataset per epoch. */
    int mixedCount() {
        return mixedCount;
    }

    /** Sets the epoch whose transforms and draws the samples use. */
    void setEpoch(int epoch) {
        this.epoch = epoch;
        main.setEpoch(epoch);
        if (mixed != null) {
            mixed.setEpoch(epoch);
        }
    }

    /** Channels of an image sample. */
    int bandCount() {
        return main.bandCount();
    }

    /** Tile side, pixels. */
    int tileSize() {
        return main.tileSize();
    }

    /**
     * Writes sample {@code index} of the epoch into arrays (see {@link TileDataset#fill}).
     *
     * @throws IOException when a tile cannot be read
     */
    void fill(int index, float[] image, int imageOffset, float[] mask, int maskOffset)
            throws IOException {
        if (index < main.size()) {
            main.fill(index, image, imageOffset, mask, maskOffset);
            return;
        }
        long key = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + index;
        long drawn = new SplittableRandom(key).nextLong(mixed.size());
        mixed.fill(drawn, image, imageOffset, mask, maskOffset);
    }
}
