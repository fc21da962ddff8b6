package dev.s2v.raster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Opens whatever imagery a user points s2v at, and whole-band summaries read strip by strip. */
public final class BandSources {
    private static final int STRIP_ROWS = 512;

    private BandSources() {}

    /**
     * Opens an L1C product ({@code .SAFE} folder, zip, {@code MTD_MSIL1C.xml}) or a GeoTIFF band
     * stack ({@code .tif}, {@code .tiff}, {@code .vrt}) whose values the scale rule converts.
     *
     * @throws java.nio.file.NoSuchFileException when the path does not exist
     * @throws RasterFormatException when it is neither
     */
    public static BandSource open(Path path, ScaleRule stackScale) throws IOException {
        String name =
                path.getFileName() == null
                        ? ""
                        : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(path)
                && (name.endsWith(".tif") || name.endsWith(".tiff") || name.endsWith(".vrt"))) {
            return GeoTiffStack.open(path, stackScale);
        }
        return Sentinel2Product.open(path);
    }

    /**
     * The share of a band's pixels inside the grid that hold no data, read in strips.
     *
     * @throws IOException when the band cannot be read
     */
    public static double noDataShare(BandSource source, SpectralBand band) throws IOException {
        RasterGrid grid = source.grid();
        long noData = 0;
        for (int row = 0; row < grid.height(); row += STRIP_ROWS) {
            PixelWindow strip =
                    new PixelWindow(
                            0, row, grid.width(), Math.min(STRIP_ROWS, grid.height() - row));
            noData += source.read(List.of(band), strip).noDataCount(0);
        }
        return noData / ((double) grid.width() * grid.height());
    }
}
