package dev.s2v.dataset;

import dev.s2v.config.YamlFiles;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A dataset folder opened for reading: its {@code dataset.yaml}, its manifest and its tiles. Every
 * step after {@code s2v tiles} (exploration, training, evaluation) reads tiles through this class.
 */
public final class DatasetFolder {
    /** The descriptor's file name. */
    public static final String DESCRIPTOR = "dataset.yaml";

    private final Path folder;
    private final DatasetDescriptor descriptor;
    private final List<TileRecord> tiles;

    private DatasetFolder(Path folder, DatasetDescriptor descriptor, List<TileRecord> tiles) {
        this.folder = folder;
        this.descriptor = descriptor;
        this.tiles = List.copyOf(tiles);
    }

    /**
     * Opens a dataset folder and checks it is complete.
     *
     * @throws NoSuchFileException naming the folder, or the file that is missing from it
     * @throws IllegalArgumentException when the descriptor or manifest is malformed
     */
    public static DatasetFolder open(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(
                    folder.toString(), null, "no such dataset folder (build one with s2v tiles)");
        }
        for (String required : new String[] {DESCRIPTOR, Manifest.FILE, "tiles"}) {
            if (!Files.exists(folder.resolve(required))) {
                throw new NoSuchFileException(
                        folder.resolve(required).toString(),
                        null,
                        "the dataset folder is incomplete: "
                                + required
                                + " is missing (rebuild it with s2v tiles)");
            }
        }
        DatasetDescriptor descriptor =
                YamlFiles.read(folder.resolve(DESCRIPTOR), DatasetDescriptor.class);
        List<TileRecord> tiles = Manifest.read(folder.resolve(Manifest.FILE));
        return new DatasetFolder(folder, descriptor, tiles);
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /** What dataset.yaml says. */
    public DatasetDescriptor descriptor() {
        return descriptor;
    }

    /** The bands of the tiles, in order. */
    public List<SpectralBand> bands() {
        return descriptor.bandList();
    }

    /** Tile side in pixels. */
    public int tileSize() {
        return descriptor.tileSize();
    }

    /** Every tile, in manifest order. */
    public List<TileRecord> tiles() {
        return tiles;
    }

    /** The tiles of a split, in manifest order. */
    public List<TileRecord> tiles(Split split) {
        List<TileRecord> result = new ArrayList<>();
        for (TileRecord t : tiles) {
            if (t.split() == split) {
                result.add(t);
            }
        }
        return result;
    }

    /**
     * Reads a tile's stored values (see {@link TileCodec}) and mask into the given arrays: {@code
     * stored[band]} and {@code mask} of tileSize^2 values each.
     *
     * @throws IOException when the tile file is missing or not a tile of this dataset
     */
    public void read(TileRecord tile, short[][] stored, byte[] mask) throws IOException {
        read(tile, stored, mask, null);
    }

    /**
     * Reads a tile's stored values, mask and vessel instance ids (0 = no vessel; see {@link
     * #hasInstances()}).
     *
     * @param instances receives tileSize^2 ids; null when not needed
     * @throws IOException when the tile file is missing or not a tile of this dataset
     */
    public void read(TileRecord tile, short[][] stored, byte[] mask, int[] instances)
            throws IOException {
        Path file = folder.resolve(tile.file());
        if (!Files.exists(file)) {
            throw new NoSuchFileException(
                    file.toString(), null, "a tile listed in the manifest is missing");
        }
        TileFile.read(file, bands().size(), tileSize(), stored, mask, instances);
    }

    /**
     * Whether the tiles tell vessels apart (format 2): two ships moored side by side are two
     * instances there; in a format 1 dataset they are one mask component.
     */
    public boolean hasInstances() {
        return descriptor.format() >= 2;
    }

    /**
     * A table of the {@code stats/} folder written when the dataset was built, e.g. {@link
     * DatasetStatistics#CLASS_BALANCE}.
     *
     * @throws NoSuchFileException when the table is missing
     */
    public Table statistics(String fileName) throws IOException {
        Path file = folder.resolve("stats").resolve(fileName);
        if (!Files.exists(file)) {
            throw new NoSuchFileException(
                    file.toString(), null, "statistics missing (rebuild with s2v tiles)");
        }
        return Table.read().csv(file.toFile());
    }
}
