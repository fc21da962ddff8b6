package dev.s2v.inference;

import dev.s2v.raster.AtomicFiles;
import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.PixelOutline;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.TrackedObject;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vessels from the objects of a predicted mask, and the files that list them: {@code
 * vessels.geojson} (RFC 7946: WGS 84 longitude/latitude, exterior rings counter-clockwise) and
 * {@code vessels.csv} with the same attributes.
 */
public final class VesselVectors {
    /** The attribute columns, in file order. */
    static final List<String> COLUMNS =
            List.of(
                    "id",
                    "lon",
                    "lat",
                    "length_m",
                    "width_m",
                    "heading_deg",
                    "area_m2",
                    "pixels",
                    "mean_probability",
                    "max_probability");

    /**
     * Objects whose bounding box holds more pixels than this get that box as their outline: the
     * outline tracer needs 4 bytes per pixel of the box, and a "vessel" of tens of kilometres is a
     * broken model's artefact whose exact shape nobody needs.
     */
    private static final long MAX_TRACED_BOX_PIXELS = 1L << 24;

    /** A metre northwards is about this many degrees of latitude: the probe for true north. */
    private static final double NORTH_PROBE_DEG = 1e-4;

    private VesselVectors() {}

    /**
     * Measures objects found on a grid (mask coordinates = the grid's pixels): numbered in the
     * raster order of their first pixel, placed in WGS 84, with headings turned from grid north to
     * true north at each vessel (the meridian convergence, up to about 3 degrees at the edge of a
     * UTM zone).
     *
     * @param objects the objects, in any order
     * @param grid the grid the mask lies on; north-up with square pixels, in a known CRS
     */
    public static List<Vessel> measure(List<TrackedObject> objects, RasterGrid grid) {
        List<TrackedObject> sorted = new ArrayList<>(objects);
        sorted.sort(ConnectedComponents.RASTER_ORDER);
        List<Vessel> vessels = new ArrayList<>(sorted.size());
        if (sorted.isEmpty()) {
            return vessels;
        }
        GeoTransform t = grid.transform();
        try (CrsTransform toLonLat = CrsTransform.toWgs84(grid);
                CrsTransform toGrid = CrsTransform.fromWgs84(grid)) {
            for (int i = 0; i < sorted.size(); i++) {
                TrackedObject object = sorted.get(i);
                MaskObject m = object.measure(i + 1, grid.pixelSizeX());
                // The centroid is in integer-centred pixel coordinates; pixel centres lie at +0.5.
                double x = t.mapX(m.centroidCol() + 0.5, m.centroidRow() + 0.5);
                double y = t.mapY(m.centroidCol() + 0.5, m.centroidRow() + 0.5);
                double[] lonLat = toLonLat.apply(x, y);
                double[] north = toGrid.apply(lonLat[0], lonLat[1] + NORTH_PROBE_DEG);
                double trueNorthFromGridNorth =
                        Math.toDegrees(Math.atan2(north[0] - x, north[1] - y));
                vessels.add(
                        new Vessel(
                                m.label(),
                                lonLat[0],
                                lonLat[1],
                                m.lengthM(),
                                m.widthM(),
                                m.lengthM() > m.widthM()
                                        ? fold(m.headingDeg() - trueNorthFromGridNorth)
                                        : Double.NaN,
                                m.areaM2(),
                                m.pixelCount(),
                                object.meanValue(),
                                object.maxValue(),
                                outline(object, m.bounds(), t, toLonLat)));
            }
        }
        return vessels;
    }

    private static double fold(double degrees) {
        double folded = degrees % 180;
        return folded < 0 ? folded + 180 : folded;
    }

    private static List<List<double[]>> outline(
            TrackedObject object, PixelWindow bounds, GeoTransform t, CrsTransform toLonLat) {
        List<PixelOutline.Polygon> traced =
                (long) bounds.width() * bounds.height() > MAX_TRACED_BOX_PIXELS
                        ? List.of(
                                new PixelOutline.Polygon(
                                        new int[] {
                                            bounds.col(), bounds.row(),
                                            bounds.col(), bounds.endRow(),
                                            bounds.endCol(), bounds.endRow(),
                                            bounds.endCol(), bounds.row()
                                        },
                                        List.of()))
                        : object.outline();
        List<List<double[]>> polygons = new ArrayList<>();
        for (PixelOutline.Polygon polygon : traced) {
            List<double[]> rings = new ArrayList<>();
            rings.add(lonLat(polygon.exterior(), t, toLonLat));
            for (int[] hole : polygon.holes()) {
                rings.add(lonLat(hole, t, toLonLat));
            }
            polygons.add(rings);
        }
        return polygons;
    }

