package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TileCodecTest {
    @Test
    void storesReflectanceAsBaseline04DigitalNumbers() {
        assertEquals(1000, TileCodec.encode(0f));
        assertEquals(1532, TileCodec.encode(0.0532f));
        // Dark water can read slightly negative at top of atmosphere: it survives.
        assertEquals(500, TileCodec.encode(-0.05f));
        assertEquals(0.0532f, TileCodec.decode(1532), 1e-7);
        assertEquals(-0.05f, TileCodec.decode(500), 1e-7);
        // GDAL's convention gives the same reflectance.
        assertEquals(0.0532, 1532 * TileCodec.gdalScale() + TileCodec.gdalOffset(), 1e-9);
    }

    @Test
    void noDataStaysNoDataAndValidValuesNeverBecomeIt() {
        assertEquals(TileCodec.NO_DATA, TileCodec.encode(Float.NaN));
        assertTrue(Float.isNaN(TileCodec.decode(0)));
        assertEquals(1, TileCodec.encode(-0.5f));
        assertEquals((short) 65535, TileCodec.encode(7f));
        assertEquals(6.4535f, TileCodec.decode((short) 65535), 1e-6);
    }
}
