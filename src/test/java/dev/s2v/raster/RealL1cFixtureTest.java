package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader against excerpts of two real ESA L1C products; every expected value comes from the
 * fixtures' README (read back there with GDAL and ElementTree), not from this reader.
 */
@Tag("native")
class RealL1cFixtureTest {
    private static final String N0400 =
            "S2B_MSIL1C_20220615T101559_N0400_R065_T32UPC_20220615T122549";
    private static final String N0209 =
            "S2B_MSIL1C_20200406T101559_N0209_R065_T32UPC_20200406T130159";
    private static final double EPS = 1e-6;

    // Real DNs of the N0400 excerpt (fixture README, "Full DN arrays").
    private static final int[][] B04 = {
        {0, 0, 2066, 1890, 1769, 1549, 1817, 2439, 2638, 2467, 2386, 0},
        {0, 0, 1986, 2080, 1992, 1587, 1974, 2601, 2689, 2476, 2391, 0},
        {0, 0, 1664, 1921, 2109, 1983, 2304, 2681, 2599, 2452, 2393, 0},
        {0, 0, 1479, 1521, 1720, 2100, 2498, 2629, 2574, 2581, 2472, 0},
        {0, 0, 1462, 1492, 1542, 1763, 2197, 2494, 2649, 2711, 2594, 0},
        {0, 0, 1441, 1456, 1468, 1513, 1738, 2037, 2363, 2548, 2554, 0}
    };
    private static final int[][] B8A = {
        {0, 4520, 4440, 4648, 4578, 4386},
        {0, 4070, 4791, 4802, 4634, 4407},
        {0, 2430, 3873, 4533, 4678, 4514}
    };
    private static final int[][] B12 = {
        {0, 2311, 2033, 2665, 2986, 2971},
        {0, 1961, 2287, 2889, 3014, 3006},
        {0, 1384, 1877, 2498, 2886, 3045}
    };
    private static final int[] B01 = {2189, 2315};

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
    }

    static Path fixture(String name) {
        try {
            return Path.of(RealL1cFixtureTest.class.getResource("/real-l1c/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {N0400 + ".SAFE", N0400 + ".zip", N0400 + ".SAFE/MTD_MSIL1C.xml"})
    void metadataOfBaseline0400(String entry) throws Exception {
        try (Sentinel2Product p = Sentinel2Product.open(fixture(entry))) {
            ProductMetadata m = p.metadata();
            assertEquals(N0400, m.productId());
            assertEquals("Sentinel-2B", m.spacecraft());
            assertEquals(Instant.parse("2022-06-15T10:15:59.025Z"), m.sensingStart());
            assertEquals("04.00", m.processingBaseline());
            assertEquals(10000, m.quantificationValue());
            assertTrue(m.offsetsDeclared());
            for (SpectralBand band : SpectralBand.values()) {
                assertEquals(-1000, m.radioAddOffsets().get(band), band.name());
            }
            assertEquals(
                    "S2B_OPER_MSI_L1C_TL_2BPS_20220615T122549_A027547_T32UPC_N04.00",
                    m.granuleIdentifier());
            assertEquals(
                    "S2B_OPER_MSI_L1C_DS_2BPS_20220615T122549_S20220615T102248_N04.00",
                    m.datastripIdentifier());
            assertEquals(1.26680402520231, m.cloudCoverPercent().getAsDouble(), 1e-12);
            assertEquals("T32UPC", m.mgrsTile());
            assertEquals(EnumSet.allOf(SpectralBand.class), p.bands());
            assertEquals(
                    "GRANULE/L1C_T32UPC_A027547_20220615T102248/IMG_DATA/T32UPC_20220615T101559_B8A.jp2",
                    m.bandFiles().get(SpectralBand.B8A));

            ProductMetadata.TileGeocoding tile = m.tile().orElseThrow();
            assertEquals(
                    "S2B_OPER_MSI_L1C_TL_2BPS_20220615T122549_A027547_T32UPC_N04.00",
                    tile.tileId());
            assertEquals(32632, tile.epsg());
            assertEquals(600000, tile.ulx());
            assertEquals(5800020, tile.uly());
            assertEquals(10980, tile.columns10m());

            // The crop carries its own position (README note 1): 12 x 6 px from E 690600 N 5721840.
            RasterGrid grid = p.grid();
            assertEquals(12, grid.width());
            assertEquals(6, grid.height());
            assertEquals(690600, grid.transform().originX(), EPS);
            assertEquals(5721840, grid.transform().originY(), EPS);
            assertEquals(10, grid.transform().pixelWidth(), EPS);
            assertEquals(-10, grid.transform().pixelHeight(), EPS);
            assertEquals(32632, grid.epsg().getAsInt());
        }
    }

    @Test
    void reflectanceProbesOfTheReadme() throws Exception {
        try (Sentinel2Product p = Sentinel2Product.open(fixture(N0400 + ".zip"))) {
            BandWindow w =
                    p.read(
                            List.of(SpectralBand.B04, SpectralBand.B08),
                            new PixelWindow(5, 2, 1, 1));
            assertEquals(0.0983, w.value(0, 0, 0), EPS);
            assertEquals(0.3429, w.value(1, 0, 0), EPS);
        }
        try (Sentinel2Product p = Sentinel2Product.open(fixture(N0209 + ".SAFE"))) {
            // B01 native (row 4, col 5) covers 10 m rows 24..29, columns 30..35; no offset before
            // 04.00.
            BandWindow w = p.read(List.of(SpectralBand.B01), new PixelWindow(30, 24, 6, 6));
            for (int i = 0; i < 36; i++) {
                assertEquals(0.1212, w.band(0)[i], EPS);
            }
        }
    }

    @Test
    void bandsComeInTheOrderAskedAndCoarseBandsAreExactCopies() throws Exception {
        try (Sentinel2Product p = Sentinel2Product.open(fixture(N0400 + ".SAFE"))) {
            List<SpectralBand> order =
                    List.of(SpectralBand.B12, SpectralBand.B8A, SpectralBand.B04, SpectralBand.B01);
            BandWindow w = p.read(order, PixelWindow.of(12, 6));
            assertEquals(order, w.bands());
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 12; c++) {
                    assertReflectance(B12[r / 2][c / 2], w.value(0, r, c));
                    assertReflectance(B8A[r / 2][c / 2], w.value(1, r, c));
                    assertReflectance(B04[r][c], w.value(2, r, c));
                    assertReflectance(B01[c / 6], w.value(3, r, c));
                }
            }
            assertEquals(0, w.paddingCount());
            assertEquals(18, w.noDataCount(2), "B04: 10 m columns 0, 1 and 11 are fill");
            assertEquals(12, w.noDataCount(0), "B12: 20 m column 0 = 10 m columns 0..1");
            assertEquals(0, w.noDataCount(3));
        }
    }

    private static void assertReflectance(int dn, float actual) {
        if (dn == 0) {
            assertTrue(Float.isNaN(actual), "DN 0 must stay no-data, not " + actual);
        } else {
            assertEquals((dn - 1000) / 10000.0, actual, EPS);
        }
    }

    @Test
    void zipFolderAndMetadataPathReadTheSame() throws Exception {
        List<SpectralBand> bands = List.of(SpectralBand.B02, SpectralBand.B11, SpectralBand.B09);
        PixelWindow window = new PixelWindow(-3, -2, 20, 10);
        float[][] expected = null;
        for (String entry :
                List.of(N0400 + ".SAFE", N0400 + ".zip", N0400 + ".SAFE/MTD_MSIL1C.xml")) {
            try (Sentinel2Product p = Sentinel2Product.open(fixture(entry))) {
                BandWindow w = p.read(bands, window);
                float[][] actual = {w.band(0), w.band(1), w.band(2)};
                if (expected == null) {
                    expected = actual;
                } else {
                    for (int b = 0; b < 3; b++) {
                        org.junit.jupiter.api.Assertions.assertArrayEquals(
                                expected[b], actual[b], entry);
                    }
                }
            }
        }
    }

    @Test
    void baseline0209HasNoOffsetAndOnlyItsPresentBands() throws Exception {
        try (Sentinel2Product p = Sentinel2Product.open(fixture(N0209 + ".zip"))) {
            ProductMetadata m = p.metadata();
            assertEquals("02.09", m.processingBaseline());
            assertFalse(m.offsetsDeclared());
            assertEquals(0, m.radioAddOffsets().get(SpectralBand.B04));
            assertEquals(
                    EnumSet.of(SpectralBand.B01, SpectralBand.B09, SpectralBand.B10), p.bands());
            assertEquals(60, p.grid().width());
            assertEquals(690300, p.grid().transform().originX(), EPS);
            assertEquals(5721960, p.grid().transform().originY(), EPS);
            // Listed in the real metadata, absent from the excerpt (README note 8).
            RasterFormatException e =
                    assertThrows(
                            RasterFormatException.class,
                            () -> p.read(List.of(SpectralBand.B02), PixelWindow.of(6, 6)));
            assertTrue(e.getMessage().contains("T32UPC_20200406T101559_B02.jp2"), e.getMessage());
            assertTrue(e.getMessage().contains("absent"), e.getMessage());
        }
    }

    @Test
    void realMetadataOfBaseline0301ParsesWithoutOffsets() throws Exception {
        Path safe =
                fixture(
                        "metadata-only/S2A_MSIL1C_20210908T042701_N0301_R133_T46RER_20210908T070248.SAFE");
        ProductMetadata m;
        try (InputStream in = Files.newInputStream(safe.resolve("MTD_MSIL1C.xml"))) {
            m = MetadataXml.parseProduct(in, safe, Optional.empty());
        }
        assertEquals("03.01", m.processingBaseline());
        assertEquals("Sentinel-2A", m.spacecraft());
        assertFalse(m.offsetsDeclared());
        assertEquals(13, m.bandFiles().size());
        Path tl = safe.resolve("GRANULE/L1C_T46RER_A032448_20210908T043714/MTD_TL.xml");
        try (InputStream in = Files.newInputStream(tl)) {
            ProductMetadata.TileGeocoding t = MetadataXml.parseTile(in, tl);
            assertEquals(
                    "S2A_OPER_MSI_L1C_TL_VGS4_20210908T070248_A032448_T46RER_N03.01", t.tileId());
            assertEquals(32646, t.epsg());
            assertEquals(499980, t.ulx());
            assertEquals(3100020, t.uly());
            assertEquals(10980, t.rows10m());
        }
        // No pixels in that fixture: opening it as a product says so.
        RasterFormatException e =
                assertThrows(RasterFormatException.class, () -> Sentinel2Product.open(safe));
        assertTrue(e.getMessage().contains("none of the band files"), e.getMessage());
    }
}
