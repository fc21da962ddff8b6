package dev.s2v.raster;

/** GDAL's native library or its Java bindings cannot be loaded: the machine is not set up. */
public class NativeLibraryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message that says what is missing and how to fix it. */
    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
