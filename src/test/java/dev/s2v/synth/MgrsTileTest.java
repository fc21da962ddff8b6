package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.Natives;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tiles and corners of real Sentinel-2 products: T46RER (ESA's MTD_TL.xml: ULX 499980, ULY
 * 3100020), T32UPC (ULX 600000, ULY 5800020), and MGRS letters worked out by hand elsewhere.
 */
@Tag("native")
class MgrsTileTest {
    @BeforeEach
    void gdal() {
        Natives.assumeGdal();
    }

    @ParameterizedTest
    @CsvSource({
        // zone EPSG, easting, northing inside the square -> tile, ULX, ULY
        "32646, 550000, 3050000, 46RER, 499980, 3100020",
        "32632, 650000, 5750000, 32UPC, 600000, 5800020",
        // South of the equator (false northing): zone 36 takes columns S..Z (V = 400-500 km),
        // an even zone's rows start at F, so N 6600-6700 km is (66 + 5) mod 20 = M.
        "32736, 420000, 6690000, 36JVM, 399960, 6700020",
        // Amsterdam: an odd zone (columns A..H, rows from A); 5900000 / 60 rounds up to 5900040.
        "32631, 629000, 5804000, 31UFU, 600000, 5900040",
    })
    void tileAndCornerOfAPoint(int epsg, double e, double n, String id, double ulx, double uly) {
        double[] lonLat;
        try (CrsTransform toWgs84 = CrsTransform.between(epsg, 4326)) {
            lonLat = toWgs84.apply(e, n);
        }
        MgrsTile tile = MgrsTile.containing(lonLat[1], lonLat[0]);
        assertEquals(id, tile.id());
        assertEquals(epsg, tile.epsg());
        assertEquals(ulx, tile.ulx());
        assertEquals(uly, tile.uly());
    }

    @ParameterizedTest
    @CsvSource({"60.6, 5.3, 32VKN", "60.6, 2.5, 31VDH"})
    void norwaysZone32VIsWidenedWest(double lat, double lon, String id) {
        assertEquals(id, MgrsTile.containing(lat, lon).id());
    }
}
