package dev.s2v.raster;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Vector;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.gdal.ogr.DataSource;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FieldDefn;
import org.gdal.ogr.Geometry;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;
import org.gdal.ogr.ogrConstants;
import org.gdal.osr.CoordinateTransformation;
import org.gdal.osr.SpatialReference;
import org.gdal.osr.osrConstants;

/**
 * Labelled polygons (vessel outlines) from a vector file in any CRS GDAL knows, rasterised onto a
 * pixel grid with GDAL's pixel-centre rule: a pixel is 1 when its centre lies inside a polygon
 * ({@code ALL_TOUCHED} off), so an outline narrower than a pixel may burn no pixel at all. Polygons
 * are reprojected to the grid's CRS first (GDAL's rasteriser does not reproject).
 *
 * <pre>{@code
 * try (VectorLabels labels = VectorLabels.open(Path.of("labels.geojson"))) {
 *     byte[] mask = labels.rasterize(product.grid(), new PixelWindow(0, 0, 64, 64));
 * }
 * }</pre>
 *
 * Not thread-safe: one thread uses one instance.
 */
public final class VectorLabels implements AutoCloseable {
    private static final String ID_FIELD = "label_id";

    private final Path source;
    private final SpatialReference srs;
    private final List<Geometry> geometries;
    private final Map<String, Reprojected> byCrs = new HashMap<>();
    private boolean closed;

    /** The polygons moved to one grid CRS, as an in-memory OGR layer GDAL can rasterise. */
    private record Reprojected(DataSource memory, Layer layer) {}

    private VectorLabels(Path source, SpatialReference srs, List<Geometry> geometries) {
        this.source = source;
        this.srs = srs;
        this.geometries = geometries;
    }

    /**
     * Opens GeoJSON (or any OGR polygon source) and reads every feature of its first layer.
     *
     * @throws java.nio.file.NoSuchFileException when the file does not exist
     * @throws RasterFormatException naming the file and the feature index (or GDAL's message) when
     *     the file is not readable vector data, has no CRS, or holds a feature without a polygon
     */
    public static VectorLabels open(Path path) throws IOException {
        Gdal.init();
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        DataSource data;
        try {
            data = ogr.Open(path.toString(), false);
        } catch (RuntimeException e) {
            throw new RasterFormatException(
                    path, "GDAL cannot read it as vector data: " + e.getMessage(), e);
        }
        if (data == null) {
            // OGR says nothing when no driver recognises the content at all.
            String reason = gdal.GetLastErrorMsg();
            throw new RasterFormatException(
                    path,
                    "GDAL cannot read it as vector data: "
                            + (reason == null || reason.isBlank()
                                    ? "no vector format recognises its content (allowed: GeoJSON,"
                                            + " GeoPackage, Shapefile, or any other format GDAL's"
                                            + " OGR reads)"
                                    : reason));
        }
        try {
            if (data.GetLayerCount() < 1) {
                throw new RasterFormatException(path, "holds no layer");
            }
            Layer layer = data.GetLayer(0);
            SpatialReference layerSrs = layer.GetSpatialRef();
            if (layerSrs == null) {
                throw new RasterFormatException(
                        path, "has no CRS: give the polygons' CRS in the file");
            }
            SpatialReference srs = layerSrs.Clone();
            // Vector files store x/y (lon/lat) whatever axis order the CRS definition declares.
            srs.SetAxisMappingStrategy(osrConstants.OAMS_TRADITIONAL_GIS_ORDER);
            List<Geometry> geometries = new ArrayList<>();
            try {
                readGeometries(path, layer, geometries);
            } catch (RasterFormatException | RuntimeException e) {
                geometries.forEach(Geometry::delete);
                srs.delete();
                throw e;
            }
            return new VectorLabels(path, srs, geometries);
        } finally {
            data.delete();
        }
    }

    private static void readGeometries(Path path, Layer layer, List<Geometry> out)
            throws RasterFormatException {
        layer.ResetReading();
        int index = 0;
        while (true) {
            Feature feature;
            try {
                feature = layer.GetNextFeature();
            } catch (RuntimeException e) {
                throw new RasterFormatException(
                        path, "feature " + index + " cannot be read: " + e.getMessage(), e);
            }
            if (feature == null) {
                return;
            }
            try {
                Geometry geometry = feature.GetGeometryRef();
                if (geometry == null || geometry.IsEmpty()) {
                    throw new RasterFormatException(path, "feature " + index + " has no geometry");
                }
                int type = ogr.GT_Flatten(geometry.GetGeometryType());
                if (type != ogrConstants.wkbPolygon && type != ogrConstants.wkbMultiPolygon) {
                    throw new RasterFormatException(
                            path,
                            "feature "
                                    + index
                                    + " is a "
                                    + ogr.GeometryTypeToName(type)
                                    + ", expected a Polygon or MultiPolygon");
                }
                out.add(geometry.Clone());
            } finally {
                feature.delete();
            }
            index++;
        }
    }

