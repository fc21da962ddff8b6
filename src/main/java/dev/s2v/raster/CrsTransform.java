package dev.s2v.raster;

import java.util.Optional;
import org.gdal.osr.CoordinateTransformation;
import org.gdal.osr.SpatialReference;
import org.gdal.osr.osrConstants;

/**
 * Transforms points between two coordinate reference systems, always in x/y (east, north) or
 * lon/lat order, whatever axis order the CRS definition declares.
 */
public final class CrsTransform implements AutoCloseable {
    private final SpatialReference source;
    private final SpatialReference target;
    private final CoordinateTransformation transformation;

    private CrsTransform(SpatialReference source, SpatialReference target) {
        this.source = source;
        this.target = target;
        this.transformation =
                CoordinateTransformation.CreateCoordinateTransformation(source, target);
    }

    /** From an EPSG CRS to another. */
    public static CrsTransform between(int sourceEpsg, int targetEpsg) {
        Gdal.init();
        return new CrsTransform(epsg(sourceEpsg), epsg(targetEpsg));
    }

    /** From a grid's CRS to WGS 84 longitude/latitude. */
    public static CrsTransform toWgs84(RasterGrid grid) {
        Gdal.init();
        if (grid.crsWkt().isEmpty()) {
            throw new IllegalArgumentException(
                    "the grid has no CRS: cannot compute longitudes and latitudes");
        }
        SpatialReference source = new SpatialReference(grid.crsWkt());
        source.SetAxisMappingStrategy(osrConstants.OAMS_TRADITIONAL_GIS_ORDER);
        return new CrsTransform(source, epsg(4326));
    }

    /** From a grid's CRS to an EPSG CRS (x/y or lon/lat order). */
    public static CrsTransform fromGridTo(RasterGrid grid, int targetEpsg) {
        Gdal.init();
        if (grid.crsWkt().isEmpty()) {
            throw new IllegalArgumentException("the grid has no CRS to transform from");
        }
        SpatialReference source = new SpatialReference(grid.crsWkt());
        source.SetAxisMappingStrategy(osrConstants.OAMS_TRADITIONAL_GIS_ORDER);
        return new CrsTransform(source, epsg(targetEpsg));
    }

    /** From WGS 84 longitude/latitude to a grid's CRS. */
    public static CrsTransform fromWgs84(RasterGrid grid) {
        Gdal.init();
        if (grid.crsWkt().isEmpty()) {
            throw new IllegalArgumentException(
                    "the grid has no CRS: cannot place longitudes and latitudes on it");
        }
        SpatialReference target = new SpatialReference(grid.crsWkt());
        target.SetAxisMappingStrategy(osrConstants.OAMS_TRADITIONAL_GIS_ORDER);
        return new CrsTransform(epsg(4326), target);
    }

    private static SpatialReference epsg(int code) {
        SpatialReference srs = new SpatialReference();
        srs.ImportFromEPSG(code);
        // Without this EPSG:4326 would take lat/lon order and swap every coordinate.
        srs.SetAxisMappingStrategy(osrConstants.OAMS_TRADITIONAL_GIS_ORDER);
        return srs;
    }

    /** The WKT of an EPSG CRS, e.g. for a {@link RasterGrid} written to a file. */
    public static String wktOfEpsg(int code) {
        Gdal.init();
        SpatialReference srs = new SpatialReference();
        try {
            srs.ImportFromEPSG(code);
            return srs.ExportToWkt();
        } finally {
            srs.delete();
        }
    }

    /**
     * Why lengths in metres and headings cannot be measured on a grid's pixels, or empty when they
     * can: that needs a projected CRS in metres (as Sentinel-2's UTM grids are) and north-up square
     * pixels.
     */
    public static Optional<String> metricProblem(RasterGrid grid) {
        Gdal.init();
        if (grid.crsWkt().isEmpty()) {
            return Optional.of("has no coordinate reference system");
        }
        SpatialReference srs = new SpatialReference(grid.crsWkt());
        try {
            if (srs.IsProjected() != 1) {
                return Optional.of(
                        "is in a geographic CRS (degrees), not a projected one in metres");
            }
            if (Math.abs(srs.GetLinearUnits() - 1) > 1e-9) {
                return Optional.of(
                        "has a projected CRS in " + srs.GetLinearUnitsName() + ", not in metres");
            }
        } finally {
            srs.delete();
        }
        GeoTransform t = grid.transform();
        if (!t.isNorthUp() || t.pixelHeight() >= 0) {
            return Optional.of("is not north-up (its geotransform is rotated or flipped)");
        }
        if (Math.abs(t.pixelWidth() + t.pixelHeight()) > 1e-6 * t.pixelWidth()) {
            return Optional.of(
                    "has pixels of "
                            + t.pixelWidth()
                            + " x "
                            + -t.pixelHeight()
                            + " m, not square");
        }
        return Optional.empty();
    }

    /** The transformed point as {x, y} (lon, lat for geographic targets). */
    public double[] apply(double x, double y) {
        double[] p = transformation.TransformPoint(x, y);
        return new double[] {p[0], p[1]};
    }

    @Override
    public void close() {
        transformation.delete();
        source.delete();
        target.delete();
    }
}
