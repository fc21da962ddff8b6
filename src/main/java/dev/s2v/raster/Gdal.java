package dev.s2v.raster;

import org.gdal.gdal.gdal;
import org.gdal.ogr.ogr;
import org.gdal.osr.osr;

/** Loads GDAL's Java bindings once and reports what the installed GDAL offers. */
public final class Gdal {
    /**
     * The JNI library the {@code org.gdal} classes load, built by {@code scripts/setup-natives}.
     */
    public static final String JNI_LIBRARY = "gdalalljni";

    private static final int BLOCK_CACHE_BYTES = 256 << 20;

    private static boolean initialised;

    private Gdal() {}

    /**
     * Loads the JNI library and registers the drivers; later calls return at once.
     *
     * @throws NativeLibraryException when the JNI library cannot be loaded
     */
    public static synchronized void init() {
        if (initialised) {
            return;
        }
        // Load it ourselves first: the org.gdal classes swallow a failed load and print to stderr.
        try {
            System.loadLibrary(JNI_LIBRARY);
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLibraryException(
                    "the GDAL JNI library lib"
                            + JNI_LIBRARY
                            + ".so cannot be loaded ("
                            + e.getMessage()
                            + "; java.library.path="
                            + System.getProperty("java.library.path")
                            + "): run scripts/setup-natives, then start s2v with ./s2v",
                    e);
        }
        gdal.AllRegister();
        gdal.UseExceptions();
        ogr.UseExceptions();
        osr.UseExceptions();
        // Errors reach us as exceptions with GDAL's message; GDAL's own stderr printing is noise.
        gdal.PushErrorHandler("CPLQuietErrorHandler");
        gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO");
        // GDAL's block cache defaults to 5 % of the machine's memory; reads go strip by strip over
        // whole rows of JPEG2000 blocks, so a small cache loses nothing and keeps memory flat.
        gdal.SetCacheMax(BLOCK_CACHE_BYTES);
        initialised = true;
    }

    /** GDAL's release name, e.g. {@code 3.6.2}. */
    public static String version() {
        init();
        return gdal.VersionInfo("RELEASE_NAME");
    }

    /** Whether a GDAL driver of this short name is registered. */
    public static boolean hasDriver(String name) {
        init();
        return gdal.GetDriverByName(name) != null;
    }
}
