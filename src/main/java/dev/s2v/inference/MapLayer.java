package dev.s2v.inference;

import dev.s2v.raster.WebMercator;
import java.util.Arrays;

/**
 * A picture for the map page: a PNG in Web Mercator drawn between WGS 84 bounds (see {@link
 * MapImages}, which makes them).
 *
 * @param name what the layer switcher calls it
 * @param png the image as PNG bytes (transparent where there is nothing to show)
 * @param south latitude of the bottom edge in degrees
 * @param west longitude of the left edge in degrees
 * @param north latitude of the top edge in degrees
 * @param east longitude of the right edge in degrees
 */
public record MapLayer(
        String name, byte[] png, double south, double west, double north, double east) {
    private static final byte[] PNG_SIGNATURE = {
        (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'
    };

    /** Validates the name, that the bytes are a PNG, and the bounds. */
    public MapLayer {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a map layer needs a name, got '" + name + "'");
        }
        if (png == null || !isPng(png)) {
            throw new IllegalArgumentException("map layer '" + name + "': the image is no PNG");
        }
        WebMercator.checkBounds("map layer '" + name + "'", south, west, north, east);
    }

    private static boolean isPng(byte[] bytes) {
        return bytes.length >= PNG_SIGNATURE.length
                && Arrays.equals(
                        bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length);
    }
}
