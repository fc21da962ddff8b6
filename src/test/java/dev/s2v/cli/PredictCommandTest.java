package dev.s2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TestModels;
import dev.s2v.model.TrainedModel;
import dev.s2v.model.UNetArchitecture;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.Sentinel2ProductWriter;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TestProducts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code s2v predict}: its outputs, and one clear line for each kind of bad input. */
@Tag("native")
class PredictCommandTest {
    private static final List<SpectralBand> BANDS =
            SpectralBand.parseList("B02,B03,B04,B08,B8A,B11,B12");

    @TempDir static Path shared;
    static Path product;
    static Path model;

    @TempDir Path dir;

    @BeforeAll
    static void productAndModel() throws IOException {
        Natives.assumeGdal();
        product = TestProducts.write(shared.resolve("p"), "05.09", 100, 90, false, false);
        model =
                TestModels.export(
                        shared.resolve("models/tiny"),
                        BANDS,
                        32,
                        Normalization.max(new double[] {0.2, 0.2, 0.2, 0.3, 0.3, 0.3, 0.3}));
    }

    private static void assertNothingLeftIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "no output, not even a partial one");
        }
    }

    @Test
    void writesEveryOutputAndSaysWhereTheyAre() throws IOException {
        Path out = dir.resolve("out");
        CliRunner run =
                CliRunner.run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--product",
                        product.toString(),
                        "--out",
                        out.toString(),
                        "--window",
                        "64",
                        "--threshold",
                        "0.6");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("found in "), run.out());
        assertTrue(run.out().contains("outputs in " + out.toAbsolutePath()), run.out());
        assertTrue(run.err().contains("windows of 64 px"), "a progress line: " + run.err());
        for (String file :
                List.of(
                        "probability.tif",
                        "mask.tif",
                        "vessels.geojson",
                        "vessels.csv",
                        "map.html",
                        "prediction.yaml")) {
            assertTrue(Files.isRegularFile(out.resolve(file)), file);
        }
        try (RasterDataset raster = RasterDataset.open(out.resolve("probability.tif"))) {
            assertEquals("0.6000", raster.metadataItem("S2V_THRESHOLD", ""));
            assertEquals("0.5", raster.metadataItem("S2V_MODEL_THRESHOLD", ""));
            assertEquals("tiny", raster.metadataItem("S2V_MODEL", ""));
            assertTrue(raster.overviewCount(1) == 0, "a 100 px raster needs no overviews");
            assertEquals(255.0, raster.noData(1).orElseThrow());
            assertEquals(1.0 / 254, raster.scale(1).orElseThrow(), 1e-12);
        }

        CliRunner again =
                CliRunner.run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--product",
                        product.toString(),
                        "--out",
                        out.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.errIsOneLine(), again.err());
        assertTrue(again.err().contains(out.toAbsolutePath() + ": already exists"), again.err());
    }

    @Test
    void aBoxCutsTheOutputsToItsWindowOfTheProductGrid() throws IOException {
        RasterGrid grid;
        try (Sentinel2Product p = Sentinel2Product.open(product)) {
            grid = p.grid();
        }
        // The product lies in UTM 32N near 10.4 E, 52.3 N; a box over its middle.
        double[] lonLat =
                lonLatOf(grid, grid.transform().mapX(50, 45), grid.transform().mapY(50, 45));
        String bbox =
                (lonLat[0] - 0.002)
                        + ","
                        + (lonLat[1] - 0.001)
                        + ","
                        + (lonLat[0] + 0.002)
                        + ","
                        + (lonLat[1] + 0.001);
        Path out = dir.resolve("box");
        CliRunner run =
                CliRunner.run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--product",
                        product.toString(),
                        "--out",
                        out.toString(),
                        "--bbox",
                        bbox,
                        "--probability",
                        "float32");
        assertEquals(0, run.exitCode(), run.err());
        try (RasterDataset raster = RasterDataset.open(out.resolve("probability.tif"))) {
            assertTrue(raster.width() < 40 && raster.height() < 40, raster.width() + " px wide");
            double[] corner =
                    grid.transform()
                            .pixelOf(raster.transform().originX(), raster.transform().originY());
            assertEquals(Math.rint(corner[0]), corner[0], 1e-9, "on the product's pixel grid");
            assertEquals(Math.rint(corner[1]), corner[1], 1e-9, "on the product's pixel grid");
            assertEquals(grid.pixelSizeX(), raster.grid().pixelSizeX());
            float[] values = new float[raster.width() * raster.height()];
            raster.readFloat(1, PixelWindow.of(raster.width(), raster.height()), values);
            long noData = 0;
            for (float v : values) {
                noData += Float.isNaN(v) ? 1 : 0;
            }
            assertTrue(noData < values.length, "the box's inside is predicted");
        }
    }

    private static double[] lonLatOf(RasterGrid grid, double x, double y) {
        try (var t = dev.s2v.raster.CrsTransform.toWgs84(grid)) {
            return t.apply(x, y);
        }
    }

    @Test
    void aBoxOutsideTheProductIsRefused() throws IOException {
        CliRunner run =
                CliRunner.run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--product",
                        product.toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "--bbox",
                        "100,10,100.1,10.1");
        assertEquals(2, run.exitCode());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains("the area of interest lies outside"), run.err());
        assertNothingLeftIn(dir);
    }

    @Test
    void aProductWithoutABandOfTheModelIsRefusedNamingIt() throws IOException {
        EnumSet<SpectralBand> bands = EnumSet.copyOf(BANDS);
        bands.remove(SpectralBand.B12);
        Path noB12 =
                TestProducts.write(
                        dir.resolve("p"), TestProducts.spec("05.09", 64, 64), bands, false, false);
        Path out = dir.resolve("out");
        CliRunner run =
                CliRunner.run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--product",
                        noB12.toString(),
                        "--out",
                        out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains(noB12 + ": has no B12, which the model reads"), run.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("p")), files.toList());
        }
    }

    @Test
    void aModelWhoseXmlDoesNotMatchItsWeightsIsRefused() throws IOException {
        Path broken = dir.resolve("models/broken");
        TestModels.export(broken, BANDS, 32, Normalization.max(new double[] {1, 1, 1, 1, 1, 1, 1}));
        ModelDescriptor d = ModelDescriptor.read(broken.resolve(TrainedModel.DESCRIPTOR_FILE));
        UNetArchitecture a = d.architecture();
        new ModelDescriptor(
                        d.bands(),
                        d.tileSizePx(),
                        d.reflectance(),
                        d.normalization(),
                        new UNetArchitecture(
                                a.inputBands(),
                                32,
                                a.depth(),
                                a.dropout(),
                                a.batchNorm(),
                                a.decoder()),
                        d.loss(),
                        d.threshold(),
                        d.datasetName(),
                        d.datasetPath(),
                        d.experiment(),
                        d.created(),
                        d.s2vVersion())
                .write(broken.resolve(TrainedModel.DESCRIPTOR_FILE));
        Path out = dir.resolve("out");
        CliRunner run =
                CliRunner.run(
                        "predict",
                        "--model",
                        broken.toString(),
                        "--product",
                        product.toString(),
                        "--out",
                        out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(
                run.err().contains(broken.resolve("model.xml") + ": does not match the weights"),
                run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aWindowTheNetworkCannotTakeIsRefused() {
        CliRunner run =
                CliRunner.run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--product",
                        product.toString(),
                        "--out",
                        dir.resolve("out").toString(),
                        "--window",
                        "66");
        assertEquals(2, run.exitCode());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains("--window must be a multiple of 4 px"), run.err());
    }

    @Test
    void aProductWithoutAnyDataGivesEmptyOutputsAndAWarning() throws IOException {
        Path empty =
                Sentinel2ProductWriter.write(
                        dir.resolve("p"),
                        TestProducts.spec("05.09", 64, 64),
                        EnumSet.copyOf(BANDS),
                        (band, w, h) -> new short[w * h],
                        false);
        Path out = dir.resolve("out");
        CliRunner run =
                CliRunner.run(
                        "predict",
                        "--model",
                        model.toString(),
                        "--product",
                        empty.toString(),
                        "--out",
                        out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("s2v: warning: "), run.err());
        assertTrue(run.err().contains("the outputs are empty"), run.err());
        assertTrue(run.out().startsWith("0 vessels found"), run.out());
        assertEquals(1, Files.readAllLines(out.resolve("vessels.csv")).size(), "header only");
        assertTrue(
                Files.readString(out.resolve("vessels.geojson")).contains("\"features\":["),
                "an empty feature collection");
    }
}
