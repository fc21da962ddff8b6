package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.VectorLabels;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole products: layout, determinism, readers, and the ground truth against the rendering. */
@Tag("native")
class SyntheticProductsTest {
    private static final int SIZE = 192;
    private static final SynthOptions OPTIONS =
            new SynthOptions(
                    2,
                    SIZE,
                    7,
                    false,
                    "05.09",
                    true,
                    1.0,
                    false,
                    ProductLevel.L1C,
                    SynthOptions.STACK_BANDS,
                    false);
    private static final SynthOptions ZIPPED =
            new SynthOptions(
                    1,
                    128,
                    3,
                    true,
                    "02.14",
                    false,
                    1.0,
                    false,
                    ProductLevel.L1C,
                    SynthOptions.STACK_BANDS,
                    false);

    @TempDir static Path dir;
    private static List<GeneratedScene> scenes;
    private static List<GeneratedScene> zipped;

    @BeforeAll
    static void generate() throws IOException {
        Natives.assumeGdal();
        scenes = SyntheticProducts.generate(dir.resolve("a"), OPTIONS);
        zipped = SyntheticProducts.generate(dir.resolve("zip"), ZIPPED);
    }

    @Test
    void writesTheEsaLayoutWithTruthBesideEachProduct() throws IOException {
        assertEquals(2, scenes.size());
        for (GeneratedScene s : scenes) {
            assertTrue(
                    s.sceneId()
                            .matches(
                                    "S2[AB]_MSIL1C_20(23|24)\\d{4}T\\d{6}_N0509_R\\d{3}_T\\d\\d[A-Z]{3}_\\d{8}T\\d{6}"),
                    s.sceneId());
            assertEquals(dir.resolve("a").resolve(s.sceneId()), s.folder());
            assertEquals(s.folder().resolve(s.sceneId() + ".SAFE"), s.product());
            assertTrue(Files.isRegularFile(s.product().resolve("MTD_MSIL1C.xml")));
            try (Stream<Path> granules = Files.list(s.product().resolve("GRANULE"))) {
                Path granule = granules.findFirst().orElseThrow();
                assertTrue(Files.isRegularFile(granule.resolve("MTD_TL.xml")));
                try (Stream<Path> images = Files.list(granule.resolve("IMG_DATA"))) {
                    assertEquals(13, images.filter(p -> p.toString().endsWith(".jp2")).count());
                }
            }
            assertTrue(Files.isRegularFile(s.labels()));
            assertTrue(Files.isRegularFile(s.mask()));
            BufferedImage png = ImageIO.read(s.quicklook().orElseThrow().toFile());
            assertEquals(SIZE, png.getWidth());
        }
        List<String> rows = Files.readAllLines(dir.resolve("a").resolve("scenes.csv"));
        assertEquals(3, rows.size());
        assertTrue(rows.get(0).startsWith("scene_id,product,labels,mask,quicklook,seed,"));
        GeneratedScene first = scenes.get(0);
        assertTrue(
                rows.get(1)
                        .startsWith(
                                first.sceneId()
                                        + ","
                                        + first.sceneId()
                                        + "/"
                                        + first.sceneId()
                                        + ".SAFE,"
                                        + first.sceneId()
                                        + "/labels.geojson,"),
                rows.get(1));
        assertTrue(
                rows.get(1)
                        .endsWith(
                                ","
                                        + first.vesselCount()
                                        + ","
                                        + first.vesselsInMask()
                                        + ","
                                        + first.vesselPixels()
                                        + ","
                                        + String.format(
                                                java.util.Locale.ROOT,
                                                "%.4f",
                                                first.vesselPixelPercent())),
                rows.get(1));
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws IOException {
        List<GeneratedScene> again = SyntheticProducts.generate(dir.resolve("b"), OPTIONS);
        Map<String, byte[]> a = contents(dir.resolve("a"));
        Map<String, byte[]> b = contents(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
        assertEquals(scenes, relocate(again, dir.resolve("b"), dir.resolve("a")));

        SyntheticProducts.generate(dir.resolve("zip-again"), ZIPPED);
        Map<String, byte[]> zip = contents(dir.resolve("zip"));
        Map<String, byte[]> zipAgain = contents(dir.resolve("zip-again"));
        assertEquals(zip.keySet(), zipAgain.keySet());
        for (String name : zip.keySet()) {
            assertArrayEquals(zip.get(name), zipAgain.get(name), name);
        }

        List<GeneratedScene> other =
                SyntheticProducts.generate(
                        dir.resolve("c"), OPTIONS.withSeed(8).withScenes(1, SIZE));
        assertNotEquals(scenes.get(0).sceneId(), other.get(0).sceneId());
    }

    private static List<GeneratedScene> relocate(List<GeneratedScene> list, Path from, Path to) {
        return list.stream()
                .map(
                        s ->
                                new GeneratedScene(
                                        s.sceneId(),
                                        to.resolve(from.relativize(s.folder())),
                                        to.resolve(from.relativize(s.product())),
                                        to.resolve(from.relativize(s.labels())),
                                        to.resolve(from.relativize(s.mask())),
                                        s.quicklook().map(q -> to.resolve(from.relativize(q))),
                                        s.seed(),
                                        s.site(),
                                        s.setting(),
                                        s.mgrsTile(),
                                        s.epsg(),
                                        s.widthPx(),
                                        s.heightPx(),
                                        s.sensingTime(),
                                        s.processingBaseline(),
                                        s.sunZenithDeg(),
                                        s.cloudCoverPercent(),
                                        s.waterPercent(),
                                        s.vesselCount(),
                                        s.vesselsInMask(),
                                        s.vesselPixels(),
                                        s.level(),
                                        s.look()))
                .toList();
    }

    @Test
    void theReaderFindsTheRenderedReflectanceAndTheBaselinesOffsets() throws IOException {
        GeneratedScene s = scenes.get(0);
        try (Sentinel2Product product = Sentinel2Product.open(s.product())) {
            assertTrue(product.metadata().offsetsDeclared());
            assertEquals(-1000, product.radiometry(SpectralBand.B02).addOffset());
            assertReadsTheRendering(product, s, "05.09");
        }
        GeneratedScene old = zipped.get(0);
        assertTrue(old.product().toString().endsWith(".zip"));
        try (Sentinel2Product product = Sentinel2Product.open(old.product())) {
            assertTrue(product.isZipped());
            assertFalse(product.metadata().offsetsDeclared(), "baseline 02.14 has no offsets");
            assertEquals(0, product.radiometry(SpectralBand.B02).addOffset());
            assertReadsTheRendering(product, old, "02.14");
        }
    }

    /** The reader's reflectance is the rendering plus its sensor noise, up to DN rounding. */
    private static void assertReadsTheRendering(
            Sentinel2Product product, GeneratedScene scene, String baseline) throws IOException {
        int size = scene.widthPx();
        ScenePlan plan = ScenePlanner.plan(scene.seed(), size, baseline, 1.0);
        SceneRenderer renderer = new SceneRenderer(plan);
        float[][] toa = renderer.render10m(0, size);
        assertEquals(size, product.grid().width());
        assertEquals(plan.ulx(), product.grid().transform().originX());
        assertEquals(plan.uly(), product.grid().transform().originY());
        assertEquals("EPSG:" + plan.epsg(), product.grid().crsLabel());
        PixelWindow window = new PixelWindow(40, 50, 8, 8);
        for (SpectralBand band : List.of(SpectralBand.B02, SpectralBand.B08)) {
            BandWindow read = product.read(List.of(band), window);
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++) {
                    int col = 40 + c;
                    int row = 50 + r;
                    double rendered = toa[band.bandId()][row * size + col];
                    double expected = rendered + renderer.sensorNoise(band, col, row, rendered);
                    assertEquals(
                            expected,
                            read.value(0, r, c),
                            0.5e-4 + 1e-7,
                            band + " " + col + "," + row);
                }
            }
        }
    }

