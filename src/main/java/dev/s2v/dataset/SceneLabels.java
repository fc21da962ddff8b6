package dev.s2v.dataset;

import dev.s2v.raster.MaskRaster;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.VectorLabels;
import java.io.IOException;
import java.nio.file.Path;

/** A scene's vessel labels on its 10 m grid, read window by window as 0/1 bytes. */
public interface SceneLabels extends AutoCloseable {

    /**
     * The labels over a window of the grid (0 past the edge).
     *
     * @throws IOException when the labels cannot be read
     */
    byte[] read(PixelWindow window) throws IOException;

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
            return new SceneLabels() {
                @Override
                public byte[] read(PixelWindow window) throws IOException {
                    return mask.read(window);
                }

                @Override
                public void close() {
                    mask.close();
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
            public void close() {
                polygons.close();
            }
        };
    }

    private static String describe(Path product) {
        return product.getFileName() == null
                ? product.toString()
                : product.getFileName().toString();
    }
}