    /**
     * Polygons held in memory, in the CRS of an EPSG code (x/y order: easting/northing or
     * longitude/latitude), as if read from a file; feature {@code i} is {@code polygons.get(i)}.
     */
    public static VectorLabels of(int epsg, List<LabelPolygon> polygons) {
        Gdal.init();
        SpatialReference srs = new SpatialReference();
        srs.ImportFromEPSG(epsg);
        srs.SetAxisMappingStrategy(osrConstants.OAMS_TRADITIONAL_GIS_ORDER);
        List<Geometry> geometries = new ArrayList<>(polygons.size());
        for (LabelPolygon polygon : polygons) {
            geometries.add(toGeometry(polygon));
        }
        return new VectorLabels(Path.of("<memory EPSG:" + epsg + ">"), srs, geometries);
    }

    private static Geometry toGeometry(LabelPolygon polygon) {
        Geometry ring = new Geometry(ogrConstants.wkbLinearRing);
        for (int i = 0; i < polygon.vertexCount(); i++) {
            ring.AddPoint_2D(polygon.x(i), polygon.y(i));
        }
        ring.AddPoint_2D(polygon.x(0), polygon.y(0));
        Geometry geometry = new Geometry(ogrConstants.wkbPolygon);
        geometry.AddGeometryDirectly(ring);
        return geometry;
    }

    /** Number of polygons (features). */
    public int featureCount() {
        return geometries.size();
    }

    /**
     * Whether any polygon intersects the grid's extent (after reprojection to the grid's CRS).
     *
     * @throws RasterFormatException when a polygon cannot be transformed to the grid's CRS
     */
    public boolean intersects(RasterGrid grid) throws IOException {
        Reprojected reprojected = reprojectedTo(grid);
        PixelWindow all = PixelWindow.of(grid.width(), grid.height());
        Geometry extent = extent(grid.window(all));
        try {
            double[] e = envelope(grid.window(all));
            reprojected.layer().SetSpatialFilterRect(e[0], e[2], e[1], e[3]);
            reprojected.layer().ResetReading();
            for (Feature f = reprojected.layer().GetNextFeature();
                    f != null;
                    f = reprojected.layer().GetNextFeature()) {
                try {
                    if (f.GetGeometryRef().Intersects(extent)) {
                        return true;
                    }
                } finally {
                    f.delete();
                }
            }
            return false;
        } finally {
            reprojected.layer().SetSpatialFilter(null);
            extent.delete();
        }
    }

    /**
     * The window of the grid that holds the bounding box of all polygons (after reprojection to the
     * grid's CRS), clipped to the grid, or empty when no polygon reaches the grid.
     *
     * @throws RasterFormatException when a polygon cannot be transformed to the grid's CRS
     */
    public Optional<PixelWindow> pixelBounds(RasterGrid grid) throws IOException {
        if (!intersects(grid)) {
            return Optional.empty();
        }
        double[] e = reprojectedTo(grid).layer().GetExtent();
        double minCol = Double.POSITIVE_INFINITY;
        double maxCol = Double.NEGATIVE_INFINITY;
        double minRow = Double.POSITIVE_INFINITY;
        double maxRow = Double.NEGATIVE_INFINITY;
        for (double x : new double[] {e[0], e[1]}) {
            for (double y : new double[] {e[2], e[3]}) {
                double[] p = grid.transform().pixelOf(x, y);
                minCol = Math.min(minCol, p[0]);
                maxCol = Math.max(maxCol, p[0]);
                minRow = Math.min(minRow, p[1]);
                maxRow = Math.max(maxRow, p[1]);
            }
        }
        int c0 = (int) Math.max(0, Math.floor(minCol));
        int r0 = (int) Math.max(0, Math.floor(minRow));
        int c1 = (int) Math.min(grid.width(), Math.ceil(maxCol));
        int r1 = (int) Math.min(grid.height(), Math.ceil(maxRow));
        if (c1 <= c0 || r1 <= r0) {
            return Optional.empty();
        }
        return Optional.of(new PixelWindow(c0, r0, c1 - c0, r1 - r0));
    }

    /**
     * Rasterises onto a window of the grid (the window may run past the grid's edge): 1 where a
     * pixel centre lies inside a polygon, else 0; row-major, {@code window.pixelCount()} values.
     *
     * @throws RasterFormatException when a polygon cannot be transformed to the grid's CRS
     * @throws IOException when GDAL fails to rasterise
     */
    public byte[] rasterize(RasterGrid grid, PixelWindow window) throws IOException {
        int[] ids = rasterizeFeatureIds(grid, window);
        byte[] mask = new byte[ids.length];
        for (int i = 0; i < ids.length; i++) {
            mask[i] = ids[i] != 0 ? (byte) 1 : 0;
        }
        return mask;
    }