    @Test
    void gdalsSentinel2DriverOpensThemZippedOrNot() throws IOException {
        for (Path open :
                List.of(
                        scenes.get(0).product().resolve("MTD_MSIL1C.xml"),
                        zipped.get(0).product())) {
            try (RasterDataset main = RasterDataset.open(open)) {
                assertEquals("SENTINEL2", main.driverName());
                List<RasterDataset.Subdataset> subdatasets = main.subdatasets();
                assertTrue(
                        subdatasets.get(1).name().contains(":20m:EPSG_"), subdatasets.toString());
                try (RasterDataset twenty =
                        RasterDataset.openSubdataset(subdatasets.get(1).name())) {
                    int expected = open.toString().endsWith(".zip") ? 64 : SIZE / 2;
                    assertEquals(expected, twenty.width(), "20 m bands are half as wide");
                    assertEquals(6, twenty.bandCount());
                }
            }
        }
    }

    @Test
    void theMaskIsTheLabelsRasterisedWithThePixelCentreRule() throws IOException {
        for (GeneratedScene s : scenes) {
            byte[] mask = new byte[SIZE * SIZE];
            RasterGrid grid;
            try (RasterDataset tif = RasterDataset.open(s.mask())) {
                assertEquals("GTiff", tif.driverName());
                tif.readByte(1, PixelWindow.of(SIZE, SIZE), mask);
                grid = tif.grid();
            }
            try (Sentinel2Product product = Sentinel2Product.open(s.product())) {
                assertEquals(product.grid().transform(), grid.transform());
                assertEquals(product.grid().epsg(), grid.epsg());
            }
            try (VectorLabels labels = VectorLabels.open(s.labels())) {
                assertEquals(s.vesselCount(), labels.featureCount());
                assertArrayEquals(labels.rasterize(grid, PixelWindow.of(SIZE, SIZE)), mask);
            }
            long ones = 0;
            for (byte b : mask) {
                ones += b;
            }
            assertEquals(s.vesselPixels(), ones);
        }
    }

