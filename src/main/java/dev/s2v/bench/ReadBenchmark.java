package dev.s2v.bench;

import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.Sentinel2Product;
import dev.s2v.raster.Sentinel2ProductWriter;
import dev.s2v.raster.Sentinel2ProductWriter.ProductSpec;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Times the product reader on a full-size band: writes (once) a product with one 10 m and one 20 m
 * band through GDAL's JP2OpenJPEG driver, losslessly as ESA's are, then reads each band whole onto
 * the 10 m grid and in strips.
 */
public final class ReadBenchmark {
    private ReadBenchmark() {}

    /**
     * One timing.
     *
     * @param what what was timed
     * @param seconds wall time
     * @param megapixels 10 m pixels delivered
     */
    public record Timing(String what, double seconds, double megapixels) {}

    /**
     * The product the benchmark reads, written into {@code dir} if not there yet.
     *
     * @throws IOException when it cannot be written
     */
    public static Path product(Path dir, int size) throws IOException {
        Instant sensing = Instant.parse("2025-05-04T10:20:31Z");
        ProductSpec spec =
                new ProductSpec(
                        "Sentinel-2A",
                        sensing,
                        sensing.plusSeconds(5400),
                        "05.11",
                        108,
                        51234,
                        "32UPC",
                        32632,
                        600000,
                        5800020,
                        size,
                        size,
                        0,
                        40,
                        160);
        Path safe = dir.resolve(spec.productId() + ".SAFE");
        if (safe.toFile().isDirectory()) {
            return safe;
        }
        // Smooth structure plus sensor-like noise: neither trivially compressible nor white noise.
        return Sentinel2ProductWriter.write(
                dir,
                spec,
                EnumSet.of(SpectralBand.B02, SpectralBand.B11),
                (band, w, h) -> {
                    SplittableRandom random = new SplittableRandom(band.bandId());
                    short[] dn = new short[w * h];
                    for (int r = 0; r < h; r++) {
                        for (int c = 0; c < w; c++) {
                            double scene = 800 * Math.sin(r / 97.0) * Math.cos(c / 131.0);
                            dn[r * w + c] = (short) (2000 + scene + random.nextInt(40));
                        }
                    }
                    return dn;
                },
                false);
    }

    /**
     * Reads each band of the product whole and in strips of {@code stripRows} rows, each timing on
     * a freshly opened product so that GDAL's block cache of one read does not serve the next.
     *
     * @throws IOException when a band cannot be read
     */
    public static List<Timing> run(Path product, int stripRows) throws IOException {
        return List.of(
                time("B02 (10 m) whole band", product, SpectralBand.B02, 0),
                time("B11 (20 m) whole band onto 10 m", product, SpectralBand.B11, 0),
                time(
                        "B02 (10 m) in strips of " + stripRows + " rows",
                        product,
                        SpectralBand.B02,
                        stripRows),
                time(
                        "B11 (20 m) in strips of " + stripRows + " rows",
                        product,
                        SpectralBand.B11,
                        stripRows));
    }

    /** Times reading a whole band, at once ({@code stripRows} 0) or strip by strip. */
    private static Timing time(String what, Path product, SpectralBand band, int stripRows)
            throws IOException {
        try (BandSource source = Sentinel2Product.open(product)) {
            int width = source.grid().width();
            int height = source.grid().height();
            int rows = stripRows == 0 ? height : stripRows;
            long noData = 0;
            long start = System.nanoTime();
            for (int row = 0; row < height; row += rows) {
                BandWindow read =
                        source.read(
                                List.of(band),
                                new PixelWindow(0, row, width, Math.min(rows, height - row)));
                noData += read.noDataCount(0);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (noData != 0) {
                throw new IllegalStateException(
                        band + " read back with no-data pixels: the benchmark product is broken");
            }
            return new Timing(what, seconds, width * (double) height / 1e6);
        }
    }
}
