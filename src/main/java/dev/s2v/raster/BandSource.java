package dev.s2v.raster;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Anything s2v reads imagery from: a Sentinel-2 L1C product or a GeoTIFF band stack. Bands are
 * asked for by name, on one 10 m grid, one window at a time, so no caller needs a whole scene in
 * memory. Not thread-safe.
 */
public interface BandSource extends AutoCloseable {

    /** The scene's identifier (product id, or the file name of a stack). */
    String sceneId();

    /**
     * When the scene was sensed, if known: an L1C product's sensing start, or for a band stack a
     * date-time of the form {@code 20240701T103021} in its file name (as in Sentinel-2 product
     * names) or its {@code ACQUISITION_DATE} metadata item.
     */
    Optional<Instant> sensingTime();

    /**
     * The processing level of the reflectance, if known: Level-1C for an L1C product; for a band
     * stack what its {@code PROCESSING_LEVEL} metadata item or its file name ({@code MSIL1C},
     * {@code MSIL2A}) says.
     */
    Optional<ProductLevel> level();

    /**
     * The credit line the imagery's licence asks maps of it to carry, if the source states one (a
     * band stack's {@code ATTRIBUTION}, {@code TIFFTAG_COPYRIGHT} or {@code LICENCE} metadata item
     * naming Copernicus Sentinel data).
     */
    Optional<String> attribution();

    /** The file or folder this was opened from. */
    Path path();

    /** The 10 m grid every band is read on. */
    RasterGrid grid();

    /** The bands whose data is present. */
    Set<SpectralBand> bands();

    /** How a band's stored values become reflectance. */
    Radiometry radiometry(SpectralBand band);

    /**
     * Reads reflectances of the given bands, in that order, over a window of the 10 m grid. Coarser
     * bands are brought to 10 m by nearest neighbour (each value repeated, none invented); pixels
     * of the window beyond the grid are padding.
     *
     * @throws IllegalArgumentException when a band is absent or the window lies wholly outside
     * @throws RasterFormatException when a band file is missing or cannot be decoded
     */
    default BandWindow read(List<SpectralBand> bands, PixelWindow window) throws IOException {
        return read(bands, window, null);
    }

    /**
     * Like {@link #read(List, PixelWindow)}, but fills the arrays of an earlier window of the same
     * bands and size instead of allocating new ones, so a reader of many strips makes no garbage of
     * their size; the earlier window's values are overwritten.
     *
     * @param reuse an earlier window to overwrite, or null
     * @throws IllegalArgumentException when a band is absent or the window lies wholly outside
     * @throws RasterFormatException when a band file is missing or cannot be decoded
     */
    BandWindow read(List<SpectralBand> bands, PixelWindow window, BandWindow reuse)
            throws IOException;

    /** Frees the GDAL datasets. */
    @Override
    void close();
}
