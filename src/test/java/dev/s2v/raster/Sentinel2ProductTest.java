package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader on products the test writes with GDAL (lossless JP2 in the SAFE layout). */
@Tag("native")
class Sentinel2ProductTest {
    // Not a multiple of 6: the last 60 m pixel is partial, as in a crop.
    private static final int WIDTH = 50;
    private static final int HEIGHT = 38;
    private static final double EPS = 1e-6;

    @TempDir static Path dir;
    static Path plain;
    static Path zipped;
    static Path oldBaseline;

    @BeforeAll
    static void writeProducts() throws IOException {
        Natives.assumeGdal();
        plain = TestProducts.write(dir.resolve("plain"), "05.09", WIDTH, HEIGHT, false, true);
        zipped = TestProducts.write(dir.resolve("zipped"), "05.09", WIDTH, HEIGHT, true, true);
        oldBaseline = TestProducts.write(dir.resolve("old"), "02.14", WIDTH, HEIGHT, false, true);
    }

    @Test
    void writesTheRealLayoutAndNames() throws IOException {
        assertTrue(
                plain.getFileName()
                        .toString()
                        .matches(
                                "S2B_MSIL1C_20240701T103021_N0509_R022_T32UPC_20240701T123021\\.SAFE"));
        Path img = plain.resolve("GRANULE/L1C_T32UPC_A038123_20240701T103630/IMG_DATA");
        assertTrue(Files.isRegularFile(img.resolve("T32UPC_20240701T103021_B8A.jp2")));
        assertTrue(
                Files.isRegularFile(
                        plain.resolve("GRANULE/L1C_T32UPC_A038123_20240701T103630/MTD_TL.xml")));
        try (RasterDataset b05 =
                RasterDataset.open(img.resolve("T32UPC_20240701T103021_B05.jp2"))) {
            assertEquals("JP2OpenJPEG", b05.driverName());
            assertEquals(25, b05.width(), "20 m bands really are half as wide");
            assertEquals(19, b05.height());
        }
        try (RasterDataset b01 =
                RasterDataset.open(img.resolve("T32UPC_20240701T103021_B01.jp2"))) {
            assertEquals(9, b01.width(), "ceil(50 / 6)");
            assertEquals(7, b01.height(), "ceil(38 / 6)");
            assertEquals(60, b01.transform().pixelWidth(), EPS);
        }
        assertTrue(Files.isRegularFile(zipped) && zipped.toString().endsWith(".zip"));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyCoarsePixelBecomesIdenticalTenMetrePixels(boolean zip) throws IOException {
        try (Sentinel2Product p = Sentinel2Product.open(zip ? zipped : plain)) {
            assertEquals(WIDTH, p.grid().width());
            assertEquals(HEIGHT, p.grid().height());
            assertEquals(TestProducts.ULX, p.grid().transform().originX(), EPS);
            assertEquals(32632, p.grid().epsg().getAsInt());
            List<SpectralBand> all = List.of(SpectralBand.values());
            BandWindow w = p.read(all, PixelWindow.of(WIDTH, HEIGHT));
            for (int b = 0; b < all.size(); b++) {
                SpectralBand band = all.get(b);
                int f = band.factorTo10m();
                for (int r = 0; r < HEIGHT; r++) {
                    for (int c = 0; c < WIDTH; c++) {
                        int dn = TestProducts.dn(band, r / f, c / f, true);
                        float v = w.value(b, r, c);
                        if (dn == 0) {
                            assertTrue(Float.isNaN(v), band + " no-data at " + r + "," + c);
                        } else {
                            assertEquals(
                                    (dn - 1000) / 10000.0, v, EPS, band + " at " + r + "," + c);
                        }
                    }
                }
            }
        }
    }

    @Test
    void baselineDecidesTheOffset() throws IOException {
        try (Sentinel2Product recent = Sentinel2Product.open(plain);
                Sentinel2Product old = Sentinel2Product.open(oldBaseline)) {
            assertEquals(-1000, recent.metadata().radioAddOffsets().get(SpectralBand.B04));
            assertTrue(recent.metadata().offsetsDeclared());
            assertFalse(old.metadata().offsetsDeclared());
            PixelWindow pixel = new PixelWindow(20, 10, 1, 1);
            int dn = TestProducts.dn(SpectralBand.B04, 10, 20, true);
            assertEquals(
                    (dn - 1000) / 10000.0,
                    recent.read(List.of(SpectralBand.B04), pixel).value(0, 0, 0),
                    EPS);
            assertEquals(
                    dn / 10000.0, old.read(List.of(SpectralBand.B04), pixel).value(0, 0, 0), EPS);
        }
    }

    @Test
    void noDataStaysAMaskAndNeverBecomesMinusATenth() throws IOException {
        try (Sentinel2Product p = Sentinel2Product.open(plain)) {
            BandWindow w =
                    p.read(
                            List.of(SpectralBand.B02, SpectralBand.B8A, SpectralBand.B01),
                            new PixelWindow(0, 0, 20, 20));
            // B02: native rows 0..1, columns 0..2 are DN 0.
            assertEquals(6, w.noDataCount(0));
            assertEquals(24, w.noDataCount(1), "2 x 3 pixels of 20 m");
            assertEquals(
                    12 * 18,
                    w.noDataCount(2),
                    "60 m rows 0..1 are 10 m rows 0..11; columns 0..2 are 0..17");
            assertFalse(w.isValid(0));
            assertTrue(w.isValid(19 * 20 + 19));
            for (float[] band : List.of(w.band(0), w.band(1), w.band(2))) {
                for (float v : band) {
                    assertTrue(Float.isNaN(v) || v > -0.09, "no reflectance of a DN 0 pixel: " + v);
                }
            }
            assertEquals(
                    6.0 / (WIDTH * HEIGHT), BandSources.noDataShare(p, SpectralBand.B02), 1e-12);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"top", "bottom", "left", "right", "around"})
    void windowsPastTheEdgeArePaddedAndSaySo(String edge) throws IOException {
        PixelWindow window =
                switch (edge) {
                    case "top" -> new PixelWindow(10, -5, 16, 16);
                    case "bottom" -> new PixelWindow(10, HEIGHT - 7, 16, 16);
                    case "left" -> new PixelWindow(-9, 10, 16, 16);
                    case "right" -> new PixelWindow(WIDTH - 4, 10, 16, 16);
                    default -> new PixelWindow(-3, -3, WIDTH + 6, HEIGHT + 6);
                };
        try (Sentinel2Product p = Sentinel2Product.open(zipped)) {
            BandWindow w = p.read(List.of(SpectralBand.B11, SpectralBand.B03), window);
            int padding = 0;
            for (int r = 0; r < window.height(); r++) {
                for (int c = 0; c < window.width(); c++) {
                    int row = window.row() + r;
                    int col = window.col() + c;
                    int i = r * window.width() + c;
                    boolean outside = row < 0 || col < 0 || row >= HEIGHT || col >= WIDTH;
                    assertEquals(outside, w.isPadding(i), edge + " " + row + "," + col);
                    if (outside) {
                        padding++;
                        assertTrue(Float.isNaN(w.value(0, r, c)) && Float.isNaN(w.value(1, r, c)));
                    } else {
                        int dn = TestProducts.dn(SpectralBand.B11, row / 2, col / 2, true);
                        assertEquals(
                                dn == 0 ? Float.NaN : (float) ((dn - 1000) / 10000.0),
                                w.value(0, r, c),
                                EPS);
                    }
                }
            }
            assertEquals(padding, w.paddingCount());
            assertTrue(padding > 0);
        }
    }

    @Test
    void windowOutsideTheGridIsRefused() throws IOException {
        try (Sentinel2Product p = Sentinel2Product.open(plain)) {
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    p.read(
                                            List.of(SpectralBand.B02),
                                            new PixelWindow(WIDTH, 0, 10, 10)));
            assertTrue(e.getMessage().contains("outside the 50 x 38 grid"), e.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> p.read(List.of(SpectralBand.B02), new PixelWindow(-10, -10, 10, 10)));
        }
    }

