package dev.s2v.raster;

import org.gdal.gdalconst.gdalconst;

/** The pixel types s2v writes. */
public enum PixelType {
    /** Unsigned 8-bit: masks and quick looks. */
    BYTE(gdalconst.GDT_Byte),
    /** Unsigned 16-bit: Sentinel-2 digital numbers. */
    UINT16(gdalconst.GDT_UInt16),
    /** 32-bit float: probabilities and reflectances. */
    FLOAT32(gdalconst.GDT_Float32);

    private final int gdalType;

    PixelType(int gdalType) {
        this.gdalType = gdalType;
    }

    int gdalType() {
        return gdalType;
    }
}
