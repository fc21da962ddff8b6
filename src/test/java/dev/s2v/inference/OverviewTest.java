package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.TestProducts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The map's small picture of a scene: block means of colour, block maxima of the rest. */
@Tag("native")
class OverviewTest {
    @TempDir Path dir;

    @Test
    void blocksKeepTheirVesselsTheirMaximaAndTheirNoData() throws IOException {
        Natives.assumeGdal();
        List<SpectralBand> rgb = List.of(SpectralBand.B04, SpectralBand.B03, SpectralBand.B02);
        Path product = TestProducts.write(dir, "05.09", 8, 4, false, false);
        try (Sentinel2Product source = Sentinel2Product.open(product)) {
            PixelWindow region = PixelWindow.of(8, 4);
            RasterGrid grid = source.grid();
            Overview overview = new Overview(region, grid, rgb);
            assertEquals(grid.width(), overview.grid().width(), "small scenes are not coarsened");

            float[] probability = new float[32];
            boolean[] valid = new boolean[32];
            byte[] mask = new byte[32];
            Arrays.fill(valid, true);
            Arrays.fill(probability, 0.1f);
            probability[9] = 0.9f;
            mask[9] = 1;
            valid[31] = false;
            probability[31] = Float.NaN;
            overview.add(new Strip(region, probability, valid, source.read(rgb, region)), mask);
            assertEquals(1, overview.mask()[9]);
            assertEquals(0, overview.mask()[0]);
            assertEquals((byte) 255, overview.mask()[31], "no valid pixel: no data");
            assertEquals(0.9f, overview.probability()[9]);
            assertTrue(Float.isNaN(overview.probability()[31]));
            float red = overview.colour(0)[5];
            assertEquals(source.read(rgb, region).band(SpectralBand.B04)[5], red, 1e-6f);
        }
    }

    @Test
    void largeScenesAreCoarsenedToBlockMaxima() {
        RasterGrid grid =
                new RasterGrid(
                        3200,
                        10,
                        GeoTransform.northUp(600000, 5800000, 10),
                        "",
                        OptionalInt.empty());
        Overview overview = new Overview(PixelWindow.of(3200, 10), grid, List.of(SpectralBand.B08));
        assertEquals(1600, overview.grid().width());
        assertEquals(5, overview.grid().height());
        assertEquals(20, overview.grid().pixelSizeX(), 1e-9);
    }
}
