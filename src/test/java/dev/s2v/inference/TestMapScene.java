package dev.s2v.inference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.RasterGrid;
import java.util.List;
import java.util.OptionalInt;

/**
 * A small synthetic scene for map tests: 300 x 300 pixels of 10 m on EPSG:32632 in the Baltic near
 * Kiel, sea with land in the upper right, a corner without data, and three vessels (rotated
 * rectangles) with their probability, mask and GeoJSON features.
 *
 * @param grid the scene's grid
 * @param red B04 reflectance (NaN = no data)
 * @param green B03 reflectance
 * @param blue B02 reflectance
 * @param probability vessel probability (NaN = no data)
 * @param mask 1 vessel, 0 background, 255 no data
 * @param vesselsGeoJson the vessels as a FeatureCollection in WGS 84
 */
record TestMapScene(
        RasterGrid grid,
        float[] red,
        float[] green,
        float[] blue,
        float[] probability,
        byte[] mask,
        String vesselsGeoJson) {
    static final int SIZE = 300;
    static final double PIXEL_M = 10;

    /** A vessel: centre in pixels, size in metres, heading clockwise from north in degrees. */
    record Vessel(int id, double col, double row, double lengthM, double widthM, double heading) {
        /** Whether a point (in pixels) lies inside the hull. */
        boolean contains(double col, double row) {
            double h = Math.toRadians(heading);
            double dx = col - this.col;
            double dy = row - this.row;
            double along = dx * Math.sin(h) - dy * Math.cos(h);
            double across = dx * Math.cos(h) + dy * Math.sin(h);
            return Math.abs(along) <= lengthM / PIXEL_M / 2
                    && Math.abs(across) <= widthM / PIXEL_M / 2;
        }

        /** The hull's corners in pixels, closed. */
        double[][] corners() {
            double h = Math.toRadians(heading);
            double[] along = {
                Math.sin(h) * lengthM / PIXEL_M / 2, -Math.cos(h) * lengthM / PIXEL_M / 2
            };
            double[] across = {
                Math.cos(h) * widthM / PIXEL_M / 2, Math.sin(h) * widthM / PIXEL_M / 2
            };
            double[][] c = new double[5][];
            int[][] signs = {{1, 1}, {1, -1}, {-1, -1}, {-1, 1}, {1, 1}};
            for (int i = 0; i < 5; i++) {
                c[i] =
                        new double[] {
                            col + signs[i][0] * along[0] + signs[i][1] * across[0],
                            row + signs[i][0] * along[1] + signs[i][1] * across[1]
                        };
            }
            return c;
        }
    }

    static final List<Vessel> VESSELS =
            List.of(
                    new Vessel(1, 80.5, 200.5, 120, 24, 35),
                    new Vessel(2, 150.5, 245.5, 60, 14, 120),
                    new Vessel(3, 60.5, 95.5, 200, 32, 80));

    /** Builds the scene (needs GDAL for the coordinates). */
    static TestMapScene create() {
        RasterGrid grid;
        try (CrsTransform toUtm = CrsTransform.between(4326, 32632)) {
            double[] corner = toUtm.apply(10.25, 54.45);
            grid =
                    new RasterGrid(
                            SIZE,
                            SIZE,
                            GeoTransform.northUp(
                                    Math.round(corner[0] / 100) * 100.0,
                                    Math.round(corner[1] / 100) * 100.0,
                                    PIXEL_M),
                            CrsTransform.wktOfEpsg(32632),
                            OptionalInt.of(32632));
        }
        int n = SIZE * SIZE;
        float[] red = new float[n];
        float[] green = new float[n];
        float[] blue = new float[n];
        float[] probability = new float[n];
        byte[] mask = new byte[n];
        for (int row = 0; row < SIZE; row++) {
            for (int col = 0; col < SIZE; col++) {
                int i = row * SIZE + col;
                double c = col + 0.5;
                double r = row + 0.5;
                if (col + (SIZE - row) < 45) {
                    red[i] = green[i] = blue[i] = probability[i] = Float.NaN;
                    mask[i] = (byte) 255;
                    continue;
                }
                // Deterministic texture: a few crossed waves instead of random noise.
                double texture = Math.sin(c * 0.37 + r * 0.11) * Math.cos(r * 0.23 - c * 0.05);
                boolean land =
                        c > 175 + 30 * Math.sin(r / 35.0) && r < 150 + 20 * Math.cos(c / 25.0);
                double nearest = Double.POSITIVE_INFINITY;
                boolean vessel = false;
                for (Vessel v : VESSELS) {
                    vessel |= v.contains(c, r);
                    nearest = Math.min(nearest, Math.hypot(c - v.col(), r - v.row()));
                }
                if (vessel) {
                    red[i] = 0.21f;
                    green[i] = 0.21f;
                    blue[i] = 0.20f;
                } else if (land) {
                    red[i] = (float) (0.085 + 0.02 * texture);
                    green[i] = (float) (0.10 + 0.02 * texture);
                    blue[i] = (float) (0.065 + 0.01 * texture);
                } else {
                    red[i] = (float) (0.032 + 0.003 * texture);
                    green[i] = (float) (0.052 + 0.003 * texture);
                    blue[i] = (float) (0.085 + 0.004 * texture);
                }
                probability[i] =
                        vessel ? 0.95f : (float) Math.exp(-nearest * nearest / 60.0) * 0.6f;
                mask[i] = (byte) (probability[i] >= 0.5 ? 1 : 0);
            }
        }
        return new TestMapScene(
                grid, red, green, blue, probability, mask, geoJson(grid, probability, mask));
    }

    private static String geoJson(RasterGrid grid, float[] probability, byte[] mask) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        GeoTransform t = grid.transform();
        try (CrsTransform toWgs84 = CrsTransform.toWgs84(grid)) {
            for (Vessel v : VESSELS) {
                ObjectNode feature = features.addObject().put("type", "Feature");
                ArrayNode ring =
                        feature.putObject("geometry")
                                .put("type", "Polygon")
                                .putArray("coordinates")
                                .addArray();
                for (double[] corner : v.corners()) {
                    double[] lonLat =
                            toWgs84.apply(
                                    t.mapX(corner[0], corner[1]), t.mapY(corner[0], corner[1]));
                    ring.addArray().add(lonLat[0]).add(lonLat[1]);
                }
                double[] centre = toWgs84.apply(t.mapX(v.col(), v.row()), t.mapY(v.col(), v.row()));
                int pixels = 0;
                double sum = 0;
                double max = 0;
                for (int i = 0; i < mask.length; i++) {
                    if (mask[i] == 1 && v.contains(i % SIZE + 0.5, i / SIZE + 0.5)) {
                        pixels++;
                        sum += probability[i];
                        max = Math.max(max, probability[i]);
                    }
                }
                feature.putObject("properties")
                        .put("id", v.id())
                        .put("lon", centre[0])
                        .put("lat", centre[1])
                        .put("length_m", v.lengthM())
                        .put("width_m", v.widthM())
                        .put("heading_deg", v.heading())
                        .put("area_m2", pixels * PIXEL_M * PIXEL_M)
                        .put("pixels", pixels)
                        .put("mean_probability", sum / pixels)
                        .put("max_probability", max)
                        .put("note", "<b>synthetic</b>");
            }
        }
        return collection.toString();
    }
}
