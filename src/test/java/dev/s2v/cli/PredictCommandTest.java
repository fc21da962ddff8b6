package dev.s2v.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TestModels;
import dev.s2v.model.TrainedModel;
import dev.s2v.model.UNetArchitecture;
import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTiffWriter;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.LabelPolygon;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelType;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.Sentinel2ProductWriter;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TestProducts;
import dev.s2v.raster.VectorLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
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

    /** Runs {@code s2v predict} on a model, a product and an output folder, with more options. */
    private static CliRunner predict(Object model, Object product, Object out, String... options) {
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString()));
        args.addAll(List.of("--product", product.toString(), "--out", out.toString()));
        args.addAll(List.of(options));
        return CliRunner.run(args.toArray(new String[0]));
    }

    private static void assertNothingLeftIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "no output, not even a partial one");
        }
    }

    @Test
    void writesEveryOutputAndSaysWhereTheyAre() throws IOException {
        Path out = dir.resolve("out");
        CliRunner run = predict(model, product, out, "--window", "64", "--threshold", "0.6");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("found in "), run.out());
        assertTrue(run.out().contains("outputs in " + out.toAbsolutePath()), run.out());
        assertTrue(run.err().contains("windows of 60 px"), "a progress line: " + run.err());
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

        CliRunner again = predict(model, product, out);
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
        CliRunner run = predict(model, product, out, "--bbox", bbox, "--probability", "float32");
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

        // The same box as a polygon file (in a projected CRS) gives the same output grid.
        Path aoi = dir.resolve("aoi.geojson");
        double[] w = {lonLat[0] - 0.002, lonLat[1] - 0.001, lonLat[0] + 0.002, lonLat[1] + 0.001};
        VectorLabels.writeGeoJson(
                aoi,
                4326,
                List.of(
                        new LabelPolygon(
                                new double[] {w[0], w[1], w[2], w[1], w[2], w[3], w[0], w[3]},
                                Map.of())));
        Path fromFile = dir.resolve("aoi-out");
        CliRunner polygons =
                predict(
                        model,
                        product,
                        fromFile,
                        "--aoi",
                        aoi.toString(),
                        "--probability",
                        "float32");
        assertEquals(0, polygons.exitCode(), polygons.err());
        try (RasterDataset a = RasterDataset.open(out.resolve("probability.tif"));
                RasterDataset b = RasterDataset.open(fromFile.resolve("probability.tif"))) {
            assertEquals(a.grid().transform(), b.grid().transform());
            assertEquals(a.width(), b.width());
        }
    }

    private static double[] lonLatOf(RasterGrid grid, double x, double y) {
        try (CrsTransform t = CrsTransform.toWgs84(grid)) {
            return t.apply(x, y);
        }
    }

    @Test
    void aProductThatBreaksHalfwayLeavesNoOutput() throws IOException {
        Path copy = dir.resolve("p").resolve(product.getFileName());
        try (Stream<Path> files = Files.walk(product)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(product.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        Path b12;
        try (Stream<Path> files = Files.walk(copy)) {
            b12 = files.filter(f -> f.toString().endsWith("_B12.jp2")).findFirst().orElseThrow();
        }
        // A truncated JPEG2000 file opens but fails to decode once read.
        byte[] bytes = Files.readAllBytes(b12);
        Files.write(b12, Arrays.copyOf(bytes, bytes.length / 2));
        Path out = dir.resolve("out");
        CliRunner run = predict(model, copy, out);
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains("B12"), run.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("p")), files.toList(), "no staging folder left");
        }
    }

    @Test
    void aBoxOutsideTheProductIsRefused() throws IOException {
        CliRunner run = predict(model, product, dir.resolve("out"), "--bbox", "100,10,100.1,10.1");
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
        CliRunner run = predict(model, noB12, out);
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
                        d.inputLevel(),
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
        CliRunner run = predict(broken, product, out);
        assertEquals(2, run.exitCode());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(
                run.err().contains(broken.resolve("model.xml") + ": does not match the weights"),
                run.err());
        assertFalse(Files.exists(out));
    }

    /** A band stack of the model's bands, reflectance x 10000 with GDAL's scale, on a grid. */
    private static Path stack(Path file, RasterGrid grid) throws IOException {
        return stack(file, grid, Map.of());
    }

    /** The same with dataset metadata items. */
    private static Path stack(Path file, RasterGrid grid, Map<String, String> metadata)
            throws IOException {
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        file,
                        grid,
                        BANDS.size(),
                        PixelType.UINT16,
                        GeoTiffWriter.Options.defaults())) {
            for (int b = 0; b < BANDS.size(); b++) {
                short[] values = new short[grid.width() * grid.height()];
                Arrays.fill(values, (short) (1200 + 100 * b));
                values[0] = 0;
                out.write(b + 1, PixelWindow.of(grid.width(), grid.height()), values);
                out.describeBand(b + 1, BANDS.get(b).name());
                out.setScaleOffset(b + 1, 0.0001, 0);
            }
            metadata.forEach(out::setMetadata);
            out.commit();
        }
        return file;
    }

    @Test
    void aBandStackIsPredictedOnItsOwnGrid() throws IOException {
        RasterGrid utm =
                new RasterGrid(
                        70,
                        50,
                        GeoTransform.northUp(500000, 5800000, 10),
                        CrsTransform.wktOfEpsg(32633),
                        OptionalInt.of(32633));
        Path file =
                stack(
                        dir.resolve("S2B_20240701T103021_stack.tif"),
                        utm,
                        Map.of(
                                "PROCESSING_LEVEL",
                                "L2A",
                                "LICENCE",
                                "imagery contains modified Copernicus Sentinel data 2024"));
        Path out = dir.resolve("out");
        CliRunner run = predict(model, file, out, "--probability", "float32");
        assertEquals(0, run.exitCode(), run.err());
        // The test model was trained on Level-1C products.
        List<String> warnings =
                run.err().lines().filter(l -> l.startsWith("s2v: warning: ")).toList();
        assertEquals(1, warnings.size(), run.err());
        assertTrue(
                warnings.get(0)
                        .contains(
                                "was trained on Level-1C (top-of-atmosphere reflectance) but"
                                        + " S2B_20240701T103021_stack.tif is Level-2A (surface"
                                        + " reflectance)"),
                warnings.get(0));
        assertTrue(
                Files.readString(out.resolve("map.html"))
                        .contains("Contains modified Copernicus Sentinel data 2024"));
        try (RasterDataset raster = RasterDataset.open(out.resolve("probability.tif"))) {
            assertEquals(utm.transform(), raster.transform());
            assertEquals(32633, raster.grid().epsg().getAsInt());
            float[] values = new float[70 * 50];
            raster.readFloat(1, PixelWindow.of(70, 50), values);
            assertTrue(Float.isNaN(values[0]), "the stack's no-data pixel stays no data");
            assertFalse(Float.isNaN(values[1]));
            assertEquals("S2B_20240701T103021_stack", raster.metadataItem("S2V_PRODUCT", ""));
            assertEquals("2024-07-01T10:30:21Z", raster.metadataItem("S2V_SENSING_TIME", ""));
        }
    }

    @Test
    void aStackInDegreesIsRefusedBeforeAnyWork() throws IOException {
        Path stack =
                stack(
                        dir.resolve("lonlat.tif"),
                        new RasterGrid(
                                40,
                                40,
                                GeoTransform.northUp(10.0, 52.0, 0.0001),
                                CrsTransform.wktOfEpsg(4326),
                                OptionalInt.of(4326)));
        CliRunner run = predict(model, stack, dir.resolve("out"));
        assertEquals(2, run.exitCode());
        assertTrue(run.errIsOneLine(), run.err());
        assertTrue(run.err().contains(stack + ": is in a geographic CRS (degrees)"), run.err());
        assertTrue(run.err().contains("gdalwarp -t_srs"), run.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void anEmptyAreaFileAndAThresholdThatRoundsToZeroAreRefused() throws IOException {
        Path empty = dir.resolve("empty.geojson");
        Files.writeString(
                empty,
                "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":"
                        + "{\"name\":\"urn:ogc:def:crs:OGC:1.3:CRS84\"}},\"features\":[]}");
        CliRunner run = predict(model, product, dir.resolve("out"), "--aoi", empty.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(empty + ": holds no polygon"), run.err());
        CliRunner tiny = predict(model, product, dir.resolve("out"), "--threshold", "0.00001");
        assertEquals(2, tiny.exitCode());
        assertTrue(tiny.err().contains("rounds to 0.0000"), tiny.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aWindowTheNetworkCannotTakeIsRefused() {
        CliRunner run = predict(model, product, dir.resolve("out"), "--window", "66");
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
        CliRunner run = predict(model, empty, out);
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
