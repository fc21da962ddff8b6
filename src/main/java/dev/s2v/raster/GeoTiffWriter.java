package dev.s2v.raster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.gdal.gdal.Band;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.Driver;
import org.gdal.gdal.gdal;

/**
 * Writes a GeoTIFF window by window, so that a whole scene never needs to be in memory, under a
 * temporary name that is renamed to the target only by {@link #commit()}: a failure or an
 * interruption never leaves a half-written file under the target's name.
 *
 * <pre>{@code
 * try (GeoTiffWriter out = GeoTiffWriter.create(path, grid, 1, PixelType.BYTE, Options.defaults())) {
 *     out.write(1, window, bytes);
 *     out.commit();
 * }
 * }</pre>
 */
public final class GeoTiffWriter implements AutoCloseable {
    private final Path target;
    private final Path temporary;
    private final Dataset dataset;
    private final PixelType type;
    private final Options options;
    private boolean finished;

    /**
     * Layout of the file.
     *
     * @param tiled tiles instead of strips
     * @param blockSize tile width and height in pixels (a multiple of 16)
     * @param overviews whether to add internal overviews (2x, 4x, ... down to about 256 px)
     * @param overviewResampling GDAL resampling of the overviews, e.g. NEAREST or AVERAGE
     */
    public record Options(
            boolean tiled, int blockSize, boolean overviews, String overviewResampling) {
        /** Validates the block size. */
        public Options {
            if (blockSize < 16 || blockSize % 16 != 0) {
                throw new IllegalArgumentException(
                        "GeoTIFF block size must be a positive multiple of 16, got " + blockSize);
            }
        }

        /** Tiled 256 x 256, DEFLATE, no overviews. */
        public static Options defaults() {
            return new Options(true, 256, false, "NEAREST");
        }

        /** The same with overviews built with the given resampling. */
        public Options withOverviews(String resampling) {
            return new Options(tiled, blockSize, true, resampling);
        }
    }

    private GeoTiffWriter(
            Path target, Path temporary, Dataset dataset, PixelType type, Options options) {
        this.target = target;
        this.temporary = temporary;
        this.dataset = dataset;
        this.type = type;
        this.options = options;
    }

    /**
     * Starts a DEFLATE-compressed GeoTIFF on a grid; nothing appears at {@code target} until {@link
     * #commit()}.
     *
     * @throws IOException when the folder cannot be made or GDAL cannot create the file
     */
    public static GeoTiffWriter create(
            Path target, RasterGrid grid, int bandCount, PixelType type, Options options)
            throws IOException {
        Gdal.init();
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve("." + target.getFileName() + ".partial");
        Vector<String> creation =
                new Vector<>(
                        List.of(
                                "COMPRESS=DEFLATE",
                                "PREDICTOR=" + (type == PixelType.FLOAT32 ? "3" : "2"),
                                "BIGTIFF=IF_SAFER"));
        if (options.tiled()) {
            creation.add("TILED=YES");
            creation.add("BLOCKXSIZE=" + options.blockSize());
            creation.add("BLOCKYSIZE=" + options.blockSize());
        }
        Driver driver = gdal.GetDriverByName("GTiff");
        Dataset dataset;
        try {
            dataset =
                    driver.Create(
                            temporary.toString(),
                            grid.width(),
                            grid.height(),
                            bandCount,
                            type.gdalType(),
                            creation);
        } catch (RuntimeException e) {
            throw new IOException(
                    target + ": GDAL cannot create the GeoTIFF: " + e.getMessage(), e);
        }
        dataset.SetGeoTransform(grid.transform().toArray());
        if (!grid.crsWkt().isEmpty()) {
            dataset.SetProjection(grid.crsWkt());
        }
        return new GeoTiffWriter(target, temporary, dataset, type, options);
    }

    /** Sets the description (name) of a band, 1-based. */
    public void describeBand(int band, String description) {
        band(band).SetDescription(description);
    }

    /** Sets a dataset metadata item (default domain), e.g. the model that made the file. */
    public void setMetadata(String key, String value) {
        dataset.SetMetadataItem(key, value);
    }

