package dev.s2v.dataset;

import dev.s2v.raster.ScaleRule;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A product and its vessel labels, as a user gives them to the dataset builder.
 *
 * @param product an L1C product (.SAFE folder, zip, MTD_MSIL1C.xml) or a GeoTIFF band stack
 * @param labels vessel polygons in any vector format and CRS GDAL reads (GeoJSON), or a mask
 *     GeoTIFF on the product's grid (non-zero = vessel)
 * @param stackScale how a band stack's values become reflectance (ignored for L1C products)
 */
public record LabelledScene(Path product, Path labels, ScaleRule stackScale) {

    /** Whether the labels are a mask raster rather than polygons. */
    public boolean labelsAreMask() {
        String name = labels.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tif") || name.endsWith(".tiff");
    }
}
