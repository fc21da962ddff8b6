package dev.s2v.raster;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test when GDAL's natives are not installed (they are when Maven runs the setup). */
public final class Natives {
    private Natives() {}

    /** Initialises GDAL, or skips the calling test. */
    public static void assumeGdal() {
        boolean available;
        try {
            Gdal.init();
            available = true;
        } catch (NativeLibraryException e) {
            available = false;
        }
        assumeTrue(available, "GDAL JNI library not available: run scripts/setup-natives");
    }
}
