package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("native")
class WebMercatorTest {
    private static final int WIDTH = 200;
    private static final int HEIGHT = 100;
    private static final double PIXEL_M = 100;
    private static final int MARKER_COL = 150;
    private static final int MARKER_ROW = 30;
    private static final int SEA = 40;

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
    }

    /**
     * A 200 x 100 grid of 100 m pixels on a UTM zone whose upper-left corner is near (lon, lat).
     */
    static RasterGrid utmGrid(int epsg, double lon, double lat) {
        try (CrsTransform toUtm = CrsTransform.between(4326, epsg)) {
            double[] corner = toUtm.apply(lon, lat);
            return new RasterGrid(
                    WIDTH,
                    HEIGHT,
                    GeoTransform.northUp(
                            Math.round(corner[0] / PIXEL_M) * PIXEL_M,
                            Math.round(corner[1] / PIXEL_M) * PIXEL_M,
                            PIXEL_M),
                    CrsTransform.wktOfEpsg(epsg),
                    OptionalInt.of(epsg));
        }
    }

    /** Opaque RGBA sea with a white 2 x 2 marker whose shared corner is (MARKER_COL+1, ROW+1). */
    static byte[][] rgbaWithMarker() {
        byte[][] rgba = new byte[4][WIDTH * HEIGHT];
        Arrays.fill(rgba[0], (byte) SEA);
        Arrays.fill(rgba[1], (byte) 80);
        Arrays.fill(rgba[2], (byte) 120);
        Arrays.fill(rgba[3], (byte) 255);
        for (int r = MARKER_ROW; r < MARKER_ROW + 2; r++) {
            for (int c = MARKER_COL; c < MARKER_COL + 2; c++) {
                for (int b = 0; b < 3; b++) {
                    rgba[b][r * WIDTH + c] = (byte) 255;
                }
            }
        }
        return rgba;
    }

    @ParameterizedTest(name = "EPSG:{0} at {1} E {2} N")
    @CsvSource({"32632, 10.0, 52.0", "32633, 9.5, 60.0"})
    void boundsEncloseTheFootprintAndAMarkerLandsWhereItBelongs(int epsg, double lon, double lat) {
        RasterGrid grid = utmGrid(epsg, lon, lat);
        WarpedImage image = WebMercator.warp(grid, rgbaWithMarker(), "near");

        assertEquals(4, image.bands().length);
        double pixelLon = (image.east() - image.west()) / image.width();
        double pixelLat = (image.north() - image.south()) / image.height();
        double[][] corners = lonLatCorners(grid);
        assertEquals(min(corners, 0), image.west(), pixelLon);
        assertEquals(max(corners, 0), image.east(), pixelLon);
        assertEquals(min(corners, 1), image.south(), pixelLat);
        assertEquals(max(corners, 1), image.north(), pixelLat);
        double ratio = (double) image.width() * image.height() / (WIDTH * HEIGHT);
        assertTrue(ratio > 0.8 && ratio < 1.5, "pixel count ratio " + ratio);

        double[] expected;
        try (CrsTransform toWgs84 = CrsTransform.toWgs84(grid)) {
            GeoTransform t = grid.transform();
            expected =
                    toWgs84.apply(
                            t.mapX(MARKER_COL + 1, MARKER_ROW + 1),
                            t.mapY(MARKER_COL + 1, MARKER_ROW + 1));
        }
        double[] found = markerCentre(image);
        double[] lonLat = lonLatOf(image, found[0], found[1]);
        assertEquals(expected[0], lonLat[0], pixelLon, "marker longitude");
        assertEquals(expected[1], lonLat[1], pixelLat, "marker latitude");
    }

    @Test
    void outsideTheFootprintIsTransparentWhereGridNorthIsNotTrueNorth() {
        // 5.5 degrees west of zone 33's central meridian at 60 N: grid north is about 4.8 degrees
        // off true north, so the footprint is a tilted rectangle inside its bounding box.
        WarpedImage image = WebMercator.warp(utmGrid(32633, 9.5, 60), rgbaWithMarker(), "near");
        int w = image.width();
        int h = image.height();
        for (int index : new int[] {0, w - 1, (h - 1) * w, h * w - 1}) {
            assertEquals(0, image.bands()[3][index], "alpha of corner pixel " + index);
        }
        int centre = (h / 2) * w + w / 2;
        assertEquals((byte) 255, image.bands()[3][centre]);
        assertEquals(SEA, image.bands()[0][centre]);
        long transparent = count(image.bands()[3], 0);
        assertTrue(transparent > 0.05 * w * h, "transparent pixels: " + transparent);
    }

    @Test
    void transparentPixelsDoNotDarkenTheirNeighboursUnderBilinear() {
        RasterGrid grid = utmGrid(32632, 10, 52);
        byte[][] rgba = new byte[4][WIDTH * HEIGHT];
        for (int i = 0; i < rgba[0].length; i++) {
            boolean valid = i % WIDTH >= WIDTH / 2;
            rgba[0][i] = (byte) (valid ? 200 : 0);
            rgba[3][i] = (byte) (valid ? 255 : 0);
        }
        WarpedImage image = WebMercator.warp(grid, rgba, "bilinear");
        long visible = 0;
        for (int i = 0; i < image.bands()[0].length; i++) {
            int alpha = image.bands()[3][i] & 0xFF;
            if (alpha > 0) {
                // Without the alpha weighting the pixels along the edge would mix in the black.
                assertEquals(200, image.bands()[0][i] & 0xFF, 2, "red where alpha is " + alpha);
                visible++;
            }
        }
        double share = (double) visible / image.bands()[0].length;
        assertTrue(share > 0.4 && share < 0.6, "visible share " + share);
    }

    @Test
    void withoutAlphaBandsAreZeroOutsideTheFootprint() {
        byte[] grey = new byte[WIDTH * HEIGHT];
        Arrays.fill(grey, (byte) 7);
        WarpedImage image =
                WebMercator.warp(utmGrid(32633, 9.5, 60), new byte[][] {grey}, "bilinear");
        assertEquals(1, image.bands().length);
        assertEquals(0, image.bands()[0][0]);
        assertEquals(7, image.bands()[0][(image.height() / 2) * image.width() + image.width() / 2]);
    }

    @Test
    void refusesWhatItCannotPlace() {
        RasterGrid grid = utmGrid(32632, 10, 52);
        byte[][] rgba = rgbaWithMarker();
        RasterGrid noCrs = new RasterGrid(WIDTH, HEIGHT, grid.transform(), "", OptionalInt.empty());
        assertThrows(IllegalArgumentException.class, () -> WebMercator.warp(noCrs, rgba, "near"));
        assertThrows(
                IllegalArgumentException.class,
                () -> WebMercator.warp(grid, new byte[][] {new byte[10]}, "near"));
        IllegalArgumentException unknown =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> WebMercator.warp(grid, rgba, "nearest"));
        assertTrue(unknown.getMessage().contains("near"), unknown.getMessage());
    }

    private static double[][] lonLatCorners(RasterGrid grid) {
        try (CrsTransform toWgs84 = CrsTransform.toWgs84(grid)) {
            GeoTransform t = grid.transform();
            double[][] corners = new double[4][];
            int i = 0;
            for (int row : new int[] {0, grid.height()}) {
                for (int col : new int[] {0, grid.width()}) {
                    corners[i++] = toWgs84.apply(t.mapX(col, row), t.mapY(col, row));
                }
            }
            return corners;
        }
    }

    /** The mean (col, row) of the white pixels, as fractional pixel-centre positions. */
    private static double[] markerCentre(WarpedImage image) {
        double sumCol = 0;
        double sumRow = 0;
        int n = 0;
        for (int i = 0; i < image.bands()[0].length; i++) {
            if ((image.bands()[0][i] & 0xFF) == 255 && (image.bands()[3][i] & 0xFF) == 255) {
                sumCol += i % image.width() + 0.5;
                sumRow += i / image.width() + 0.5;
                n++;
            }
        }
        assertTrue(n > 0, "the marker is in the warped image");
        return new double[] {sumCol / n, sumRow / n};
    }

    /**
     * Longitude and latitude of a fractional position in the warped image (linear in EPSG:3857).
     */
    private static double[] lonLatOf(WarpedImage image, double col, double row) {
        try (CrsTransform toMercator = CrsTransform.between(4326, WebMercator.EPSG);
                CrsTransform toWgs84 = CrsTransform.between(WebMercator.EPSG, 4326)) {
            double[] northWest = toMercator.apply(image.west(), image.north());
            double[] southEast = toMercator.apply(image.east(), image.south());
            double x = northWest[0] + col / image.width() * (southEast[0] - northWest[0]);
            double y = northWest[1] + row / image.height() * (southEast[1] - northWest[1]);
            return toWgs84.apply(x, y);
        }
    }

    private static double min(double[][] points, int axis) {
        return Arrays.stream(points).mapToDouble(p -> p[axis]).min().orElseThrow();
    }

    private static double max(double[][] points, int axis) {
        return Arrays.stream(points).mapToDouble(p -> p[axis]).max().orElseThrow();
    }

    private static long count(byte[] values, int value) {
        long n = 0;
        for (byte v : values) {
            n += (v & 0xFF) == value ? 1 : 0;
        }
        return n;
    }
}
