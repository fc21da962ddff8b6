package dev.s2v.raster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A single-band label mask GeoTIFF on a product's grid (non-zero = vessel), read window by window;
 * windows past the grid's edge read as 0.
 */
public final class MaskRaster implements AutoCloseable {
    private static final double TOLERANCE_PX = 1e-3;

    private final RasterDataset dataset;

    private MaskRaster(RasterDataset dataset) {
        this.dataset = dataset;
    }

    /**
     * Opens a mask and checks that it lies on the given grid.
     *
     * @throws NoSuchFileException when the file does not exist
     * @throws RasterFormatException when it is not a one-band raster on that grid
     */
    public static MaskRaster open(Path path, RasterGrid productGrid) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, "no such file or folder");
        }
        RasterDataset dataset = RasterDataset.open(path);
        try {
            if (dataset.bandCount() != 1) {
                throw new RasterFormatException(
                        path,
                        "a label mask needs exactly one band, this file has "
                                + dataset.bandCount());
            }
            RasterGrid grid = dataset.grid();
            if (!sameGrid(grid, productGrid)) {
                throw new RasterFormatException(
                        path,
                        "the mask is not on the product's grid: "
                                + describe(grid)
                                + " against the product's "
                                + describe(productGrid));
            }
            return new MaskRaster(dataset);
        } catch (IOException | RuntimeException e) {
            dataset.close();
            throw e;
        }
    }

    private static boolean sameGrid(RasterGrid a, RasterGrid b) {
        GeoTransform ta = a.transform();
        GeoTransform tb = b.transform();
        double pixel = Math.abs(tb.pixelWidth());
        boolean sameCrs =
                a.epsg().isPresent() && b.epsg().isPresent()
                        ? a.epsg().getAsInt() == b.epsg().getAsInt()
                        : a.crsWkt().equals(b.crsWkt());
        return a.width() == b.width()
                && a.height() == b.height()
                && sameCrs
                && Math.abs(ta.originX() - tb.originX()) <= TOLERANCE_PX * pixel
                && Math.abs(ta.originY() - tb.originY()) <= TOLERANCE_PX * pixel
                && Math.abs(ta.pixelWidth() - tb.pixelWidth()) <= TOLERANCE_PX * pixel
                && Math.abs(ta.pixelHeight() - tb.pixelHeight()) <= TOLERANCE_PX * pixel;
    }

    private static String describe(RasterGrid grid) {
        return String.format(
                "%d x %d px of %.2f m at (%.2f, %.2f) in %s",
                grid.width(),
                grid.height(),
                grid.pixelSizeX(),
                grid.transform().originX(),
                grid.transform().originY(),
                grid.crsLabel());
    }

    /**
     * Reads a window as 0/1 values, row-major; pixels past the grid are 0.
     *
     * @throws RasterFormatException when the file cannot be decoded
     */
    public byte[] read(PixelWindow window) throws RasterFormatException {
        int[] values = readValues(window);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] != 0 ? (byte) 1 : 0;
        }
        return out;
    }

    /**
     * Reads a window's values as they are stored (read as unsigned 16 bits: an instance raster's
     * vessel ids), row-major; pixels past the grid are 0.
     *
     * @throws RasterFormatException when the file cannot be decoded
     */
    public int[] readValues(PixelWindow window) throws RasterFormatException {
        int[] out = new int[window.pixelCount()];
        if (!window.overlaps(dataset.width(), dataset.height())) {
            return out;
        }
        PixelWindow inside = window.clippedTo(dataset.width(), dataset.height());
        short[] raw = new short[inside.pixelCount()];
        dataset.readUInt16(1, inside, raw);
        for (int r = 0; r < inside.height(); r++) {
            int outOffset =
                    (inside.row() + r - window.row()) * window.width()
                            + inside.col()
                            - window.col();
            for (int c = 0; c < inside.width(); c++) {
                out[outOffset + c] = raw[r * inside.width() + c] & 0xFFFF;
            }
        }
        return out;
    }

    @Override
    public void close() {
        dataset.close();
    }
}