    @Test
    void badInputsEachGetOneClearError() throws IOException {
        Path missing = dir.resolve("nothing-here.SAFE");
        assertThrows(NoSuchFileException.class, () -> Sentinel2Product.open(missing));

        Path notAProduct = Files.createDirectories(dir.resolve("holiday-photos"));
        assertMessage(() -> Sentinel2Product.open(notAProduct), "no MTD_MSIL1C.xml");

        Path zipWithoutMetadata = dir.resolve("other.zip");
        try (OutputStream out = Files.newOutputStream(zipWithoutMetadata);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("S2X.SAFE/readme.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }
        assertMessage(
                () -> Sentinel2Product.open(zipWithoutMetadata), "zip holds no MTD_MSIL1C.xml");

        Path notAZip = Files.writeString(dir.resolve("broken.zip"), "not a zip");
        assertMessage(() -> Sentinel2Product.open(notAZip), "not a readable zip");

        Path text = Files.writeString(dir.resolve("scene.txt"), "x");
        assertMessage(() -> Sentinel2Product.open(text), "expected a .SAFE folder");

        IllegalArgumentException unknown =
                assertThrows(IllegalArgumentException.class, () -> SpectralBand.parse("B13"));
        assertTrue(
                unknown.getMessage()
                        .contains(
                                "B01, B02, B03, B04, B05, B06, B07, B08, B8A, B09, B10, B11, B12"));
    }

    @Test
    void absentBandFileIsNamed() throws IOException {
        Path copy = TestProducts.write(dir.resolve("absent"), "05.09", 12, 12, false, false);
        Path b08 = findBandFile(copy, "B08");
        Files.delete(b08);
        try (Sentinel2Product p = Sentinel2Product.open(copy)) {
            assertFalse(p.bands().contains(SpectralBand.B08));
            RasterFormatException e =
                    assertThrows(
                            RasterFormatException.class,
                            () ->
                                    p.read(
                                            List.of(SpectralBand.B02, SpectralBand.B08),
                                            PixelWindow.of(12, 12)));
            assertTrue(e.getMessage().contains(b08.getFileName().toString()), e.getMessage());
            assertTrue(
                    e.getMessage().contains("listed in MTD_MSIL1C.xml but the file is absent"),
                    e.getMessage());
        }
    }

    @Test
    void truncatedJp2IsReportedAsCorrupt() throws IOException {
        Path copy = TestProducts.write(dir.resolve("corrupt"), "05.09", 64, 64, false, false);
        Path b03 = findBandFile(copy, "B03");
        try (FileChannel channel = FileChannel.open(b03, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() * 2 / 3);
        }
        try (Sentinel2Product p = Sentinel2Product.open(copy)) {
            RasterFormatException e =
                    assertThrows(
                            RasterFormatException.class,
                            () -> p.read(List.of(SpectralBand.B03), PixelWindow.of(64, 64)));
            assertTrue(e.getMessage().contains(b03.getFileName().toString()), e.getMessage());
        }
        // A band file cut down to its first bytes does not even open.
        Path b04 = findBandFile(copy, "B04");
        try (FileChannel channel = FileChannel.open(b04, StandardOpenOption.WRITE)) {
            channel.truncate(40);
        }
        try (Sentinel2Product p = Sentinel2Product.open(copy)) {
            RasterFormatException e =
                    assertThrows(
                            RasterFormatException.class,
                            () -> p.read(List.of(SpectralBand.B04), PixelWindow.of(64, 64)));
            assertTrue(e.getMessage().contains(b04.getFileName().toString()), e.getMessage());
        }
    }

    @Test
    void productsWithSomeBandsListOnlyThose() throws IOException {
        Path product =
                TestProducts.write(
                        dir.resolve("subset"),
                        TestProducts.spec("04.00", 24, 24),
                        EnumSet.of(SpectralBand.B11, SpectralBand.B8A),
                        false,
                        false);
        try (Sentinel2Product p = Sentinel2Product.open(product)) {
            assertEquals(EnumSet.of(SpectralBand.B8A, SpectralBand.B11), p.bands());
            assertEquals(24, p.grid().width(), "the grid from a 20 m band");
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () -> p.read(List.of(SpectralBand.B02), PixelWindow.of(4, 4)));
            assertTrue(e.getMessage().contains("has no B02"), e.getMessage());
        }
    }

    private static Path findBandFile(Path product, String band) throws IOException {
        try (Stream<Path> files = Files.walk(product)) {
            return files.filter(f -> f.getFileName().toString().endsWith("_" + band + ".jp2"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static void assertMessage(
            org.junit.jupiter.api.function.Executable call, String fragment) {
        RasterFormatException e = assertThrows(RasterFormatException.class, call);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
