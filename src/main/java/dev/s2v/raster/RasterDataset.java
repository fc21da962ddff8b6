package dev.s2v.raster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;
import org.gdal.gdal.Band;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.gdal.osr.SpatialReference;

/**
 * A raster file opened read-only through GDAL. Closing it frees GDAL's dataset at once instead of
 * waiting for the garbage collector. Not thread-safe: one thread reads one dataset.
 */
public final class RasterDataset implements AutoCloseable {
    private final Dataset dataset;
    private final Path path;
    private boolean closed;

    private RasterDataset(Dataset dataset, Path path) {
        this.dataset = dataset;
        this.path = path;
    }

    /**
     * Opens a file.
     *
     * @throws RasterFormatException when GDAL cannot open it as a raster
     */
    public static RasterDataset open(Path path) throws RasterFormatException {
        return open(path, path.toString());
    }

    /**
     * Opens a GDAL path (such as {@code /vsizip/...}) under a name for messages.
     *
     * @param displayPath the name messages use for this file
     * @param gdalPath what GDAL opens
     * @throws RasterFormatException when GDAL cannot open it as a raster
     */
    static RasterDataset open(Path displayPath, String gdalPath) throws RasterFormatException {
        Gdal.init();
        Dataset dataset;
        try {
            dataset = gdal.Open(gdalPath, gdalconst.GA_ReadOnly);
        } catch (RuntimeException e) {
            throw new RasterFormatException(
                    displayPath, "GDAL cannot open it as a raster: " + e.getMessage(), e);
        }
        if (dataset == null) {
            throw new RasterFormatException(
                    displayPath, "GDAL cannot open it as a raster: " + gdal.GetLastErrorMsg());
        }
        return new RasterDataset(dataset, displayPath);
    }

    /**
     * Opens a subdataset by the name GDAL lists for it in {@link #subdatasets()}, e.g. {@code
     * SENTINEL2_L1C:/data/x.SAFE/MTD_MSIL1C.xml:10m:EPSG_32632}.
     *
     * @throws RasterFormatException when GDAL cannot open it
     */
    public static RasterDataset openSubdataset(String name) throws RasterFormatException {
        return open(Path.of(name), name);
    }

    /**
     * A subdataset a container format (such as GDAL's SENTINEL2 driver) offers.
     *
     * @param name what {@link #openSubdataset(String)} opens
     * @param description GDAL's description, e.g. the bands and resolution
     */
    public record Subdataset(String name, String description) {}

    /** The subdatasets GDAL lists for this file (metadata domain SUBDATASETS), in GDAL's order. */
    public List<Subdataset> subdatasets() {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> items = dataset.GetMetadata_Dict("SUBDATASETS");
        List<Subdataset> result = new ArrayList<>();
        for (int i = 1; items.containsKey("SUBDATASET_" + i + "_NAME"); i++) {
            result.add(
                    new Subdataset(
                            items.get("SUBDATASET_" + i + "_NAME"),
                            items.getOrDefault("SUBDATASET_" + i + "_DESC", "")));
        }
        return List.copyOf(result);
    }

    /** The file, as messages name it. */
    public Path path() {
        return path;
    }

    /** Columns. */
    public int width() {
        return dataset.getRasterXSize();
    }

    /** Rows. */
    public int height() {
        return dataset.getRasterYSize();
    }

    /** Number of bands. */
    public int bandCount() {
        return dataset.getRasterCount();
    }

    /** GDAL's short driver name, e.g. {@code GTiff}. */
    public String driverName() {
        return dataset.GetDriver().getShortName();
    }

    /** The pixel-to-map transform. */
    public GeoTransform transform() {
        return GeoTransform.of(dataset.GetGeoTransform());
    }

    /** The grid: size, transform and CRS. */
    public RasterGrid grid() {
        String wkt = dataset.GetProjection();
        return new RasterGrid(width(), height(), transform(), wkt == null ? "" : wkt, epsgOf(wkt));
    }

    /**
     * A dataset metadata item, e.g. {@code COMPRESSION} of domain {@code IMAGE_STRUCTURE}; empty if
     * unset.
     */
    public String metadataItem(String key, String domain) {
        String value = dataset.GetMetadataItem(key, domain);
        return value == null ? "" : value;
    }

    /** Number of overview levels of a band (1-based). */
    public int overviewCount(int band) {
        return band(band).GetOverviewCount();
    }

    /** The {width, height} of a band's storage blocks (tiles, or strips). */
    public int[] blockSize(int band) {
        int[] x = new int[1];
        int[] y = new int[1];
        band(band).GetBlockSize(x, y);
        return new int[] {x[0], y[0]};
    }

    /** The description of a band (1-based), empty when it has none. */
    public String description(int band) {
        String text = band(band).GetDescription();
        return text == null ? "" : text.trim();
    }

