package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.GeoTiffWriter;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelType;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.Radiometry;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.Sentinel2ProductWriter.ProductSpec;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TestProducts;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The builder on small L1C products written through GDAL, with mask labels. */
@Tag("native")
class DatasetBuilderTest {
    // 200 x 180: the fourth tile column has 8 of 64 columns (dropped as mostly no-data), the
    // third tile row 52 of 64 rows (kept, its last 12 rows padding).
    private static final int WIDTH = 200;
    private static final int HEIGHT = 180;
    private static final List<SpectralBand> BANDS =
            List.of(SpectralBand.B08, SpectralBand.B02, SpectralBand.B11);

    @TempDir static Path dir;
    static List<LabelledScene> scenes = new ArrayList<>();

    static ProductSpec spec(int index) {
        Instant sensing = Instant.parse("2024-07-01T10:30:21Z").plusSeconds(86400L * index);
        return new ProductSpec(
                "Sentinel-2B",
                sensing,
                sensing.plusSeconds(7200),
                "05.09",
                22,
                38123 + index,
                "32UPC",
                32632,
                // 100 km apart: independent scenes for the scene split.
                TestProducts.ULX + 100_000 * index,
                TestProducts.ULY,
                WIDTH,
                HEIGHT,
                3.5,
                35.2,
                160.4);
    }

    /** Vessel rectangles: one in the first tile, one in the padded bottom row. */
    static byte[] mask() {
        byte[] mask = new byte[WIDTH * HEIGHT];
        for (int r = 10; r < 14; r++) {
            for (int c = 20; c < 30; c++) {
                mask[r * WIDTH + c] = 1;
            }
        }
        for (int r = 130; r < 132; r++) {
            for (int c = 70; c < 73; c++) {
                mask[r * WIDTH + c] = 1;
            }
        }
        return mask;
    }

    @BeforeAll
    static void writeProducts() throws IOException {
        Natives.assumeGdal();
        for (int i = 0; i < 3; i++) {
            Path product =
                    TestProducts.write(
                            dir.resolve("p" + i),
                            spec(i),
                            EnumSet.allOf(SpectralBand.class),
                            i == 1,
                            false);
            RasterGrid grid;
            try (Sentinel2Product p = Sentinel2Product.open(product)) {
                grid = p.grid();
            }
            Path labels = dir.resolve("p" + i).resolve("mask.tif");
            try (GeoTiffWriter w =
                    GeoTiffWriter.create(
                            labels, grid, 1, PixelType.BYTE, GeoTiffWriter.Options.defaults())) {
                w.write(1, PixelWindow.of(WIDTH, HEIGHT), mask());
                w.commit();
            }
            scenes.add(new LabelledScene(product, labels, ScaleRule.auto()));
        }
    }

    static DatasetBuilder.Options options(double negatives, boolean overwrite) {
        return new DatasetBuilder.Options(
                BANDS,
                64,
                negatives,
                0.5,
                new SplitPlan(SplitPlan.Rule.SCENE, 0.34, 0.34, 0, 5),
                11,
                false,
                overwrite);
    }

    @Test
    void cutsTilesPadsEdgesAndKeepsEveryPositive() throws IOException {
        Path out = dir.resolve("datasets/all");
        DatasetBuilder.Result result =
                DatasetBuilder.build(out, scenes, options(1.0, false), line -> {});
        DatasetFolder dataset = DatasetFolder.open(out);
        // 3 columns x 3 rows kept per scene; the 8-px-wide fourth column dropped.
        assertEquals(27, dataset.tiles().size());
        assertEquals(9, result.descriptor().dropped().nodata());
        assertEquals(
                Optional.of(ProductLevel.L1C),
                dataset.descriptor().inputLevel(),
                "L1C products, read back from dataset.yaml");
        TileRecord first = find(dataset, 0, 0);
        assertEquals(40, first.vesselPixels());
        assertEquals(1, first.vesselObjects());
        assertEquals(0, first.nodataPixels());
        TileRecord padded = find(dataset, 128, 64);
        assertEquals(12 * 64, padded.nodataPixels());
        assertEquals(6, padded.vesselPixels());
        for (Split s : Split.values()) {
            assertEquals(9, dataset.tiles(s).size(), "one scene per split");
        }
        assertFalse(
                Files.list(dir.resolve("datasets"))
                        .anyMatch(p -> p.toString().contains("partial")));
    }

