package dev.s2v.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s2v.raster.ComponentTracker;
import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.Natives;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.TrackedObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vessels measured on the ground from hand-drawn masks, and the files that list them. */
@Tag("native")
class VesselVectorsTest {
    private static final int SIZE = 60;

    @TempDir Path dir;

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
    }

    /** A 10 m grid of SIZE pixels whose centre lies at a longitude and latitude. */
    private static RasterGrid gridAt(int epsg, double lon, double lat) {
        double[] centre;
        try (CrsTransform t = CrsTransform.between(4326, epsg)) {
            centre = t.apply(lon, lat);
        }
        double half = SIZE * 10 / 2.0;
        return new RasterGrid(
                SIZE,
                SIZE,
                GeoTransform.northUp(centre[0] - half, centre[1] + half, 10),
                CrsTransform.wktOfEpsg(epsg),
                OptionalInt.of(epsg));
    }

    /** A rasterised 20 x 4 pixel hull whose long side points gridHeading clockwise from up. */
    private static byte[] hull(double gridHeadingDeg) {
        double angle = Math.toRadians(gridHeadingDeg);
        double alongCol = Math.sin(angle);
        double alongRow = -Math.cos(angle);
        byte[] mask = new byte[SIZE * SIZE];
        for (int r = 0; r < SIZE; r++) {
            for (int c = 0; c < SIZE; c++) {
                double dc = c + 0.5 - (SIZE / 2.0 + 0.37);
                double dr = r + 0.5 - (SIZE / 2.0 + 0.61);
                double along = dc * alongCol + dr * alongRow;
                double across = -dc * alongRow + dr * alongCol;
                if (Math.abs(along) <= 10 && Math.abs(across) <= 2) {
                    mask[r * SIZE + c] = 1;
                }
            }
        }
        return mask;
    }

    /** Writes the objects as vessels in raster order, as files in the test's folder. */
    private List<Vessel> vessels(List<TrackedObject> objects, RasterGrid grid) throws IOException {
        List<TrackedObject> sorted = new ArrayList<>(objects);
        sorted.sort(ConnectedComponents.RASTER_ORDER);
        List<Vessel> vessels = new ArrayList<>();
        try (VesselVectors out =
                VesselVectors.create(
                        dir.resolve("vessels.geojson"), dir.resolve("vessels.csv"), grid)) {
            for (TrackedObject o : sorted) {
                vessels.add(out.add(o));
            }
            out.commit();
        }
        return vessels;
    }

    private static List<TrackedObject> objects(byte[] mask, float[] values) {
        List<TrackedObject> found = new ArrayList<>();
        ComponentTracker tracker = new ComponentTracker(SIZE, found::add);
        tracker.addRows(mask, null, values, SIZE);
        tracker.finish();
        return found;
    }

    @Test
    void aHullAtThirtyDegreesOnTheCentralMeridianMeasuresItsSidesAndHeading() throws IOException {
        // 9 degrees east is the central meridian of UTM zone 32: grid north is true north.
        RasterGrid grid = gridAt(32632, 9.0, 54.0);
        byte[] mask = hull(30);
        float[] values = new float[mask.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = mask[i] != 0 ? 0.5f + 0.4f * (i % 2) : 0.1f;
        }
        List<Vessel> vessels = vessels(objects(mask, values), grid);
        assertEquals(1, vessels.size());
        Vessel v = vessels.get(0);
        assertEquals(1, v.id());
        assertEquals(200, v.lengthM(), 10);
        assertEquals(40, v.widthM(), 10);
        assertEquals(30, v.headingDeg(), 2);
        assertEquals(v.pixels() * 100.0, v.areaM2(), 1e-9);
        assertEquals(0.9, v.maxProbability(), 1e-6);
        assertTrue(v.meanProbability() > 0.6 && v.meanProbability() < 0.8);
        assertEquals(9.0, v.lon(), 1e-3);
        assertEquals(54.0, v.lat(), 1e-3);
    }

    @ParameterizedTest
    @CsvSource({"32633, 9.5, 60.0", "32633, 20.5, 60.0", "32720, -57.5, -60.0"})
    void headingsAreFromTrueNorthFarFromTheCentralMeridian(int epsg, double lon, double lat)
            throws IOException {
        RasterGrid grid = gridAt(epsg, lon, lat);
        int zone = epsg % 100;
        double centralMeridian = -183 + 6 * zone;
        // The grid convergence: the angle from true north to grid north, clockwise.
        double convergence =
                Math.toDegrees(
                        Math.atan(
                                Math.tan(Math.toRadians(lon - centralMeridian))
                                        * Math.sin(Math.toRadians(lat))));
        assertTrue(Math.abs(convergence) > 4, "far from the meridian: " + convergence);
        List<TrackedObject> objects = objects(hull(30), null);
        double gridHeading = objects.get(0).measure(1, 10).headingDeg();
        Vessel v = vessels(objects, grid).get(0);
        assertEquals(gridHeading + convergence, v.headingDeg(), 0.05);
    }

    @Test
    void aSquareHasNoHeadingAndDiagonalPiecesAreOneMultiPolygon() throws IOException {
        RasterGrid grid = gridAt(32632, 9.0, 54.0);
        byte[] mask = new byte[SIZE * SIZE];
        for (int r = 10; r < 13; r++) {
            for (int c = 10; c < 13; c++) {
                mask[r * SIZE + c] = 1;
            }
        }
        mask[40 * SIZE + 40] = 1;
        mask[41 * SIZE + 41] = 1;
        List<Vessel> vessels = vessels(objects(mask, null), grid);
        assertEquals(2, vessels.size());
        assertTrue(Double.isNaN(vessels.get(0).headingDeg()));
        assertEquals(1, vessels.get(0).outline().size());
        assertEquals(2, vessels.get(1).outline().size(), "two pixels touching at a corner");

        Path geojson = dir.resolve("vessels.geojson");
        Path csv = dir.resolve("vessels.csv");
        JsonNode features = new ObjectMapper().readTree(geojson.toFile()).get("features");
        assertEquals(2, features.size());
        JsonNode square = features.get(0);
        assertTrue(square.get("properties").get("heading_deg").isNull());
        assertEquals(9, square.get("properties").get("pixels").asInt());
        assertEquals("Polygon", square.get("geometry").get("type").asText());
        JsonNode ring = square.get("geometry").get("coordinates").get(0);
        assertEquals(5, ring.size(), "four corners, closed");
        assertEquals(ring.get(0), ring.get(4));
        assertTrue(signedArea(ring) > 0, "RFC 7946: exterior rings counter-clockwise");
        assertEquals("MultiPolygon", features.get(1).get("geometry").get("type").asText());

        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", VesselVectors.COLUMNS), lines.get(0));
        assertEquals(3, lines.size());
        assertEquals("", lines.get(1).split(",", -1)[5], "no heading for a square");
    }

    private static double signedArea(JsonNode ring) {
        double area = 0;
        for (int i = 0; i + 1 < ring.size(); i++) {
            area +=
                    ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                            - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
        }
        return area;
    }
}
