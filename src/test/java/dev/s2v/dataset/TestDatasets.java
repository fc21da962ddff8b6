package dev.s2v.dataset;

import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.GeoTiffWriter;
import dev.s2v.raster.PixelType;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.Sentinel2ProductWriter;
import dev.s2v.raster.Sentinel2ProductWriter.ProductSpec;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TestProducts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small datasets for tests of later steps: a few L1C products of dark, noisy water with bright
 * rectangular "vessels", their masks, cut into 32 px tiles by {@link DatasetBuilder}.
 */
public final class TestDatasets {
    /** The bands of the test datasets, in tile order. */
    public static final List<SpectralBand> BANDS =
            List.of(SpectralBand.B02, SpectralBand.B03, SpectralBand.B04, SpectralBand.B08);

    private TestDatasets() {}

    /**
     * Writes {@code scenes} products of {@code size} pixels and cuts them into a dataset with a
     * scene split (one scene each for validation and test when there are at least three).
     *
     * @throws IOException when GDAL cannot write or read the files
     */
    public static DatasetFolder write(Path dir, int scenes, int size, int tile, long seed)
            throws IOException {
        return write(dir, scenes, size, tile, seed, true);
    }

    /**
     * As {@link #write(Path, int, int, int, long)}, with or without vessels: a dataset without any
     * has splits without vessel pixels, which later steps must survive.
     *
     * @throws IOException when GDAL cannot write or read the files
     */
    public static DatasetFolder write(
            Path dir, int scenes, int size, int tile, long seed, boolean withVessels)
            throws IOException {
        return write(dir, scenes, size, tile, seed, withVessels, BANDS);
    }

    /**
     * As {@link #write(Path, int, int, int, long, boolean)} with the given 10 m bands in the given
     * tile order. Every band holds the same values, and the same seed gives the same tiles, so two
     * datasets of different bands differ only in which bands they hold and where.
     *
     * @throws IOException when GDAL cannot write or read the files
     */
    public static DatasetFolder write(
            Path dir,
            int scenes,
            int size,
            int tile,
            long seed,
            boolean withVessels,
            List<SpectralBand> bands)
            throws IOException {
        List<LabelledScene> labelled = new ArrayList<>();
        for (int s = 0; s < scenes; s++) {
            byte[] mask = withVessels ? vessels(size, seed + s) : new byte[size * size];
            long noiseSeed = seed * 31 + s;
            ProductSpec spec = spec(s, size);
            Path product =
                    Sentinel2ProductWriter.write(
                            dir.resolve("products"),
                            spec,
                            EnumSet.copyOf(bands),
                            (band, w, h) -> digitalNumbers(mask, size, w, h, noiseSeed),
                            false);
            RasterGrid grid;
            try (Sentinel2Product p = Sentinel2Product.open(product)) {
                grid = p.grid();
            }
            Path labels = dir.resolve("products").resolve(spec.productId() + "_mask.tif");
            try (GeoTiffWriter w =
                    GeoTiffWriter.create(
                            labels, grid, 1, PixelType.BYTE, GeoTiffWriter.Options.defaults())) {
                w.write(1, PixelWindow.of(size, size), mask);
                w.commit();
            }
            labelled.add(new LabelledScene(product, labels, ScaleRule.auto()));
        }
        double share = scenes >= 3 ? 1.0 / scenes : 0;
        DatasetBuilder.Options options =
                new DatasetBuilder.Options(
                        bands,
                        tile,
                        1.0,
                        0.5,
                        new SplitPlan(SplitPlan.Rule.SCENE, share, share, 0, seed),
                        seed,
                        false,
                        false);
        Path out = dir.resolve("dataset");
        DatasetBuilder.build(out, labelled, options, line -> {});
        return DatasetFolder.open(out);
    }

    /** Changes a tile in place: its stored band values and its mask. */
    public interface TileEdit {
        /**
         * Edits the arrays of one tile.
         *
         * @param tile the manifest row
         * @param stored per band, row-major stored values
         * @param mask row-major 0/1 vessel mask
         */
        void edit(TileRecord tile, short[][] stored, byte[] mask);
    }

    /**
     * Rewrites every tile file of a split after an edit (the manifest's counts are left as they
     * were).
     *
     * @throws IOException when a tile cannot be read or written
     */
    public static void rewrite(DatasetFolder dataset, Split split, TileEdit edit)
            throws IOException {
        int pixels = dataset.tileSize() * dataset.tileSize();
        for (TileRecord tile : dataset.tiles(split)) {
            short[][] stored = new short[dataset.bands().size()][pixels];
            byte[] mask = new byte[pixels];
            dataset.read(tile, stored, mask);
            edit.edit(tile, stored, mask);
            Path file = dataset.folder().resolve(tile.file());
            RasterGrid grid;
            try (RasterDataset raster = RasterDataset.open(file)) {
                grid = raster.grid();
            }
            Files.delete(file);
            int size = dataset.tileSize();
            TileFile.write(
                    file,
                    grid,
                    dataset.bands(),
                    stored,
                    ConnectedComponents.label(mask, size, size, 10).labelImage());
        }
    }

    private static ProductSpec spec(int index, int size) {
        Instant sensing = Instant.parse("2024-07-01T10:30:21Z").plusSeconds(86400L * index);
        return new ProductSpec(
                "Sentinel-2A",
                sensing,
                sensing.plusSeconds(3600),
                "05.09",
                8,
                40000 + index,
                "32UPC",
                32632,
                TestProducts.ULX + 100_000 * index,
                TestProducts.ULY,
                size,
                size,
                0,
                30,
                150);
    }

    /** Random 2 x 4 to 3 x 8 pixel rectangles on about 2 % of the scene. */
    static byte[] vessels(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] mask = new byte[size * size];
        int count = Math.max(2, size * size / 1200);
        for (int v = 0; v < count; v++) {
            boolean across = random.nextBoolean();
            int length = 4 + random.nextInt(5);
            int width = 2 + random.nextInt(2);
            int h = across ? width : length;
            int w = across ? length : width;
            int r0 = random.nextInt(size - h);
            int c0 = random.nextInt(size - w);
            for (int r = r0; r < r0 + h; r++) {
                for (int c = c0; c < c0 + w; c++) {
                    mask[r * size + c] = 1;
                }
            }
        }
        return mask;
    }

    /** Water near reflectance 0.05 with noise, vessels near 0.25 (baseline 05.09 DNs). */
    private static short[] digitalNumbers(byte[] mask, int size, int w, int h, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        short[] dn = new short[w * h];
        for (int i = 0; i < dn.length; i++) {
            boolean vessel = mask[i] != 0;
            dn[i] = (short) (1000 + (vessel ? 2500 : 500) + random.nextInt(200) - 100);
        }
        return dn;
    }
}