    @Test
    void tilesHoldTheProductsReflectanceInTheRequestedBandOrder() throws IOException {
        Path out = dir.resolve("datasets/values");
        DatasetBuilder.build(out, scenes, options(1.0, false), line -> {});
        DatasetFolder dataset = DatasetFolder.open(out);
        TileRecord tile = find(dataset, 128, 64);
        short[][] stored = new short[3][64 * 64];
        byte[] mask = new byte[64 * 64];
        dataset.read(tile, stored, mask);
        Radiometry l1c = Radiometry.l1c(-1000, 10000);
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                int row = 128 + r;
                int col = 64 + c;
                int i = r * 64 + c;
                if (row >= HEIGHT) {
                    assertEquals(TileCodec.NO_DATA, stored[0][i]);
                    continue;
                }
                float b08 = l1c.reflectance(TestProducts.dn(SpectralBand.B08, row, col, false));
                float b11 =
                        l1c.reflectance(TestProducts.dn(SpectralBand.B11, row / 2, col / 2, false));
                assertEquals(TileCodec.encode(b08), stored[0][i]);
                assertEquals(TileCodec.encode(b11), stored[2][i], "20 m band repeated 2 x 2");
                assertEquals(mask()[row * WIDTH + col], mask[i]);
            }
        }
    }

    @Test
    void negativesAreSampledAndNormalisationComesFromTrainingTiles() throws IOException {
        Path out = dir.resolve("datasets/positives");
        DatasetBuilder.Result result =
                DatasetBuilder.build(out, scenes, options(0.0, false), line -> {});
        DatasetFolder dataset = DatasetFolder.open(out);
        assertEquals(6, dataset.tiles().size(), "two tiles with vessels per scene");
        assertTrue(dataset.tiles().stream().allMatch(TileRecord::hasVessels));
        assertEquals(21, result.descriptor().dropped().negativesNotSampled());
        double max = 0;
        short[][] stored = new short[3][64 * 64];
        byte[] mask = new byte[64 * 64];
        for (TileRecord t : dataset.tiles(Split.TRAIN)) {
            dataset.read(t, stored, mask);
            for (short v : stored[0]) {
                max = Math.max(max, Double.isNaN(TileCodec.decode(v)) ? 0 : TileCodec.decode(v));
            }
        }
        assertEquals(max, result.descriptor().normalization().max().get(0), 1e-6);
    }

    @Test
    void refusesAnExistingFolderUnlessOverwriting() throws IOException {
        Path out = dir.resolve("datasets/twice");
        DatasetBuilder.build(out, scenes, options(0.0, false), line -> {});
        assertThrows(
                FileAlreadyExistsException.class,
                () -> DatasetBuilder.build(out, scenes, options(0.0, false), line -> {}));
        DatasetBuilder.build(out, scenes, options(1.0, true), line -> {});
        assertEquals(27, DatasetFolder.open(out).tiles().size());
        try (Stream<Path> tiles = Files.list(out.resolve("tiles"))) {
            assertEquals(27, tiles.count(), "no old tile left behind");
        }
    }

    @Test
    void badInputsFailWithOneLineAndWriteNothing() throws IOException {
        Path out = dir.resolve("datasets/bad");
        DatasetBuilder.Options needsB8a =
                new DatasetBuilder.Options(
                        List.of(SpectralBand.B8A),
                        64,
                        1,
                        0.5,
                        new SplitPlan(SplitPlan.Rule.SCENE, 0.34, 0.34, 0, 5),
                        1,
                        false,
                        false);
        Path partial =
                TestProducts.write(
                        dir.resolve("partial"),
                        spec(7),
                        EnumSet.of(SpectralBand.B02, SpectralBand.B08),
                        false,
                        false);
        List<LabelledScene> withPartial = new ArrayList<>(scenes);
        withPartial.set(0, new LabelledScene(partial, scenes.get(0).labels(), ScaleRule.auto()));
        IllegalArgumentException missing =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DatasetBuilder.build(out, withPartial, needsB8a, line -> {}));
        assertTrue(missing.getMessage().contains("has no B8A"), missing.getMessage());

        DatasetBuilder.Options bigTiles =
                new DatasetBuilder.Options(
                        BANDS,
                        256,
                        1,
                        0.5,
                        new SplitPlan(SplitPlan.Rule.SCENE, 0.34, 0.34, 0, 5),
                        1,
                        false,
                        false);
        IllegalArgumentException tooBig =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> DatasetBuilder.build(out, scenes, bigTiles, line -> {}));
        assertTrue(
                tooBig.getMessage().contains("smaller than the 256 px tile"), tooBig.getMessage());

        // A mask of another product: same size, 100 km away.
        List<LabelledScene> wrongMask = new ArrayList<>(scenes);
        wrongMask.set(
                0,
                new LabelledScene(
                        scenes.get(0).product(), scenes.get(1).labels(), ScaleRule.auto()));
        IOException offGrid =
                assertThrows(
                        IOException.class,
                        () -> DatasetBuilder.build(out, wrongMask, options(1, false), line -> {}));
        assertTrue(
                offGrid.getMessage().contains("not on the product's grid"), offGrid.getMessage());
        assertFalse(Files.exists(out));
    }

    private static TileRecord find(DatasetFolder dataset, int row, int col) {
        return dataset.tiles().stream()
                .filter(t -> t.row() == row && t.col() == col)
                .findFirst()
                .orElseThrow();
    }
}
