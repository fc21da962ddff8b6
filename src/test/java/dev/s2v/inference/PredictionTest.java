package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.dataset.TileDataset;
import dev.s2v.dataset.TileRecord;
import dev.s2v.model.TestModels;
import dev.s2v.model.TrainedModel;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TestProducts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-scene prediction: coverage, stitching, georeferencing and the tile path's numbers. */
@Tag("native")
class PredictionTest {
    private static final List<SpectralBand> BANDS =
            SpectralBand.parseList("B02,B03,B04,B08,B8A,B11,B12");
    private static final Normalization MAX = Normalization.max(new double[] {1, 1, 1, 1, 1, 1, 1});

    @TempDir Path dir;

    @BeforeAll
    static void natives() {
        Natives.assumeGdal();
    }

    private static PredictRequest request(
            Path model, Path product, Path out, WindowSettings windows) {
        return new PredictRequest(
                model,
                product,
                out,
                windows,
                OptionalDouble.empty(),
                ProbabilityFormat.FLOAT32,
                new Aoi.Everywhere(),
                ScaleRule.auto(),
                false);
    }

    private static float[] readFloat(Path file, RasterGrid grid) throws IOException {
        float[] values = new float[grid.width() * grid.height()];
        try (RasterDataset raster = RasterDataset.open(file)) {
            raster.readFloat(1, PixelWindow.of(grid.width(), grid.height()), values);
        }
        return values;
    }

    private static byte[] readByte(Path file, RasterGrid grid) throws IOException {
        byte[] values = new byte[grid.width() * grid.height()];
        try (RasterDataset raster = RasterDataset.open(file)) {
            raster.readByte(1, PixelWindow.of(grid.width(), grid.height()), values);
        }
        return values;
    }

