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
 * scale and offset, so GIS software shows reflectance), then one band holding the 0/1 vessel mask.
 */
final class TileFile {
    /** Description of the mask band. */
    static final String MASK_BAND = "vessel_mask";

    private TileFile() {}

    /**
     * Writes a tile.
     *
     * @param stored per band, row-major stored values
     * @param mask row-major 0/1 vessel mask
     * @throws IOException when GDAL cannot write it
     */
    static void write(
            Path file, RasterGrid grid, List<SpectralBand> bands, short[][] stored, byte[] mask)
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
            short[] maskValues = new short[mask.length];
            for (int i = 0; i < mask.length; i++) {
                maskValues[i] = mask[i];
            }
            out.describeBand(bands.size() + 1, MASK_BAND);
            out.write(bands.size() + 1, all, maskValues);
            out.commit();
        }
    }

    /**
     * Reads a tile's stored band values and its mask into the given arrays.
     *
     * @param stored per band, row-major, tileSize^2 values each
     * @param mask row-major, tileSize^2 values
     * @throws RasterFormatException when the file is not a tile of this shape
     */
    static void read(Path file, int bandCount, int tileSize, short[][] stored, byte[] mask)
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
            tile.readByte(bandCount + 1, all, mask);
        }
    }
}
