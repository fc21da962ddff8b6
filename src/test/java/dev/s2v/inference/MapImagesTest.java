package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.Natives;
import dev.s2v.raster.RasterGrid;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class MapImagesTest {
    private static final int W = 40;
    private static final int H = 20;

    private static RasterGrid grid;

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
        grid =
                new RasterGrid(
                        W,
                        H,
                        GeoTransform.northUp(600000, 5900000, 10),
                        CrsTransform.wktOfEpsg(32632),
                        OptionalInt.of(32632));
    }

    private static float[] filled(float value) {
        float[] values = new float[W * H];
        Arrays.fill(values, value);
        return values;
    }

    /** The ARGB of the layer's centre pixel, which lies well inside the footprint. */
    private static int centre(MapLayer layer) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(layer.png()));
        return image.getRGB(image.getWidth() / 2, image.getHeight() / 2);
    }

    @Test
    void trueColourUsesTheFixedStretchAndHidesMissingData() throws IOException {
        MapLayer layer = MapImages.trueColour("tc", grid, filled(0.3f), filled(0.15f), filled(0));
        // 0.15 / 0.3 = 0.5, and 0.5^(1/1.6) = 0.648: level 165.
        assertEquals(0xffffa500, centre(layer));
        try (CrsTransform toWgs84 = CrsTransform.toWgs84(grid)) {
            double[] middle = toWgs84.apply(600000 + W * 5, 5900000 - H * 5);
            assertTrue(
                    layer.west() < middle[0]
                            && middle[0] < layer.east()
                            && layer.south() < middle[1]
                            && middle[1] < layer.north(),
                    "the layer's bounds hold the grid's centre: " + layer);
        }

        float[] blue = filled(0);
        Arrays.fill(blue, Float.NaN);
        assertEquals(
                0,
                centre(MapImages.trueColour("tc", grid, filled(0.3f), filled(0.15f), blue)) >>> 24);
    }

    @Test
    void probabilityIsTransparentWhenLowAndOpaquePaleYellowAtOne() throws IOException {
        assertEquals(0xfffcffa4, centre(MapImages.probability("p", grid, filled(1))));
        assertEquals(0, centre(MapImages.probability("p", grid, filled(0.04f))) >>> 24);
        assertEquals(0, centre(MapImages.probability("p", grid, filled(Float.NaN))) >>> 24);
        int half = centre(MapImages.probability("p", grid, filled(0.5f)));
        // Opacity 0.3 + 0.7 * (0.5 - 0.05) / 0.95 = 0.63: alpha 161.
        assertEquals(161, half >>> 24, 1);
        assertEquals(MapImages.inferno(0.3 + 0.7 * 0.45 / 0.95), half & 0xffffff);
    }

    @Test
    void inferno() {
        assertEquals(0x000004, MapImages.inferno(0));
        assertEquals(0xfcffa4, MapImages.inferno(1));
        assertEquals(0xbc3754, MapImages.inferno(0.5));
        assertEquals(0xfcffa4, MapImages.inferno(7), "clipped");
    }

    @Test
    void maskDrawsVesselsOpaqueAndNothingElse() throws IOException {
        byte[] mask = new byte[W * H];
        Arrays.fill(mask, (byte) 1);
        assertEquals(0xff000000 | MapImages.MASK_RGB, centre(MapImages.mask("m", grid, mask)));
        Arrays.fill(mask, (byte) 255);
        assertEquals(0, centre(MapImages.mask("m", grid, mask)) >>> 24);
        mask[7] = 2;
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> MapImages.mask("m", grid, mask));
        assertTrue(e.getMessage().contains("pixel 7 is 2"), e.getMessage());
    }

    @Test
    void refusesArraysThatDoNotFitAndScenesTooLargeForAPage() {
        assertThrows(
                IllegalArgumentException.class,
                () -> MapImages.probability("p", grid, new float[W * H - 1]));
        RasterGrid huge =
                new RasterGrid(10980, 10980, grid.transform(), grid.crsWkt(), grid.epsg());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> MapImages.mask("m", huge, new byte[0]));
        assertTrue(e.getMessage().contains("coarser overview"), e.getMessage());
    }
}
