package dev.s2v.inference;

import dev.s2v.raster.RasterGrid;

/** Placeholder until the map branch lands. */
public final class MapImages {
    private MapImages() {}

    public static MapLayer trueColour(
            String name, RasterGrid grid, float[] red, float[] green, float[] blue) {
        return new MapLayer(name, new byte[0], 0, 0, 1, 1);
    }

    public static MapLayer probability(String name, RasterGrid grid, float[] probability) {
        return new MapLayer(name, new byte[0], 0, 0, 1, 1);
    }

    public static MapLayer mask(String name, RasterGrid grid, byte[] mask) {
        return new MapLayer(name, new byte[0], 0, 0, 1, 1);
    }
}