    /** Declares a no-data value on every band. */
    public void setNoData(double value) {
        for (int b = 1; b <= dataset.getRasterCount(); b++) {
            band(b).SetNoDataValue(value);
        }
    }

    /** Declares GDAL's scale and offset on a band (physical = stored * scale + offset). */
    public void setScaleOffset(int band, double scale, double offset) {
        band(band).SetScale(scale);
        band(band).SetOffset(offset);
    }

    /** Writes a row-major window of a {@link PixelType#FLOAT32} file. */
    public void write(int band, PixelWindow window, float[] data) throws IOException {
        check(PixelType.FLOAT32, window, data.length);
        wrap(
                band(band)
                        .WriteRaster(
                                window.col(),
                                window.row(),
                                window.width(),
                                window.height(),
                                type.gdalType(),
                                data));
    }

    /** Writes a row-major window of a {@link PixelType#UINT16} file (values as unsigned shorts). */
    public void write(int band, PixelWindow window, short[] data) throws IOException {
        check(PixelType.UINT16, window, data.length);
        wrap(
                band(band)
                        .WriteRaster(
                                window.col(),
                                window.row(),
                                window.width(),
                                window.height(),
                                type.gdalType(),
                                data));
    }

    /** Writes a row-major window of a {@link PixelType#BYTE} file (values as unsigned bytes). */
    public void write(int band, PixelWindow window, byte[] data) throws IOException {
        check(PixelType.BYTE, window, data.length);
        wrap(
                band(band)
                        .WriteRaster(
                                window.col(),
                                window.row(),
                                window.width(),
                                window.height(),
                                type.gdalType(),
                                data));
    }

    private void wrap(int gdalError) throws IOException {
        if (gdalError != 0) {
            throw new IOException(target + ": GDAL write failed: " + gdal.GetLastErrorMsg());
        }
    }

    private void check(PixelType expected, PixelWindow window, int length) {
        if (finished) {
            throw new IllegalStateException(target + " is already committed or closed");
        }
        if (type != expected) {
            throw new IllegalArgumentException(target + " holds " + type + ", not " + expected);
        }
        if (!window.isInside(dataset.getRasterXSize(), dataset.getRasterYSize())) {
            throw new IllegalArgumentException(
                    target + ": window " + window + " is not inside the raster");
        }
        if (length != window.pixelCount()) {
            throw new IllegalArgumentException(
                    "window "
                            + window
                            + " needs "
                            + window.pixelCount()
                            + " values, got "
                            + length);
        }
    }

    private Band band(int band) {
        if (band < 1 || band > dataset.getRasterCount()) {
            throw new IllegalArgumentException(
                    target + " has bands 1.." + dataset.getRasterCount() + ", got " + band);
        }
        return dataset.GetRasterBand(band);
    }

    /**
     * Builds the overviews if asked, closes the file and renames it to the target.
     *
     * @throws IOException when GDAL or the rename fails (the temporary file is then removed)
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(target + " is already committed or closed");
        }
        try {
            if (options.overviews()) {
                List<Integer> levels = new ArrayList<>();
                int size = Math.max(dataset.getRasterXSize(), dataset.getRasterYSize());
                for (int level = 2; size / level >= 128; level *= 2) {
                    levels.add(level);
                }
                if (!levels.isEmpty()) {
                    gdal.SetConfigOption("COMPRESS_OVERVIEW", "DEFLATE");
                    dataset.BuildOverviews(
                            options.overviewResampling(),
                            levels.stream().mapToInt(Integer::intValue).toArray());
                }
            }
            dataset.FlushCache();
        } catch (RuntimeException e) {
            close();
            throw new IOException(
                    target + ": GDAL failed to finish the GeoTIFF: " + e.getMessage(), e);
        }
        finished = true;
        dataset.delete();
        try {
            Files.move(
                    temporary,
                    target,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** Without a commit, discards the temporary file. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        dataset.delete();
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(
                    "cannot remove the partial file " + temporary, e);
        }
    }
}
