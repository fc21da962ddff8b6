package dev.s2v.inference;

import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.PixelOutline;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.TrackedObject;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vessels from the objects of a predicted mask, written as they are found into the files that list
 * them: {@code vessels.geojson} (RFC 7946: WGS 84 longitude/latitude, exterior rings
 * counter-clockwise) and {@code vessels.csv} with the same attributes. Not thread-safe.
 */
public final class VesselVectors implements AutoCloseable {
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

    /** A step of about 11 m northwards, in degrees of latitude: the probe for true north. */
    private static final double NORTH_PROBE_DEG = 1e-4;

    private final RasterGrid grid;
    private final Path geoJsonFile;
    private final Path csvFile;
    private final Path geoJsonTemporary;
    private final Path csvTemporary;
    private CrsTransform toLonLat;
    private CrsTransform toGrid;
    private Writer geoJson;
    private Writer csv;
    private int count;
    private boolean finished;

    private VesselVectors(RasterGrid grid, Path geoJsonFile, Path csvFile) {
        this.grid = grid;
        this.geoJsonFile = geoJsonFile;
        this.csvFile = csvFile;
        this.geoJsonTemporary =
                geoJsonFile
                        .toAbsolutePath()
                        .resolveSibling("." + geoJsonFile.getFileName() + ".partial");
        this.csvTemporary =
                csvFile.toAbsolutePath().resolveSibling("." + csvFile.getFileName() + ".partial");
    }

    /**
     * Starts both files; vessels are written as they are added, so none need be held, and the files
     * appear under their names only at {@link #commit()}.
     *
     * @param geoJsonFile the GeoJSON file to write
     * @param csvFile the CSV file to write
     * @param grid the grid the objects' masks lie on: north-up with square pixels in metres, in a
     *     known CRS
     * @throws IOException when a file cannot be created
     */
    public static VesselVectors create(Path geoJsonFile, Path csvFile, RasterGrid grid)
            throws IOException {
        VesselVectors vectors = new VesselVectors(grid, geoJsonFile, csvFile);
        try {
            vectors.toLonLat = CrsTransform.toWgs84(grid);
            vectors.toGrid = CrsTransform.fromWgs84(grid);
            vectors.geoJson =
                    Files.newBufferedWriter(vectors.geoJsonTemporary, StandardCharsets.UTF_8);
            vectors.csv = Files.newBufferedWriter(vectors.csvTemporary, StandardCharsets.UTF_8);
            vectors.geoJson.write("{\"type\":\"FeatureCollection\",\"features\":[");
            vectors.csv.write(String.join(",", COLUMNS) + "\n");
            return vectors;
        } catch (IOException | RuntimeException e) {
            try {
                vectors.close();
            } catch (IOException | RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * Measures a complete object and writes it as the next vessel (ids 1, 2, ... in the order
     * objects are added): placed in WGS 84, with its heading turned from grid north to true north
     * at the vessel (the meridian convergence, up to about 3 degrees at the edge of a UTM zone).
     *
     * @param object an object of a mask on the grid
     * @return the vessel written
     * @throws IOException when a file cannot be written
     */
    public Vessel add(TrackedObject object) throws IOException {
        if (finished) {
            throw new IllegalStateException(geoJsonFile + " is already committed or closed");
        }
        Vessel vessel = measure(object, count + 1);
        geoJson.write(count == 0 ? "\n" : ",\n");
        geoJson.write(feature(vessel));
        csv.write(String.join(",", values(vessel)));
        csv.write('\n');
        count++;
        return vessel;
    }

    /** Vessels written so far. */
    public int count() {
        return count;
    }

    private Vessel measure(TrackedObject object, int id) {
        GeoTransform t = grid.transform();
        MaskObject m = object.measure(id, grid.pixelSizeX());
        // The centroid is in integer-centred pixel coordinates; pixel centres lie at +0.5.
        double x = t.mapX(m.centroidCol() + 0.5, m.centroidRow() + 0.5);
        double y = t.mapY(m.centroidCol() + 0.5, m.centroidRow() + 0.5);
        double[] lonLat = toLonLat.apply(x, y);
        double[] north = toGrid.apply(lonLat[0], lonLat[1] + NORTH_PROBE_DEG);
        double trueNorthFromGridNorth = Math.toDegrees(Math.atan2(north[0] - x, north[1] - y));
        return new Vessel(
                id,
                lonLat[0],
                lonLat[1],
                m.lengthM(),
                m.widthM(),
                m.hasAxis() ? fold(m.headingDeg() - trueNorthFromGridNorth) : Double.NaN,
                m.areaM2(),
                m.pixelCount(),
                object.meanValue(),
                object.maxValue(),
                outline(object, m.bounds(), t, toLonLat));
    }

    /**
     * Ends both files and puts them in place.
     *
     * @throws IOException when they cannot be written or renamed
     */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(geoJsonFile + " is already committed or closed");
        }
        finished = true;
        try {
            geoJson.write("\n]}\n");
            geoJson.close();
            csv.close();
            Files.move(
                    geoJsonTemporary,
                    geoJsonFile,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.move(
                    csvTemporary,
                    csvFile,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            discard();
        }
    }

    /** Without a commit, discards the partial files; frees the transforms. */
    @Override
    public void close() throws IOException {
        if (!finished) {
            finished = true;
            discard();
        }
    }

    /** Closes whatever is open and removes the partial files, every step even if one fails. */
    private void discard() throws IOException {
        IOException failure = null;
        for (Closeable c : new Closeable[] {geoJson, csv}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (IOException e) {
                failure = collect(failure, e);
            }
        }
        for (Path partial : List.of(geoJsonTemporary, csvTemporary)) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                failure = collect(failure, e);
            }
        }
        if (toLonLat != null) {
            toLonLat.close();
        }
        if (toGrid != null) {
            toGrid.close();
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException collect(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** A GeoJSON FeatureCollection of vessels (e.g. those a map shows). */
    public static String featureCollection(List<Vessel> vessels) {
        StringBuilder s = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < vessels.size(); i++) {
            s.append(i == 0 ? "\n" : ",\n").append(feature(vessels.get(i)));
        }
        return s.append("\n]}\n").toString();
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