    /** The no-data value of a band (1-based) if one is set. */
    public OptionalDouble noData(int band) {
        Double[] value = new Double[1];
        band(band).GetNoDataValue(value);
        return value[0] == null ? OptionalDouble.empty() : OptionalDouble.of(value[0]);
    }

    /** GDAL's scale of a band (1-based) if one is set: physical = raw * scale + offset. */
    public OptionalDouble scale(int band) {
        Double[] value = new Double[1];
        band(band).GetScale(value);
        return value[0] == null ? OptionalDouble.empty() : OptionalDouble.of(value[0]);
    }

    /** GDAL's offset of a band (1-based) if one is set: physical = raw * scale + offset. */
    public OptionalDouble offset(int band) {
        Double[] value = new Double[1];
        band(band).GetOffset(value);
        return value[0] == null ? OptionalDouble.empty() : OptionalDouble.of(value[0]);
    }

    /** Whether a band (1-based) holds integers (as opposed to floating point). */
    public boolean isIntegerBand(int band) {
        int type = band(band).getDataType();
        return type != gdalconst.GDT_Float32
                && type != gdalconst.GDT_Float64
                && type != gdalconst.GDT_CFloat32
                && type != gdalconst.GDT_CFloat64;
    }

    /**
     * Reads a window lying inside the raster as unsigned 16-bit values (use {@code value &
     * 0xFFFF}).
     *
     * @throws RasterFormatException when GDAL fails to decode the data (a corrupt or truncated
     *     file)
     */
    public void readUInt16(int band, PixelWindow window, short[] out) throws RasterFormatException {
        read(
                band,
                window,
                b ->
                        b.ReadRaster(
                                window.col(),
                                window.row(),
                                window.width(),
                                window.height(),
                                gdalconst.GDT_UInt16,
                                out));
    }

    /**
     * Reads a window lying inside the raster as 32-bit floats.
     *
     * @throws RasterFormatException when GDAL fails to decode the data (a corrupt or truncated
     *     file)
     */
    public void readFloat(int band, PixelWindow window, float[] out) throws RasterFormatException {
        read(
                band,
                window,
                b ->
                        b.ReadRaster(
                                window.col(),
                                window.row(),
                                window.width(),
                                window.height(),
                                gdalconst.GDT_Float32,
                                out));
    }

    /**
     * Reads a window lying inside the raster as unsigned bytes (use {@code value & 0xFF}).
     *
     * @throws RasterFormatException when GDAL fails to decode the data (a corrupt or truncated
     *     file)
     */
    public void readByte(int band, PixelWindow window, byte[] out) throws RasterFormatException {
        read(
                band,
                window,
                b ->
                        b.ReadRaster(
                                window.col(),
                                window.row(),
                                window.width(),
                                window.height(),
                                gdalconst.GDT_Byte,
                                out));
    }

    private void read(int band, PixelWindow window, ToIntFunction<Band> readRaster)
            throws RasterFormatException {
        checkInside(window);
        int status;
        try {
            status = readRaster.applyAsInt(band(band));
        } catch (RuntimeException e) {
            throw readFailure(band, e.getMessage(), e);
        }
        // The bindings return CE_Failure from ReadRaster instead of throwing, even with exceptions
        // on.
        if (status != gdalconst.CE_None) {
            throw readFailure(band, gdal.GetLastErrorMsg(), null);
        }
    }

    private RasterFormatException readFailure(
            int band, String gdalMessage, RuntimeException cause) {
        String detail = gdalMessage == null || gdalMessage.isBlank() ? "" : ": " + gdalMessage;
        return new RasterFormatException(
                path,
                "cannot decode band " + band + " (corrupt or truncated file?)" + detail,
                cause);
    }

    private void checkInside(PixelWindow window) {
        if (!window.isInside(width(), height())) {
            throw new IllegalArgumentException(
                    path
                            + ": window "
                            + window
                            + " is not inside the "
                            + width()
                            + " x "
                            + height()
                            + " raster");
        }
    }

    private Band band(int band) {
        if (closed) {
            throw new IllegalStateException(path + " is closed");
        }
        if (band < 1 || band > bandCount()) {
            throw new IllegalArgumentException(
                    path + " has bands 1.." + bandCount() + ", asked for band " + band);
        }
        return dataset.GetRasterBand(band);
    }

    /** The EPSG code of a WKT CRS, when GDAL can identify one. */
    static OptionalInt epsgOf(String wkt) {
        if (wkt == null || wkt.isBlank()) {
            return OptionalInt.empty();
        }
        SpatialReference srs = new SpatialReference(wkt);
        try {
            String code = srs.GetAuthorityCode(null);
            if (code == null) {
                srs.AutoIdentifyEPSG();
                code = srs.GetAuthorityCode(null);
            }
            return code == null ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(code));
        } catch (RuntimeException e) {
            // A CRS without an EPSG equivalent is legitimate; callers fall back to the WKT.
            return OptionalInt.empty();
        } finally {
            srs.delete();
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            dataset.delete();
        }
    }
}
