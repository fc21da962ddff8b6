package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Products written in the SAFE layout: byte-identical for equal input, and GDAL's driver reads
 * them.
 */
@Tag("native")
class Sentinel2ProductWriterTest {
    private static final int WIDTH = 30;
    private static final int HEIGHT = 26;

    @org.junit.jupiter.api.io.TempDir Path dir;

    @BeforeEach
    void gdal() {
        Natives.assumeGdal();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theSameProductTwiceGivesTheSameBytes(boolean zip) throws IOException {
        Path first = TestProducts.write(dir.resolve("a"), "05.09", WIDTH, HEIGHT, zip, true);
        Path second = TestProducts.write(dir.resolve("b"), "05.09", WIDTH, HEIGHT, zip, true);
        Map<String, byte[]> a = contents(first);
        Map<String, byte[]> b = contents(second);
        assertEquals(a.keySet(), b.keySet());
        assertEquals(zip ? 1 : 15, a.size(), "13 bands and 2 XML files, or one zip");
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
        if (zip) {
            // Entry times come from the product's generation time, never from the clock (DOS
            // times count seconds in twos).
            LocalDateTime generated =
                    LocalDateTime.ofInstant(
                            TestProducts.spec("05.09", WIDTH, HEIGHT).generationTime(),
                            ZoneOffset.UTC);
            LocalDateTime dosTime = generated.withSecond(generated.getSecond() / 2 * 2);
            try (ZipFile file = new ZipFile(first.toFile())) {
                file.stream().forEach(e -> assertEquals(dosTime, e.getTimeLocal(), e.getName()));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void gdalsSentinel2DriverListsAndReadsTheResolutions(boolean zip) throws IOException {
        Path product = TestProducts.write(dir, "05.09", WIDTH, HEIGHT, zip, false);
        try (RasterDataset main =
                RasterDataset.open(zip ? product : product.resolve("MTD_MSIL1C.xml"))) {
            assertEquals("SENTINEL2", main.driverName());
            List<String> names = new ArrayList<>();
            main.subdatasets().forEach(s -> names.add(s.name()));
            assertTrue(names.get(0).startsWith("SENTINEL2_L1C:"), names.get(0));
            assertTrue(names.get(0).endsWith(":10m:EPSG_32632"), names.get(0));
            assertTrue(names.get(1).endsWith(":20m:EPSG_32632"), names.get(1));
            assertTrue(names.get(2).endsWith(":60m:EPSG_32632"), names.get(2));
            try (RasterDataset twenty = RasterDataset.openSubdataset(names.get(1))) {
                assertEquals(WIDTH / 2, twenty.width());
                assertEquals(HEIGHT / 2, twenty.height());
                assertEquals(6, twenty.bandCount());
                assertEquals(20, twenty.transform().pixelWidth());
                assertEquals(TestProducts.ULX, twenty.transform().originX());
                assertEquals(TestProducts.ULY, twenty.transform().originY());
                assertEquals("EPSG:32632", twenty.grid().crsLabel());
                int b11 = 5;
                assertTrue(twenty.description(b11).startsWith("B11"), twenty.description(b11));
                short[] value = new short[1];
                twenty.readUInt16(b11, new PixelWindow(7, 4, 1, 1), value);
                assertEquals(TestProducts.dn(SpectralBand.B11, 4, 7, false), value[0] & 0xFFFF);
            }
        }
    }

    private static Map<String, byte[]> contents(Path product) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(product)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(product.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
