package dev.s2v.inference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the map page of one scene shows.
 *
 * @param productId the product's identifier, e.g. {@code S2B_MSIL1C_20240501T102021_...}
 * @param sensingTime when the scene was sensed, ISO-8601 (e.g. {@code 2024-05-01T10:20:21.024Z}),
 *     or empty when unknown
 * @param attribution the imagery's credit line, shown in the map's corner
 * @param modelName the model that found the vessels
 * @param threshold the probability at and above which a pixel counts as vessel, 0..1
 * @param trueColour the base layer: the scene in true colour, whose bounds the map opens on
 * @param overlays layers drawn over it, bottom first, each with a switch (e.g. "Vessel
 *     probability", "Vessel mask")
 * @param vesselsGeoJson the vessels as an RFC 7946 FeatureCollection in WGS 84; every feature's
 *     properties hold its centroid as numbers {@code lon} and {@code lat} (the markers go there),
 *     and may hold {@code id}, {@code length_m}, {@code width_m}, {@code heading_deg}, {@code
 *     area_m2}, {@code pixels}, {@code mean_probability}, {@code max_probability} and anything else
 * @param vesselsFound how many vessels the prediction found: the GeoJSON may hold only the most
 *     probable of them
 */
public record MapContent(
        String productId,
        String sensingTime,
        String attribution,
        String modelName,
        double threshold,
        MapLayer trueColour,
        List<MapLayer> overlays,
        String vesselsGeoJson,
        int vesselsFound) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Validates every field; the GeoJSON is parsed to check its shape. */
    public MapContent {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("map productId must not be blank");
        }
        if (sensingTime == null) {
            throw new IllegalArgumentException("map sensingTime must be ISO-8601 or empty");
        }
        if (!sensingTime.isEmpty()) {
            try {
                DateTimeFormatter.ISO_DATE_TIME.parse(sensingTime);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "map sensingTime must be ISO-8601 (e.g. 2024-05-01T10:20:21Z) or empty,"
                                + " got '"
                                + sensingTime
                                + "'",
                        e);
            }
        }
        if (attribution == null || attribution.isBlank()) {
            throw new IllegalArgumentException("map attribution must not be blank");
        }
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("map modelName must not be blank");
        }
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException(
                    "map threshold must be within 0..1, got " + threshold);
        }
        if (trueColour == null || overlays == null) {
            throw new IllegalArgumentException(
                    "a map needs its true-colour layer and a (possibly empty) list of overlays");
        }
        overlays = List.copyOf(overlays);
        Set<String> names = new HashSet<>();
        List<MapLayer> all = new ArrayList<>(overlays);
        all.add(0, trueColour);
        for (MapLayer layer : all) {
            if (!names.add(layer.name())) {
                throw new IllegalArgumentException(
                        "map layer names must be distinct, '" + layer.name() + "' is repeated");
            }
        }
        int shown = features(vesselsGeoJson).size();
        if (vesselsFound < shown) {
            throw new IllegalArgumentException(
                    "map vesselsFound ("
                            + vesselsFound
                            + ") must count at least the "
                            + shown
                            + " vessels shown");
        }
    }

    /** The number of vessels (features). */
    public int vesselCount() {
        return features(vesselsGeoJson).size();
    }

    private static JsonNode features(String geoJson) {
        if (geoJson == null) {
            throw new IllegalArgumentException(
                    "map vesselsGeoJson must be a FeatureCollection (empty features for none)");
        }
        JsonNode root;
        try {
            root = JSON.readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "map vesselsGeoJson is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode features = root.path("features");
        if (!root.path("type").asText().equals("FeatureCollection") || !features.isArray()) {
            throw new IllegalArgumentException(
                    "map vesselsGeoJson must be a GeoJSON FeatureCollection with a features"
                            + " array");
        }
        for (int i = 0; i < features.size(); i++) {
            JsonNode lon = features.get(i).path("properties").path("lon");
            JsonNode lat = features.get(i).path("properties").path("lat");
            if (!lon.isNumber()
                    || !lat.isNumber()
                    || !(Math.abs(lon.asDouble()) <= 180 && Math.abs(lat.asDouble()) <= 90)) {
                throw new IllegalArgumentException(
                        "map vesselsGeoJson feature "
                                + i
                                + ": properties need numbers lon (-180..180) and lat (-90..90),"
                                + " got lon "
                                + lon
                                + ", lat "
                                + lat);
            }
        }
        return features;
    }
}
