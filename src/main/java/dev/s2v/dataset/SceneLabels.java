package dev.s2v.dataset;

import dev.s2v.raster.MaskRaster;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.VectorLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A scene's vessel labels on its 10 m grid, read window by window as 0/1 bytes. */
public interface SceneLabels extends AutoCloseable {

    /**
     * The labels over a window of the grid (0 past the edge).
     *
     * @throws IOException when the labels cannot be read
     */
    byte[] read(PixelWindow window) throws IOException;

    /** Whether {@link #readInstances} can tell the vessels apart. */
    boolean hasInstances();

    /**
     * The vessel ids over a window of the grid (0 = no vessel, and past the edge), the same id for
     * a vessel in every window.
     *
     * @throws IllegalStateException when the labels do not tell vessels apart
     * @throws IOException when the labels cannot be read
     */
    int[] readInstances(PixelWindow window) throws IOException;

    @Override
    void close();

    /**
     * Opens polygons (rasterised with GDAL's pixel-centre rule after reprojection to the grid's
     * CRS) or a mask on the grid.
     *
     * @param allowEmpty whether polygons that miss the grid are accepted
     * @throws IllegalArgumentException when polygons miss the grid and that is not allowed
     * @throws IOException when the labels cannot be read or a mask is on another grid
     */
    static SceneLabels open(LabelledScene scene, RasterGrid grid, boolean allowEmpty)
            throws IOException {
        if (scene.labelsAreMask()) {
            MaskRaster mask = MaskRaster.open(scene.labels(), grid);
            MaskRaster instances = null;
            try {
                Path beside = instancesBeside(scene.labels());
                if (Files.isRegularFile(beside)) {
                    instances = MaskRaster.open(beside, grid);
                }
            } catch (IOException | RuntimeException e) {
                mask.close();
                throw e;
            }
            MaskRaster ids = instances;
            return new SceneLabels() {
                @Override
                public byte[] read(PixelWindow window) throws IOException {
                    return mask.read(window);
                }

                @Override
                public boolean hasInstances() {
                    return ids != null;
                }

                @Override
                public int[] readInstances(PixelWindow window) throws IOException {
                    if (ids == null) {
                        throw new IllegalStateException(
                                scene.labels() + " has no instance raster beside it");
                    }
                    return ids.readValues(window);
                }

                @Override
                public void close() {
                    mask.close();
                    if (ids != null) {
                        ids.close();
                    }
                }
            };
        }
        VectorLabels polygons = VectorLabels.open(scene.labels());
        try {
            if (!allowEmpty && !polygons.intersects(grid)) {
                throw new IllegalArgumentException(
                        scene.labels()
                                + ": none of its "
                                + polygons.featureCount()
                                + " polygons overlaps "
                                + describe(scene.product())
                                + " (wrong file or CRS? pass --allow-empty if the scene truly has"
                                + " no vessels)");
            }
        } catch (IOException | RuntimeException e) {
            polygons.close();
            throw e;
        }
        return new SceneLabels() {
            @Override
            public byte[] read(PixelWindow window) throws IOException {
                return polygons.rasterize(grid, window);
            }

            @Override
            public boolean hasInstances() {
                return true;
            }

            @Override
            public int[] readInstances(PixelWindow window) throws IOException {
                return polygons.rasterizeFeatureIds(grid, window);
            }

            @Override
            public void close() {
                polygons.close();
            }
        };
    }

    /** {@code NAME_instances.tif} beside {@code NAME_mask.tif} (or beside any mask file). */
    private static Path instancesBeside(Path mask) {
        String name = mask.getFileName().toString();
        String stem = name.replaceFirst("(_mask)?\\.tiff?$", "");
        return mask.resolveSibling(stem + "_instances.tif");
    }

    private static String describe(Path product) {
        return product.getFileName() == null
                ? product.toString()
                : product.getFileName().toString();
    }
}
