package dev.s2v.raster;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One labelled polygon (a vessel outline) with its attributes: an exterior ring without holes, as
 * alternating x and y (easting, northing; or longitude, latitude) in some CRS the caller names.
 *
 * @param xy the ring's vertices {@code x0, y0, x1, y1, ...}; closed or not (the first vertex is not
 *     repeated by this record, writers close the ring)
 * @param properties attribute values (String, Number or Boolean), in the order writers emit them
 */
public record LabelPolygon(double[] xy, Map<String, Object> properties) {

    /** Copies the vertices and attributes, drops a repeated closing vertex, and validates both. */
    public LabelPolygon {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "polygon coordinates come in x, y pairs, got " + xy.length + " numbers");
        }
        int n = xy.length / 2;
        if (n > 1 && xy[0] == xy[2 * n - 2] && xy[1] == xy[2 * n - 1]) {
            n--;
        }
        if (n < 3) {
            throw new IllegalArgumentException(
                    "a polygon needs at least 3 distinct vertices, got " + n);
        }
        xy = Arrays.copyOf(xy, 2 * n);
        for (double v : xy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(
                        "polygon coordinates must be finite, got " + Arrays.toString(xy));
            }
        }
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException(
                        "property '"
                                + e.getKey()
                                + "' must be a String, Number or Boolean, got "
                                + (v == null ? "null" : v.getClass().getSimpleName()));
            }
        }
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Number of vertices (without a closing repeat). */
    public int vertexCount() {
        return xy.length / 2;
    }

    /** The x (easting or longitude) of vertex {@code i}. */
    public double x(int i) {
        return xy[2 * i];
    }

    /** The y (northing or latitude) of vertex {@code i}. */
    public double y(int i) {
        return xy[2 * i + 1];
    }

    /** The vertices, copied. */
    @Override
    public double[] xy() {
        return xy.clone();
    }

    /** The same outline with other attributes. */
    public LabelPolygon withProperties(Map<String, Object> newProperties) {
        return new LabelPolygon(xy, newProperties);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelPolygon p
                && Arrays.equals(xy, p.xy)
                && properties.equals(p.properties);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xy) + properties.hashCode();
    }

    @Override
    public String toString() {
        return "LabelPolygon[" + vertexCount() + " vertices, " + properties + "]";
    }
}
