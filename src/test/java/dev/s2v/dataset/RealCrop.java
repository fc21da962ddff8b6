package dev.s2v.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The 128 x 128 px crop of a real sen2ships scene in {@code src/test/resources/sen2ships-crop} (see
 * its PROVENANCE.md): a Level-2A band stack of B02, B03, B04, B08 and B11 with GDAL scale 0.0001,
 * its labels as polygons, and the source's mask and instance rasters.
 *
 * @param stack the band stack
 * @param labels the vessel polygons
 * @param mask 1 = vessel
 * @param instances one id per labelled vessel
 */
public record RealCrop(Path stack, Path labels, Path mask, Path instances) {
    /** Its side in pixels. */
    public static final int SIZE = 128;

    /** Labelled vessels in it. */
    public static final int VESSELS = 10;

    private static final String NAME = "athens_crop";

    /** Copies the crop's files into a folder, as a user's scene folder would hold them. */
    public static RealCrop copyTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new RealCrop(
                copy(NAME + ".tif", folder),
                copy(NAME + "_labels.geojson", folder),
                copy(NAME + "_mask.tif", folder),
                copy(NAME + "_instances.tif", folder));
    }

    private static Path copy(String name, Path folder) throws IOException {
        Path target = folder.resolve(name);
        try (InputStream in = RealCrop.class.getResourceAsStream("/sen2ships-crop/" + name)) {
            if (in == null) {
                throw new IOException("test resource sen2ships-crop/" + name + " is missing");
            }
            Files.copy(in, target);
        }
        return target;
    }
}
