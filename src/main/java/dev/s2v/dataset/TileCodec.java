package dev.s2v.dataset;

/**
 * How tiles store reflectance: as unsigned 16-bit values {@code round(reflectance * 10000) + 1000},
 * the convention of Sentinel-2 L1C from processing baseline 04.00, so tiles cut from products of
 * any baseline (or from surface-reflectance stacks) hold comparable numbers, slightly negative
 * reflectances of dark water survive, and 0 stays free to mean "no data". GeoTIFF readers see the
 * reflectance through the files' scale and offset.
 */
public final class TileCodec {
    /** The stored value meaning "no data" (a no-data pixel of the source, or padding). */
    public static final int NO_DATA = 0;

    /** Stored units per unit of reflectance. */
    public static final double QUANTIFICATION = 10000;

    /** Added to {@code reflectance * QUANTIFICATION} before storing. */
    public static final int OFFSET = 1000;

    private TileCodec() {}

    /**
     * The stored value of a reflectance: NaN becomes {@link #NO_DATA}; values are clamped to
     * 1..65535 so that no valid pixel ever reads as no data.
     */
    public static short encode(float reflectance) {
        if (Float.isNaN(reflectance)) {
            return NO_DATA;
        }
        long stored = Math.round(reflectance * QUANTIFICATION) + OFFSET;
        return (short) Math.max(1, Math.min(65535, stored));
    }

    /** The reflectance of a stored value (read as unsigned), NaN for {@link #NO_DATA}. */
    public static float decode(int stored) {
        int unsigned = stored & 0xFFFF;
        return unsigned == NO_DATA ? Float.NaN : (float) ((unsigned - OFFSET) / QUANTIFICATION);
    }

    /** GDAL's scale of the stored values (reflectance = stored * scale + offset). */
    public static double gdalScale() {
        return 1 / QUANTIFICATION;
    }

    /** GDAL's offset of the stored values (reflectance = stored * scale + offset). */
    public static double gdalOffset() {
        return -OFFSET / QUANTIFICATION;
    }
}
