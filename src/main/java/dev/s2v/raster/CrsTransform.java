package dev.s2v.raster;

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