    @Test
    void labelsCarryTheVesselsProperties() throws IOException {
        for (GeneratedScene s : scenes) {
            JsonNode features = new ObjectMapper().readTree(s.labels().toFile()).get("features");
            assertEquals(s.vesselCount(), features.size());
            long maskPixels = 0;
            int inMask = 0;
            for (JsonNode f : features) {
                JsonNode p = f.get("properties");
                double length = p.get("length_m").asDouble();
                double width = p.get("width_m").asDouble();
                assertTrue(length >= 8 && length <= 350, "length " + length);
                assertTrue(width >= length / 8.01 && width <= length / 2.99, "width " + width);
                double heading = p.get("heading_deg").asDouble();
                assertTrue(heading >= 0 && heading < 360, "heading " + heading);
                assertTrue(p.get("kind").isTextual() && p.get("hull_colour").isTextual());
                assertTrue(p.get("moored").isBoolean() && p.get("under_cloud").isBoolean());
                assertTrue(p.get("in_glint").isBoolean());
                maskPixels += p.get("mask_pixels").asLong();
                inMask += p.get("mask_pixels").asLong() > 0 ? 1 : 0;
                JsonNode ring = f.get("geometry").get("coordinates").get(0);
                double lon = ring.get(0).get(0).asDouble();
                double lat = ring.get(0).get(1).asDouble();
                assertEquals(p.get("centre_lon").asDouble(), lon, 0.01, "lon/lat order");
                assertEquals(p.get("centre_lat").asDouble(), lat, 0.01);
            }
            assertEquals(s.vesselPixels(), maskPixels);
            assertEquals(s.vesselsInMask(), inMask);
        }
    }

