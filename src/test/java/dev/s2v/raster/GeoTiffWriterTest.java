package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class GeoTiffWriterTest {
    @TempDir Path dir;

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
    }

    static RasterGrid utmGrid(int width, int height) {
        return new RasterGrid(
                width,
                height,
                GeoTransform.northUp(600000, 5800020, 10),
                CrsTransform.wktOfEpsg(32632),
                OptionalInt.of(32632));
    }

    @Test
    void roundTripsEveryPixelTypeWindowByWindowWithGeoreferencing() throws IOException {
        RasterGrid grid = utmGrid(600, 300);
        Path target = dir.resolve("out.tif");
        float[] probability = new float[grid.width() * grid.height()];
        short[] dn = new short[probability.length];
        for (int i = 0; i < probability.length; i++) {
            probability[i] = (i % 1000) / 999f;
            dn[i] = (short) (i % 65536);
        }
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        target,
                        grid,
                        2,
                        PixelType.FLOAT32,
                        GeoTiffWriter.Options.defaults().withOverviews("AVERAGE"))) {
            // Two strips, as a scene-sized writer would do.
            for (int row = 0; row < 300; row += 150) {
                float[] strip = new float[600 * 150];
                System.arraycopy(probability, row * 600, strip, 0, strip.length);
                out.write(1, new PixelWindow(0, row, 600, 150), strip);
                out.write(2, new PixelWindow(0, row, 600, 150), strip);
            }
            out.describeBand(1, "probability");
            out.setNoData(-1);
            assertFalse(Files.exists(target), "nothing under the target name before commit");
            out.commit();
        }
        try (RasterDataset back = RasterDataset.open(target)) {
            assertEquals("GTiff", back.driverName());
            assertEquals(32632, back.grid().epsg().getAsInt());
            assertArrayEquals(grid.transform().toArray(), back.transform().toArray());
            assertEquals("DEFLATE", back.metadataItem("COMPRESSION", "IMAGE_STRUCTURE"));
            assertArrayEquals(new int[] {256, 256}, back.blockSize(1));
            assertEquals(2, back.overviewCount(1), "600 px: 2x and 4x down to >= 128 px");
            assertEquals("probability", back.description(1));
            assertEquals(-1, back.noData(1).getAsDouble());
            float[] read = new float[probability.length];
            back.readFloat(2, PixelWindow.of(600, 300), read);
            assertArrayEquals(probability, read);
        }

        Path uint16 = dir.resolve("dn.tif");
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        uint16, grid, 1, PixelType.UINT16, GeoTiffWriter.Options.defaults())) {
            out.write(1, PixelWindow.of(600, 300), dn);
            out.commit();
        }
        try (RasterDataset back = RasterDataset.open(uint16)) {
            short[] read = new short[dn.length];
            back.readUInt16(1, PixelWindow.of(600, 300), read);
            assertArrayEquals(dn, read);
            assertEquals(0, back.overviewCount(1));
        }

        Path mask = dir.resolve("mask.tif");
        byte[] bytes = {0, 1, (byte) 255, 7};
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        mask,
                        utmGrid(2, 2),
                        1,
                        PixelType.BYTE,
                        new GeoTiffWriter.Options(false, 16, false, "NEAREST"))) {
            out.write(1, PixelWindow.of(2, 2), bytes);
            out.commit();
        }
        try (RasterDataset back = RasterDataset.open(mask)) {
            byte[] read = new byte[4];
            back.readByte(1, PixelWindow.of(2, 2), read);
            assertArrayEquals(bytes, read);
            assertEquals(255, read[2] & 0xFF);
        }
    }

    @Test
    void aFailedOrAbandonedWriteLeavesNothingBehind() throws IOException {
        Path target = dir.resolve("abandoned.tif");
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        target,
                        utmGrid(64, 64),
                        1,
                        PixelType.BYTE,
                        GeoTiffWriter.Options.defaults())) {
            out.write(1, new PixelWindow(0, 0, 64, 32), new byte[64 * 32]);
            // A window past the edge is a caller error, and the writer is then abandoned.
            assertThrows(
                    IllegalArgumentException.class,
                    () -> out.write(1, new PixelWindow(0, 40, 64, 32), new byte[64 * 32]));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "neither the target nor the temporary file remains");
        }
        // An existing target survives an abandoned rewrite untouched.
        Files.writeString(target, "previous result");
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        target,
                        utmGrid(16, 16),
                        1,
                        PixelType.BYTE,
                        GeoTiffWriter.Options.defaults())) {
            out.write(1, PixelWindow.of(16, 16), new byte[256]);
        }
        assertEquals("previous result", Files.readString(target));
    }

    @Test
    void typeAndSizeMismatchesAreCallerErrors() throws IOException {
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        dir.resolve("x.tif"),
                        utmGrid(16, 16),
                        1,
                        PixelType.UINT16,
                        GeoTiffWriter.Options.defaults())) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> out.write(1, PixelWindow.of(16, 16), new float[256]));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> out.write(1, PixelWindow.of(16, 16), new short[255]));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> out.write(2, PixelWindow.of(16, 16), new short[256]));
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> new GeoTiffWriter.Options(true, 100, false, "NEAREST"));
        assertTrue(Files.notExists(dir.resolve("x.tif")));
    }
}