    /**
     * Like {@link #rasterize}, but each pixel holds the 1-based index of a feature whose polygon
     * contains the pixel centre (the later feature where polygons overlap), 0 where none does: an
     * instance mask, and the way to count each polygon's pixels.
     *
     * @throws RasterFormatException when a polygon cannot be transformed to the grid's CRS
     * @throws IOException when GDAL fails to rasterise
     */
    public int[] rasterizeFeatureIds(RasterGrid grid, PixelWindow window) throws IOException {
        Reprojected reprojected = reprojectedTo(grid);
        RasterGrid target = grid.window(window);
        int[] ids = new int[window.pixelCount()];
        Dataset memory =
                gdal.GetDriverByName("MEM")
                        .Create("", window.width(), window.height(), 1, gdalconst.GDT_Int32);
        try {
            memory.SetGeoTransform(target.transform().toArray());
            memory.SetProjection(wktOf(grid));
            double[] e = envelope(target);
            reprojected.layer().SetSpatialFilterRect(e[0], e[2], e[1], e[3]);
            int status =
                    gdal.RasterizeLayer(
                            memory,
                            new int[] {1},
                            reprojected.layer(),
                            null,
                            new Vector<>(List.of("ATTRIBUTE=" + ID_FIELD)));
            if (status != gdalconst.CE_None) {
                throw new IOException(
                        source + ": GDAL cannot rasterise the labels: " + gdal.GetLastErrorMsg());
            }
            memory.GetRasterBand(1)
                    .ReadRaster(0, 0, window.width(), window.height(), gdalconst.GDT_Int32, ids);
        } catch (RuntimeException e) {
            throw new IOException(
                    source + ": GDAL cannot rasterise the labels: " + e.getMessage(), e);
        } finally {
            reprojected.layer().SetSpatialFilter(null);
            memory.delete();
        }
        return ids;
    }

    private Reprojected reprojectedTo(RasterGrid grid) throws RasterFormatException {
        if (closed) {
            throw new IllegalStateException(source + " is closed");
        }
        String wkt = wktOf(grid);
        Reprojected cached = byCrs.get(wkt);
        if (cached != null) {
            return cached;
        }
        SpatialReference target = new SpatialReference(wkt);
        target.SetAxisMappingStrategy(osrConstants.OAMS_TRADITIONAL_GIS_ORDER);
        CoordinateTransformation transform =
                CoordinateTransformation.CreateCoordinateTransformation(srs, target);
        DataSource memory = ogr.GetDriverByName("Memory").CreateDataSource("labels");
        try {
            Layer layer = memory.CreateLayer("labels", target, ogrConstants.wkbUnknown);
            FieldDefn field = new FieldDefn(ID_FIELD, ogrConstants.OFTInteger);
            layer.CreateField(field);
            field.delete();
            for (int i = 0; i < geometries.size(); i++) {
                Geometry moved = geometries.get(i).Clone();
                Feature feature = new Feature(layer.GetLayerDefn());
                try {
                    if (moved.Transform(transform) != 0) {
                        throw new RasterFormatException(
                                source,
                                "feature "
                                        + i
                                        + " cannot be transformed to "
                                        + grid.crsLabel()
                                        + ": "
                                        + gdal.GetLastErrorMsg());
                    }
                    feature.SetField(ID_FIELD, i + 1);
                    feature.SetGeometryDirectly(moved);
                    layer.CreateFeature(feature);
                } catch (RuntimeException e) {
                    throw new RasterFormatException(
                            source,
                            "feature "
                                    + i
                                    + " cannot be transformed to "
                                    + grid.crsLabel()
                                    + ": "
                                    + e.getMessage(),
                            e);
                } finally {
                    feature.delete();
                }
            }
            Reprojected result = new Reprojected(memory, layer);
            byCrs.put(wkt, result);
            return result;
        } catch (RasterFormatException | RuntimeException e) {
            memory.delete();
            throw e;
        } finally {
            transform.delete();
            target.delete();
        }
    }

    private static String wktOf(RasterGrid grid) {
        if (!grid.crsWkt().isEmpty()) {
            return grid.crsWkt();
        }
        if (grid.epsg().isPresent()) {
            return CrsTransform.wktOfEpsg(grid.epsg().getAsInt());
        }
        throw new IllegalArgumentException(
                "the grid has no CRS: labels cannot be placed on it without one");
    }

