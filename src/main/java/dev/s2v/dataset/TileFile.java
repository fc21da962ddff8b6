package dev.s2v.dataset;

import dev.s2v.raster.GeoTiffWriter;
import dev.s2v.raster.PixelType;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.RasterFormatException;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * One tile as a georeferenced GeoTIFF: the bands as stored values of {@link TileCodec} (with GDAL
 * scale and offset, so GIS software shows reflectance), then one label band holding each vessel
 * pixel's instance id (0 = no vessel; datasets of format 1 held 1 for every vessel).
 */
final class TileFile {
    /** Description of the label band. */
    static final String LABEL_BAND = "vessel_instance";

    private TileFile() {}

    /**
     * Writes a tile.
     *
     * @param stored per band, row-major stored values
     * @param instances row-major vessel instance ids, 0 = no vessel, at most 65535
     * @throws IOException when GDAL cannot write it
     */
    static void write(
            Path file, RasterGrid grid, List<SpectralBand> bands, short[][] stored, int[] instances)
            throws IOException {
        PixelWindow all = PixelWindow.of(grid.width(), grid.height());
        try (GeoTiffWriter out =
                GeoTiffWriter.create(
                        file,
                        grid,
                        bands.size() + 1,
                        PixelType.UINT16,
                        new GeoTiffWriter.Options(true, grid.width(), false, "NEAREST"))) {
            for (int b = 0; b < bands.size(); b++) {
                out.describeBand(b + 1, bands.get(b).name());
                out.setScaleOffset(b + 1, TileCodec.gdalScale(), TileCodec.gdalOffset());
                out.write(b + 1, all, stored[b]);
            }
            short[] labelValues = new short[instances.length];
            for (int i = 0; i < instances.length; i++) {
                if (instances[i] < 0 || instances[i] > 0xFFFF) {
                    throw new IllegalArgumentException(
                            file + ": vessel instance id " + instances[i] + " is not 0..65535");
                }
                labelValues[i] = (short) instances[i];
            }
            out.describeBand(bands.size() + 1, LABEL_BAND);
            out.write(bands.size() + 1, all, labelValues);
            out.commit();
        }
    }

    /**
     * Reads a tile's stored band values, its 0/1 mask and its instance ids into the given arrays.
     *
     * @param stored per band, row-major, tileSize^2 values each
     * @param mask row-major, tileSize^2 values, 1 = vessel
     * @param instances row-major, tileSize^2 values; or null when not needed
     * @throws RasterFormatException when the file is not a tile of this shape
     */
    static void read(
            Path file, int bandCount, int tileSize, short[][] stored, byte[] mask, int[] instances)
            throws IOException {
        try (RasterDataset tile = RasterDataset.open(file)) {
            if (tile.bandCount() != bandCount + 1
                    || tile.width() != tileSize
                    || tile.height() != tileSize) {
                throw new RasterFormatException(
                        file,
                        String.format(
                                "expected a %d x %d tile with %d bands and a mask, found %d x %d"
                                        + " with %d bands",
                                tileSize,
                                tileSize,
                                bandCount,
                                tile.width(),
                                tile.height(),
                                tile.bandCount()));
            }
            PixelWindow all = PixelWindow.of(tileSize, tileSize);
            for (int b = 0; b < bandCount; b++) {
                tile.readUInt16(b + 1, all, stored[b]);
            }
            short[] labels = new short[tileSize * tileSize];
            tile.readUInt16(bandCount + 1, all, labels);
            for (int i = 0; i < labels.length; i++) {
                int id = labels[i] & 0xFFFF;
                mask[i] = id != 0 ? (byte) 1 : 0;
                if (instances != null) {
                    instances[i] = id;
                }
            }
        }
    }
}