    @Test
    void aConstantModelGivesAConstantMapOnEveryPixelOfAnOddSizedScene() throws IOException {
        Path product = TestProducts.write(dir.resolve("p"), "05.09", 203, 157, false, true);
        Path model = TestModels.exportConstant(dir.resolve("constant"), BANDS, 32, MAX, 0.3f);
        Path out = dir.resolve("out");
        PredictionSummary summary =
                Prediction.run(
                        request(model, product, out, new WindowSettings(64, 16, 3)),
                        ProgressMeter.silent());

        RasterGrid grid;
        boolean[] noData = new boolean[203 * 157];
        try (Sentinel2Product p = Sentinel2Product.open(product)) {
            grid = p.grid();
            var pixels = p.read(BANDS, PixelWindow.of(203, 157));
            for (int i = 0; i < noData.length; i++) {
                noData[i] = !pixels.isValid(i);
            }
        }
        float[] probability = readFloat(out.resolve(PredictionOutputs.PROBABILITY), grid);
        byte[] mask = readByte(out.resolve(PredictionOutputs.MASK), grid);
        int noDataCount = 0;
        for (int i = 0; i < probability.length; i++) {
            if (noData[i]) {
                noDataCount++;
                assertTrue(Float.isNaN(probability[i]), "no data stays no data at " + i);
                assertEquals((byte) 255, mask[i]);
            } else {
                assertEquals(0.3f, probability[i], 1e-6f, "pixel " + i);
                assertEquals(0, mask[i]);
            }
        }
        assertTrue(noDataCount > 0, "the product has a no-data corner");
        assertEquals(203L * 157 - noDataCount, summary.validPixels());
        assertEquals(0, summary.vessels());
        assertEquals(20, summary.windows(), "4 x 5 windows of 64 px with a stride of 48");

        try (RasterDataset raster = RasterDataset.open(out.resolve(PredictionOutputs.MASK))) {
            assertEquals(grid.transform(), raster.transform());
            assertEquals(grid.epsg(), raster.grid().epsg());
            assertEquals("DEFLATE", raster.metadataItem("COMPRESSION", "IMAGE_STRUCTURE"));
            assertArrayEquals(new int[] {256, 256}, raster.blockSize(1));
            assertEquals("constant", raster.metadataItem("S2V_MODEL", ""));
            assertEquals("0.5", raster.metadataItem("S2V_MODEL_THRESHOLD", ""));
            assertEquals(
                    TestProducts.spec("05.09", 203, 157).productId(),
                    raster.metadataItem("S2V_PRODUCT", ""));
        }
        assertEquals(
                List.of(VesselVectors.COLUMNS.stream().reduce((a, b) -> a + "," + b).orElseThrow()),
                Files.readAllLines(out.resolve(Prediction.VESSELS_CSV)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().startsWith(".")).toList(),
                    "no temporary folder is left");
        }
    }

    @Test
    void aRealProductExcerptKeepsItsGridAndItsNoDataColumns() throws Exception {
        // 12 x 6 px of a real baseline 04.00 product, read in place from its zip; 10 m columns
        // 0, 1 and 11 and 20 m column 0 (10 m columns 0 and 1) are no-data fill.
        Path zip =
                Path.of(
                        PredictionTest.class
                                .getResource(
                                        "/real-l1c/S2B_MSIL1C_20220615T101559_N0400_R065_T32UPC_20220615T122549.zip")
                                .toURI());
        Path model = TestModels.exportConstant(dir.resolve("constant"), BANDS, 32, MAX, 0.3f);
        Path out = dir.resolve("out");
        PredictionSummary summary =
                Prediction.run(
                        request(model, zip, out, WindowSettings.defaults()),
                        ProgressMeter.silent());
        RasterGrid grid;
        try (Sentinel2Product p = Sentinel2Product.open(zip)) {
            grid = p.grid();
        }
        assertEquals(1, summary.windows(), "one window, shrunk to the 12 x 6 px scene");
        float[] probability = readFloat(out.resolve(PredictionOutputs.PROBABILITY), grid);
        for (int i = 0; i < probability.length; i++) {
            int col = i % grid.width();
            boolean fill = col <= 1 || col == 11;
            assertEquals(fill, Float.isNaN(probability[i]), "pixel " + i);
        }
        try (RasterDataset raster = RasterDataset.open(out.resolve(PredictionOutputs.MASK))) {
            assertEquals(grid.transform(), raster.transform());
            assertEquals(32632, raster.grid().epsg().getAsInt());
        }
        assertTrue(Files.readString(out.resolve(Prediction.MAP)).contains("2022-06-15"));
    }

    @Test
    void aVesselCrossingEveryStripIsOneVessel() throws IOException {
        Path product = TestProducts.write(dir.resolve("p"), "05.09", 150, 140, false, false);
        Path model = TestModels.exportConstant(dir.resolve("constant"), BANDS, 32, MAX, 0.8f);
        PredictionSummary summary =
                Prediction.run(
                        request(model, product, dir.resolve("out"), new WindowSettings(32, 8, 2)),
                        ProgressMeter.silent());
        assertEquals(6, summary.windows() / 7, "six rows of windows: six strips");
        assertEquals(1, summary.vessels(), "every pixel is a vessel: one object over all strips");
        assertEquals(150L * 140, summary.vesselPixels());
    }

    @Test
    void withEnoughOverlapTheWindowsGiveExactlyWhatOneWindowOverTheSceneGives() throws IOException {
        Path product = TestProducts.write(dir.resolve("p"), "05.09", 120, 100, false, false);
        Path model =
                TestModels.export(
                        dir.resolve("m"),
                        BANDS,
                        32,
                        Normalization.max(new double[] {0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2}));
        RasterGrid grid;
        try (Sentinel2Product p = Sentinel2Product.open(product)) {
            grid = p.grid();
        }
        // One window holds the whole scene and 32 px of padding around it (the scene is smaller
        // than a window, so the window cannot be moved inside it).
        Prediction.run(
                request(model, product, dir.resolve("one"), new WindowSettings(192, 64, 1)),
                ProgressMeter.silent());
        float[] one = readFloat(dir.resolve("one").resolve(PredictionOutputs.PROBABILITY), grid);
        // 96 px windows keep 32 px cores: each core sees 32 px of scene around it, more than the
        // depth-2 network's reach. At the scene's edges they are moved inside it, so the pixels
        // near an edge see less than the padded single window: those more than 32 px from every
        // edge see the same.
        Prediction.run(
                request(model, product, dir.resolve("many"), new WindowSettings(96, 64, 4)),
                ProgressMeter.silent());
        float[] many = readFloat(dir.resolve("many").resolve(PredictionOutputs.PROBABILITY), grid);
        assertArrayEquals(interior(one, 120, 100, 32), interior(many, 120, 100, 32), 2e-5f);
        // With only 4 px of context kept, the window borders show: the comparison has power.
        Prediction.run(
                request(model, product, dir.resolve("few"), new WindowSettings(40, 8, 4)),
                ProgressMeter.silent());
        float[] few = readFloat(dir.resolve("few").resolve(PredictionOutputs.PROBABILITY), grid);
        float[] oneInside = interior(one, 120, 100, 32);
        float[] fewInside = interior(few, 120, 100, 32);
        double worst = 0;
        for (int i = 0; i < oneInside.length; i++) {
            worst = Math.max(worst, Math.abs(oneInside[i] - fewInside[i]));
        }
        assertTrue(worst > 1e-3, "narrow margins differ, by " + worst);
    }

    /** The values of a row-major map at least {@code margin} pixels from every edge. */
    private static float[] interior(float[] values, int width, int height, int margin) {
        float[] inner = new float[(width - 2 * margin) * (height - 2 * margin)];
        int k = 0;
        for (int r = margin; r < height - margin; r++) {
            for (int c = margin; c < width - margin; c++) {
                inner[k++] = values[r * width + c];
            }
        }
        return inner;
    }

    @Test
    void aTileGetsTheSameProbabilitiesFromTheScenePathAsFromTheTilePath() throws IOException {
        DatasetFolder dataset = TestDatasets.write(dir.resolve("d"), 1, 96, 32, 5);
        Path product;
        try (Stream<Path> files = Files.list(dir.resolve("d").resolve("products"))) {
            product = files.filter(f -> f.toString().endsWith(".SAFE")).findFirst().orElseThrow();
        }
        Normalization normalization = Normalization.max(new double[] {0.12, 0.1, 0.09, 0.2});
        Path model = TestModels.export(dir.resolve("m"), TestDatasets.BANDS, 32, normalization);
        Prediction.run(
                request(model, product, dir.resolve("out"), new WindowSettings(32, 0, 5)),
                ProgressMeter.silent());
        RasterGrid grid;
        try (Sentinel2Product p = Sentinel2Product.open(product)) {
            grid = p.grid();
        }
        float[] scene = readFloat(dir.resolve("out").resolve(PredictionOutputs.PROBABILITY), grid);

        // Overlapping windows are moved inside the scene at its edges: the corner window of 32 px
        // windows overlapping by 16 is the corner tile, and its core (16 px) keeps its values.
        Prediction.run(
                request(model, product, dir.resolve("overlap"), new WindowSettings(32, 16, 5)),
                ProgressMeter.silent());
        float[] overlapping =
                readFloat(dir.resolve("overlap").resolve(PredictionOutputs.PROBABILITY), grid);
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                assertEquals(scene[r * 96 + c], overlapping[r * 96 + c], 1e-5f, r + "," + c);
            }
        }

        TileDataset tiles =
                TileDataset.builder()
                        .setSplit(dataset, Split.TRAIN)
                        .setNormalization(normalization)
                        .build();
        assertEquals(9, tiles.size());
        try (TrainedModel m = TrainedModel.load(model)) {
            for (int t = 0; t < tiles.size(); t++) {
                TileRecord record = tiles.tileOf(t);
                float[] image = new float[4 * 32 * 32];
                tiles.fill(t, image, 0, new float[32 * 32], 0);
                float[] tile = m.predict(image, 1, 32, 32);
                for (int r = 0; r < 32; r++) {
                    for (int c = 0; c < 32; c++) {
                        assertEquals(
                                tile[r * 32 + c],
                                scene[(record.row() + r) * 96 + record.col() + c],
                                1e-5f,
                                record.tileId() + " pixel " + r + "," + c);
                    }
                }
            }
        }
    }
}
