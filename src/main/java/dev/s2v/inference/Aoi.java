package dev.s2v.inference;

import dev.s2v.raster.LabelPolygon;
import dev.s2v.raster.VectorLabels;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of a scene to predict: all of it, a longitude/latitude box, or the polygons of a vector
 * file. Pixels outside the area are no data in every output; the outputs' grid is the product's
 * grid cut to the area's bounding window.
 */
public sealed interface Aoi {

    /**
     * The area as polygons GDAL can place on any grid, or empty for the whole scene.
     *
     * @throws IOException when the vector file cannot be read
     */
    Optional<VectorLabels> open() throws IOException;

    /** What a message calls the area. */
    String describe();

    /** The whole scene. */
    record Everywhere() implements Aoi {
        @Override
        public Optional<VectorLabels> open() {
            return Optional.empty();
        }

        @Override
        public String describe() {
            return "the whole product";
        }
    }

    /**
     * A box of WGS 84 longitudes and latitudes; on a UTM grid its edges are curves, which the box
     * follows (each edge is densified before it is reprojected).
     *
     * @param minLon west edge, degrees
     * @param minLat south edge, degrees
     * @param maxLon east edge, degrees
     * @param maxLat north edge, degrees
     */
    record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) implements Aoi {
        private static final int POINTS_PER_EDGE = 32;

        /** Validates the box. */
        public BoundingBox {
            if (!(minLon >= -180 && maxLon <= 180 && minLon < maxLon)
                    || !(minLat >= -90 && maxLat <= 90 && minLat < maxLat)) {
                throw new IllegalArgumentException(
                        "--bbox must be minlon,minlat,maxlon,maxlat in degrees with minlon <"
                                + " maxlon within -180..180 and minlat < maxlat within -90..90, got"
                                + " "
                                + minLon
                                + ","
                                + minLat
                                + ","
                                + maxLon
                                + ","
                                + maxLat);
            }
        }

        /**
         * Parses {@code minlon,minlat,maxlon,maxlat}.
         *
         * @throws IllegalArgumentException naming the expected form
         */
        public static BoundingBox parse(String text) {
            String[] parts = text.split(",");
            if (parts.length != 4) {
                throw new IllegalArgumentException(
                        "--bbox must be four numbers minlon,minlat,maxlon,maxlat, got '"
                                + text
                                + "'");
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                try {
                    v[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(
                            "--bbox must be four numbers minlon,minlat,maxlon,maxlat, got '"
                                    + text
                                    + "'");
                }
            }
            return new BoundingBox(v[0], v[1], v[2], v[3]);
        }

        @Override
        public Optional<VectorLabels> open() {
            double[] ring = new double[8 * POINTS_PER_EDGE];
            int k = 0;
            double[][] corners = {
                {minLon, minLat}, {maxLon, minLat}, {maxLon, maxLat}, {minLon, maxLat}
            };
            for (int edge = 0; edge < 4; edge++) {
                double[] from = corners[edge];
                double[] to = corners[(edge + 1) % 4];
                for (int i = 0; i < POINTS_PER_EDGE; i++) {
                    double t = (double) i / POINTS_PER_EDGE;
                    ring[k++] = from[0] + t * (to[0] - from[0]);
                    ring[k++] = from[1] + t * (to[1] - from[1]);
                }
            }
            return Optional.of(VectorLabels.of(4326, List.of(new LabelPolygon(ring, Map.of()))));
        }

        @Override
        public String describe() {
            return "the box " + minLon + "," + minLat + "," + maxLon + "," + maxLat;
        }
    }

    /**
     * The polygons of a vector file (GeoJSON or anything GDAL reads, any CRS).
     *
     * @param file the file
     */
    record Polygons(Path file) implements Aoi {
        @Override
        public Optional<VectorLabels> open() throws IOException {
            VectorLabels polygons = VectorLabels.open(file);
            if (polygons.featureCount() == 0) {
                polygons.close();
                throw new IllegalArgumentException(
                        file + ": holds no polygon; an area of interest needs at least one");
            }
            return Optional.of(polygons);
        }

        @Override
        public String describe() {
            return file.toString();
        }
    }
}
