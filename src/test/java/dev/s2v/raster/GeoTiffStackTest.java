package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Band stacks as Earth Engine and Sentinel Hub export them, written with GDAL by the test. */
@Tag("native")
class GeoTiffStackTest {
    @TempDir Path dir;

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
    }

    /** A 4 x 3 stack whose band i holds value 100 * (i + 1) + pixel, with the given names. */
    private Path stack(String name, List<String> descriptions, boolean scaleMetadata)
            throws IOException {
        return stack(name, descriptions, scaleMetadata, Map.of());
    }

    /** The same with dataset metadata items. */
    private Path stack(
            String name,
            List<String> descriptions,
            boolean scaleMetadata,
            Map<String, String> metadata)
            throws IOException {
        Path path = dir.resolve(name);
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        path,
                        GeoTiffWriterTest.utmGrid(4, 3),
                        descriptions.size(),
                        PixelType.UINT16,
                        GeoTiffWriter.Options.defaults())) {
            for (int b = 0; b < descriptions.size(); b++) {
                short[] values = new short[12];
                for (int i = 0; i < 12; i++) {
                    values[i] = (short) (i == 0 ? 0 : 100 * (b + 1) + i);
                }
                out.write(b + 1, PixelWindow.of(4, 3), values);
                if (!descriptions.get(b).isEmpty()) {
                    out.describeBand(b + 1, descriptions.get(b));
                }
                if (scaleMetadata) {
                    out.setScaleOffset(b + 1, 0.0001, 0);
                }
            }
            metadata.forEach(out::setMetadata);
            out.commit();
        }
        return path;
    }

    @Test
    void levelDateAndCreditComeFromTheStacksMetadata() throws IOException {
        // As the sen2ships stacks carry them.
        Path described =
                stack(
                        "algiers.tif",
                        List.of("B02"),
                        true,
                        Map.of(
                                "PROCESSING_LEVEL",
                                "L2A (Sen2Cor BOA, via Sentinel Hub EO Browser)",
                                "ACQUISITION_DATE",
                                "2023-08-17",
                                "LICENCE",
                                "annotations MIT; imagery contains modified Copernicus Sentinel"
                                        + " data 2022-2023"));
        try (BandSource s = BandSources.open(described, ScaleRule.auto())) {
            assertEquals(Optional.of(ProductLevel.L2A), s.level());
            assertEquals(Optional.of(Instant.parse("2023-08-17T00:00:00Z")), s.sensingTime());
            assertEquals(
                    Optional.of("Contains modified Copernicus Sentinel data 2022-2023"),
                    s.attribution());
        }
        Path stated =
                stack("stack.tif", List.of("B02"), true, Map.of("PROCESSING_LEVEL", "Level-1C"));
        try (BandSource s = BandSources.open(stated, ScaleRule.auto())) {
            assertEquals(Optional.of(ProductLevel.L1C), s.level());
        }
        Path named =
                stack("S2B_MSIL2A_20240701T103021_N0510_R108_T32UNF.tif", List.of("B02"), true);
        try (BandSource s = BandSources.open(named, ScaleRule.auto())) {
            assertEquals(Optional.of(ProductLevel.L2A), s.level());
            assertEquals(Optional.of(Instant.parse("2024-07-01T10:30:21Z")), s.sensingTime());
            assertEquals(Optional.empty(), s.attribution());
        }
        Path silent = stack("export.tif", List.of("B02"), true);
        try (BandSource s = BandSources.open(silent, ScaleRule.auto())) {
            assertEquals(Optional.empty(), s.level());
            assertEquals(Optional.empty(), s.sensingTime());
        }
    }

    @Test
    void readsBandsByTheirDescriptionsWithTheScaleRule() throws IOException {
        Path file = stack("stack.tif", List.of("B02", "B8A", "B11", "B4"), true);
        try (BandSource s = BandSources.open(file, ScaleRule.auto())) {
            assertEquals("stack", s.sceneId());
            assertEquals(
                    Set.of(SpectralBand.B02, SpectralBand.B04, SpectralBand.B8A, SpectralBand.B11),
                    s.bands());
            BandWindow w =
                    s.read(
                            List.of(SpectralBand.B04, SpectralBand.B02),
                            new PixelWindow(-1, 0, 3, 1));
            assertTrue(w.isPadding(0));
            assertTrue(Float.isNaN(w.value(0, 0, 1)), "value 0 is no-data in an integer stack");
            assertEquals((400 + 1) / 10000.0, w.value(0, 0, 2), 1e-7);
            assertEquals((100 + 1) / 10000.0, w.value(1, 0, 2), 1e-7);
        }
        try (BandSource s = BandSources.open(file, ScaleRule.parse("10000,-1000"))) {
            assertEquals(
                    (400 + 1 - 1000) / 10000.0,
                    s.read(List.of(SpectralBand.B04), new PixelWindow(1, 0, 1, 1)).value(0, 0, 0),
                    1e-7);
        }
    }

    @Test
    void refusesStacksItCannotInterpret() throws IOException {
        Path unnamed = stack("unnamed.tif", List.of("B02", ""), true);
        RasterFormatException e =
                assertThrows(
                        RasterFormatException.class,
                        () -> GeoTiffStack.open(unnamed, ScaleRule.auto()));
        assertTrue(e.getMessage().contains("band 2 has no description"), e.getMessage());

        Path odd = stack("odd.tif", List.of("red", "nir"), true);
        e =
                assertThrows(
                        RasterFormatException.class,
                        () -> GeoTiffStack.open(odd, ScaleRule.auto()));
        assertTrue(e.getMessage().contains("described as 'red'"), e.getMessage());

        Path twice = stack("twice.tif", List.of("B02", "B2"), true);
        e =
                assertThrows(
                        RasterFormatException.class,
                        () -> GeoTiffStack.open(twice, ScaleRule.auto()));
        assertTrue(e.getMessage().contains("appears twice"), e.getMessage());

        Path unscaled = stack("unscaled.tif", List.of("B02"), false);
        e =
                assertThrows(
                        RasterFormatException.class,
                        () -> GeoTiffStack.open(unscaled, ScaleRule.auto()));
        assertTrue(e.getMessage().contains("pass --scale"), e.getMessage());
        try (GeoTiffStack s = GeoTiffStack.open(unscaled, ScaleRule.parse("10000"))) {
            assertEquals(
                    0.0105,
                    s.read(List.of(SpectralBand.B02), new PixelWindow(1, 1, 1, 1)).value(0, 0, 0),
                    1e-7);
        }
    }
}
