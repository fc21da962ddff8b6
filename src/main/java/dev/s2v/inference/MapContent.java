package dev.s2v.inference;

import java.util.List;

/** Placeholder until the map branch lands. */
public record MapContent(
        String productId,
        String sensingTime,
        String modelName,
        double threshold,
        MapLayer trueColour,
        List<MapLayer> overlays,
        String vesselsGeoJson) {}
