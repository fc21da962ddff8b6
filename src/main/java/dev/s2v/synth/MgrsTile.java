package dev.s2v.synth;

import dev.s2v.raster.CrsTransform;
import java.util.Locale;

/**
 * A Sentinel-2 tile: a 100 km MGRS grid square of a UTM zone, extended to 109.8 km. Its upper-left
 * corner lies on the 60 m lattice of the zone, at the square's west edge rounded down and its north
 * edge rounded up (real tiles: T32UPC at E 600000 N 5800020, T46RER at E 499980 N 3100020).
 *
 * @param zone UTM zone 1..60
 * @param latitudeBand MGRS latitude band letter C..X
 * @param square the two-letter 100 km square identifier
 * @param epsg the WGS 84 / UTM EPSG code (326zz north, 327zz south)
 * @param ulx easting of the tile's upper-left corner
 * @param uly northing of the tile's upper-left corner
 */
record MgrsTile(int zone, char latitudeBand, String square, int epsg, double ulx, double uly) {
    /** Width and height of a tile at 10 m. */
    static final int SIZE_10M = 10980;

    private static final String BANDS = "CDEFGHJKLMNPQRSTUVWX";
    private static final String COLUMNS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String ROWS = "ABCDEFGHJKLMNPQRSTUV";

    /** e.g. {@code 32UPC}. */
    String id() {
        return String.format(Locale.ROOT, "%02d%c%s", zone, latitudeBand, square);
    }

    /** The tile whose 100 km square contains a place (WGS 84 latitude, longitude). */
    static MgrsTile containing(double latDeg, double lonDeg) {
        if (latDeg < -80 || latDeg > 84) {
            throw new IllegalArgumentException("MGRS tiles cover latitudes -80..84, got " + latDeg);
        }
        int zone = (int) Math.floor((lonDeg + 180) / 6) + 1;
        // Norway's exception: zone 32V is widened west to 3 degrees east.
        if (latDeg >= 56 && latDeg < 64 && lonDeg >= 3 && lonDeg < 12) {
            zone = 32;
        }
        int epsg = (latDeg >= 0 ? 32600 : 32700) + zone;
        double[] en;
        try (CrsTransform toUtm = CrsTransform.between(4326, epsg)) {
            en = toUtm.apply(lonDeg, latDeg);
        }
        char band = BANDS.charAt(Math.min(BANDS.length() - 1, (int) Math.floor((latDeg + 80) / 8)));
        int e100k = (int) Math.floor(en[0] / 100_000);
        int n100k = (int) Math.floor(en[1] / 100_000);
        int set = (zone - 1) % 3;
        char column = COLUMNS.charAt(set * 8 + e100k - 1);
        // The AA lettering: rows restart every 2000 km; even zones start five letters later.
        char row = ROWS.charAt(Math.floorMod(n100k + (zone % 2 == 0 ? 5 : 0), 20));
        double ulx = Math.floor(e100k * 100_000 / 60.0) * 60;
        double uly = Math.ceil((n100k + 1) * 100_000 / 60.0) * 60;
        return new MgrsTile(zone, band, "" + column + row, epsg, ulx, uly);
    }
}