    /** {minX, maxX, minY, maxY} of a grid's corners (any geotransform). */
    private static double[] envelope(RasterGrid grid) {
        GeoTransform t = grid.transform();
        double[] xs = {
            t.mapX(0, 0),
            t.mapX(grid.width(), 0),
            t.mapX(0, grid.height()),
            t.mapX(grid.width(), grid.height())
        };
        double[] ys = {
            t.mapY(0, 0),
            t.mapY(grid.width(), 0),
            t.mapY(0, grid.height()),
            t.mapY(grid.width(), grid.height())
        };
        return new double[] {
            Math.min(Math.min(xs[0], xs[1]), Math.min(xs[2], xs[3])),
            Math.max(Math.max(xs[0], xs[1]), Math.max(xs[2], xs[3])),
            Math.min(Math.min(ys[0], ys[1]), Math.min(ys[2], ys[3])),
            Math.max(Math.max(ys[0], ys[1]), Math.max(ys[2], ys[3]))
        };
    }

    private static Geometry extent(RasterGrid grid) {
        GeoTransform t = grid.transform();
        Geometry ring = new Geometry(ogrConstants.wkbLinearRing);
        int w = grid.width();
        int h = grid.height();
        int[][] corners = {{0, 0}, {w, 0}, {w, h}, {0, h}, {0, 0}};
        for (int[] c : corners) {
            ring.AddPoint_2D(t.mapX(c[0], c[1]), t.mapY(c[0], c[1]));
        }
        Geometry polygon = new Geometry(ogrConstants.wkbPolygon);
        polygon.AddGeometryDirectly(ring);
        return polygon;
    }

    /**
     * Writes polygons as an RFC 7946 GeoJSON FeatureCollection in EPSG:4326 (longitude, latitude;
     * full double precision, exterior rings counter-clockwise), under a temporary name renamed to
     * {@code path} once complete.
     *
     * @param sourceEpsg the CRS of the polygons' coordinates; 4326 (x = longitude) writes them
     *     unchanged
     * @throws IOException when the file cannot be written
     */
    public static void writeGeoJson(Path path, int sourceEpsg, List<LabelPolygon> polygons)
            throws IOException {
        List<LabelPolygon> wgs84 = sourceEpsg == 4326 ? polygons : toWgs84(sourceEpsg, polygons);
        Path parent = path.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve("." + path.getFileName() + ".partial");
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"FeatureCollection\",\"features\":[");
            for (int i = 0; i < wgs84.size(); i++) {
                out.write(i == 0 ? "\n" : ",\n");
                writeFeature(out, wgs84.get(i));
            }
            out.write("\n]}\n");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(
                temporary,
                path,
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The polygons with their vertices transformed from an EPSG CRS to EPSG:4326 (lon, lat). */
    public static List<LabelPolygon> toWgs84(int sourceEpsg, List<LabelPolygon> polygons) {
        List<LabelPolygon> result = new ArrayList<>(polygons.size());
        try (CrsTransform transform = CrsTransform.between(sourceEpsg, 4326)) {
            for (LabelPolygon polygon : polygons) {
                double[] xy = new double[2 * polygon.vertexCount()];
                for (int i = 0; i < polygon.vertexCount(); i++) {
                    double[] lonLat = transform.apply(polygon.x(i), polygon.y(i));
                    xy[2 * i] = lonLat[0];
                    xy[2 * i + 1] = lonLat[1];
                }
                result.add(new LabelPolygon(xy, polygon.properties()));
            }
        }
        return result;
    }

    private static void writeFeature(Writer out, LabelPolygon polygon) throws IOException {
        StringBuilder s = new StringBuilder("{\"type\":\"Feature\",\"properties\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : polygon.properties().entrySet()) {
            if (!first) {
                s.append(',');
            }
            first = false;
            jsonString(s, e.getKey());
            s.append(':');
            jsonValue(s, e.getValue());
        }
        s.append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
        int n = polygon.vertexCount();
        // RFC 7946: exterior rings run counter-clockwise (positive shoelace area in lon/lat).
        double area = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area += polygon.x(i) * polygon.y(j) - polygon.x(j) * polygon.y(i);
        }
        for (int k = 0; k <= n; k++) {
            int i = area >= 0 ? k % n : (n - k) % n;
            if (k > 0) {
                s.append(',');
            }
            s.append('[')
                    .append(Double.toString(polygon.x(i)))
                    .append(',')
                    .append(Double.toString(polygon.y(i)))
                    .append(']');
        }
        s.append("]]}}");
        out.write(s.toString());
    }

    private static void jsonValue(StringBuilder s, Object value) {
        if (value instanceof String text) {
            jsonString(s, text);
        } else if (value instanceof Boolean b) {
            s.append(b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            s.append(value);
        } else {
            double d = ((Number) value).doubleValue();
            s.append(Double.isFinite(d) ? Double.toString(d) : "null");
        }
    }

    private static void jsonString(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    /**
     * Frees the geometries and the in-memory layers GDAL holds for them; later calls do nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        byCrs.values().forEach(r -> r.memory().delete());
        byCrs.clear();
        geometries.forEach(Geometry::delete);
        srs.delete();
    }
}
