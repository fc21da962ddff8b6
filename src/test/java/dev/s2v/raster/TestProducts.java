package dev.s2v.raster;

import dev.s2v.raster.Sentinel2ProductWriter.ProductSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** Small L1C products with known digital numbers, written through GDAL in the SAFE layout. */
public final class TestProducts {
    /** Upper-left corner of the test products' 10 m grid (tile 32UPC). */
    public static final double ULX = 600000;

    /** Upper-left corner of the test products' 10 m grid (tile 32UPC). */
    public static final double ULY = 5800020;

    private TestProducts() {}

    /**
     * The DN of a band at a pixel of its native grid: distinct per band and pixel, never 0, except
     * in the no-data corner (native rows 0..1, columns 0..2) when {@code noDataCorner} is set.
     */
    public static int dn(SpectralBand band, int row, int col, boolean noDataCorner) {
        if (noDataCorner && row < 2 && col < 3) {
            return 0;
        }
        return 1000 + 100 * band.bandId() + (row * 31 + col * 17) % 97;
    }

    /** A product specification of the given size and baseline. */
    public static ProductSpec spec(String baseline, int width, int height) {
        Instant sensing = Instant.parse("2024-07-01T10:30:21Z");
        return new ProductSpec(
                "Sentinel-2B",
                sensing,
                sensing.plusSeconds(7200),
                baseline,
                22,
                38123,
                "32UPC",
                32632,
                ULX,
                ULY,
                width,
                height,
                3.5,
                35.2,
                160.4);
    }

    /** Writes a product with every band and the pattern of {@link #dn}. */
    public static Path write(
            Path dir, String baseline, int width, int height, boolean zip, boolean noDataCorner)
            throws IOException {
        return write(
                dir,
                spec(baseline, width, height),
                EnumSet.allOf(SpectralBand.class),
                zip,
                noDataCorner);
    }

    /** Writes a product with the given bands and the pattern of {@link #dn}. */
    public static Path write(
            Path dir, ProductSpec spec, Set<SpectralBand> bands, boolean zip, boolean noDataCorner)
            throws IOException {
        return Sentinel2ProductWriter.write(
                dir,
                spec,
                bands,
                (band, w, h) -> {
                    short[] values = new short[w * h];
                    for (int r = 0; r < h; r++) {
                        for (int c = 0; c < w; c++) {
                            values[r * w + c] = (short) dn(band, r, c, noDataCorner);
                        }
                    }
                    return values;
                },
                zip);
    }
}
