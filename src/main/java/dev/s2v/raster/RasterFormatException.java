package dev.s2v.raster;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that is not what s2v can read: not a Sentinel-2 product, an absent or corrupt band file, a
 * GeoTIFF without band names. The message names the file, the band where there is one, and the
 * problem.
 */
public class RasterFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path path;

    /** A problem with a whole file. */
    public RasterFormatException(Path path, String reason) {
        super(path + ": " + reason);
        this.path = path;
    }

    /** A problem with one band of a file. */
    public RasterFormatException(Path path, SpectralBand band, String reason) {
        super(path + ": " + band + ": " + reason);
        this.path = path;
    }

    /** A problem with a file, caused by a GDAL or parser error. */
    public RasterFormatException(Path path, String reason, Throwable cause) {
        super(path + ": " + reason, cause);
        this.path = path;
    }

    /** The file the problem is in. */
    public Path path() {
        return path;
    }
}