    private static double[] lonLat(int[] corners, GeoTransform t, CrsTransform toLonLat) {
        double[] ring = new double[corners.length];
        for (int i = 0; i < corners.length; i += 2) {
            double[] p =
                    toLonLat.apply(
                            t.mapX(corners[i], corners[i + 1]), t.mapY(corners[i], corners[i + 1]));
            ring[i] = p[0];
            ring[i + 1] = p[1];
        }
        return ring;
    }

    /**
     * Writes the vessels as a GeoJSON FeatureCollection: one feature per vessel, its outline as a
     * Polygon (or MultiPolygon when diagonal pixels join pieces), its attributes as properties.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeGeoJson(Path file, List<Vessel> vessels) throws IOException {
        AtomicFiles.write(
                file,
                temporary -> {
                    try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                        out.write("{\"type\":\"FeatureCollection\",\"features\":[");
                        for (int i = 0; i < vessels.size(); i++) {
                            out.write(i == 0 ? "\n" : ",\n");
                            out.write(feature(vessels.get(i)));
                        }
                        out.write("\n]}\n");
                    }
                });
    }

    /** One vessel as a GeoJSON feature. */
    static String feature(Vessel v) {
        StringBuilder s = new StringBuilder("{\"type\":\"Feature\",\"properties\":{");
        List<String> values = values(v);
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                s.append(',');
            }
            String value = values.get(i);
            s.append('"')
                    .append(COLUMNS.get(i))
                    .append("\":")
                    .append(value.isEmpty() ? "null" : value);
        }
        s.append("},\"geometry\":{\"type\":");
        boolean multi = v.outline().size() > 1;
        s.append(multi ? "\"MultiPolygon\",\"coordinates\":[" : "\"Polygon\",\"coordinates\":");
        for (int p = 0; p < v.outline().size(); p++) {
            if (p > 0) {
                s.append(',');
            }
            s.append('[');
            List<double[]> rings = v.outline().get(p);
            for (int r = 0; r < rings.size(); r++) {
                if (r > 0) {
                    s.append(',');
                }
                ring(s, rings.get(r), r == 0);
            }
            s.append(']');
        }
        s.append(multi ? "]}}" : "}}");
        return s.toString();
    }

    /** A closed ring, counter-clockwise when it is an exterior and clockwise when a hole. */
    private static void ring(StringBuilder s, double[] lonLat, boolean exterior) {
        int n = lonLat.length / 2;
        double area = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            area += lonLat[2 * i] * lonLat[2 * j + 1] - lonLat[2 * j] * lonLat[2 * i + 1];
        }
        boolean reverse = exterior ? area < 0 : area > 0;
        s.append('[');
        for (int k = 0; k <= n; k++) {
            int i = reverse ? (n - k % n) % n : k % n;
            if (k > 0) {
                s.append(',');
            }
            s.append(String.format(Locale.ROOT, "[%.7f,%.7f]", lonLat[2 * i], lonLat[2 * i + 1]));
        }
        s.append(']');
    }

    /**
     * Writes the vessels as CSV with a header row, the attributes of the GeoJSON without the
     * outline.
     *
     * @throws IOException when the file cannot be written
     */
    public static void writeCsv(Path file, List<Vessel> vessels) throws IOException {
        StringBuilder s = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Vessel v : vessels) {
            s.append(String.join(",", values(v))).append('\n');
        }
        AtomicFiles.writeString(file, s.toString());
    }

    /** The attribute values as text, in {@link #COLUMNS} order; empty where undefined (NaN). */
    private static List<String> values(Vessel v) {
        return List.of(
                Integer.toString(v.id()),
                number("%.7f", v.lon()),
                number("%.7f", v.lat()),
                number("%.1f", v.lengthM()),
                number("%.1f", v.widthM()),
                number("%.1f", v.headingDeg()),
                number("%.0f", v.areaM2()),
                Integer.toString(v.pixels()),
                number("%.4f", v.meanProbability()),
                number("%.4f", v.maxProbability()));
    }

    private static String number(String format, double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, format, value);
    }
}