    @Test
    void wakesAndDistractorsAreNeverVesselPixels() throws IOException {
        double[][] scratch = ConvexPolygon.scratch();
        int distractorPixels = 0;
        int wakePixels = 0;
        for (GeneratedScene s : scenes) {
            ScenePlan plan = ScenePlanner.plan(s.seed(), SIZE, "05.09", 1.0);
            byte[] mask = new byte[SIZE * SIZE];
            try (RasterDataset tif = RasterDataset.open(s.mask())) {
                tif.readByte(1, PixelWindow.of(SIZE, SIZE), mask);
            }
            double[] hull = new double[SIZE * SIZE];
            for (Vessel v : plan.vessels()) {
                ConvexPolygon h = v.hullOutline();
                for (int r = rowOf(h.minY()); r <= Math.min(SIZE - 1, rowOf(h.maxY())); r++) {
                    for (int c = rowOf(h.minX()); c <= Math.min(SIZE - 1, rowOf(h.maxX())); c++) {
                        hull[r * SIZE + c] += h.coverage(c, r, scratch);
                    }
                }
            }
            for (int i = 0; i < mask.length; i++) {
                if (mask[i] == 1) {
                    assertTrue(hull[i] > 0, "a mask pixel outside every hull at " + i);
                }
            }
            for (Fixture f : plan.fixtures()) {
                if (!f.kind().distractor()) {
                    continue;
                }
                Footprint p = f.footprint();
                for (int r = rowOf(p.minY()); r <= Math.min(SIZE - 1, rowOf(p.maxY())); r++) {
                    for (int c = rowOf(p.minX()); c <= Math.min(SIZE - 1, rowOf(p.maxX())); c++) {
                        if (p.coverage(c, r, scratch) > 0) {
                            distractorPixels++;
                            assertEquals(0, mask[r * SIZE + c], f.kind() + " pixel " + c + "," + r);
                        }
                    }
                }
            }
            for (Vessel v : plan.vessels()) {
                if (v.wake().isEmpty()) {
                    continue;
                }
                Wake wake = v.wake().get();
                double[] b = wake.bounds();
                for (int r = rowOf(b[2]); r <= Math.min(SIZE - 1, rowOf(b[3])); r++) {
                    for (int c = rowOf(b[0]); c <= Math.min(SIZE - 1, rowOf(b[1])); c++) {
                        int i = r * SIZE + c;
                        if (wake.foam((c + 0.5) * 10, (r + 0.5) * 10) > 0.05 && hull[i] == 0) {
                            wakePixels++;
                            assertEquals(0, mask[i], "wake pixel " + c + "," + r);
                        }
                    }
                }
            }
        }
        assertTrue(distractorPixels > 0, "the scenes hold distractors");
        assertTrue(wakePixels > 0, "the scenes hold wakes");
    }

    /** The pixel row (or column) of a scene coordinate, at least 0. */
    private static int rowOf(double metres) {
        return Math.max(0, (int) Math.floor(metres / 10));
    }

    @Test
    void refusesAFolderWithProductsUnlessToldToOverwrite() throws IOException {
        Path out = dir.resolve("again");
        SynthOptions small =
                new SynthOptions(
                        1,
                        64,
                        1,
                        false,
                        "05.09",
                        false,
                        1.0,
                        false,
                        ProductLevel.L1C,
                        SynthOptions.STACK_BANDS,
                        false);
        SyntheticProducts.generate(out, small);
        FileAlreadyExistsException e =
                assertThrows(
                        FileAlreadyExistsException.class,
                        () -> SyntheticProducts.generate(out, small));
        assertTrue(e.getReason().contains("--overwrite"), e.getReason());
        Files.writeString(out.resolve("notes.txt"), "mine");
        List<GeneratedScene> replaced =
                SyntheticProducts.generate(
                        out,
                        new SynthOptions(
                                1,
                                64,
                                2,
                                false,
                                "05.09",
                                false,
                                1.0,
                                true,
                                ProductLevel.L1C,
                                SynthOptions.STACK_BANDS,
                                false));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(3, left.count(), "the new scene, scenes.csv and the user's own file");
        }
        assertTrue(Files.isDirectory(replaced.get(0).folder()));
        assertTrue(Files.exists(out.resolve("notes.txt")));
    }

    private static Map<String, byte[]> contents(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
