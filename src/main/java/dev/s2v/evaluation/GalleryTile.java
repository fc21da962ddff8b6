package dev.s2v.evaluation;

/**
 * One tile of the report's gallery: what the analyst needs to see why the model erred there. All
 * arrays are row-major, {@code width x height}.
 *
 * @param sceneId the scene of the tile
 * @param tileId the tile
 * @param width columns
 * @param height rows
 * @param red B04 reflectance, NaN = no data
 * @param green B03 reflectance, NaN = no data
 * @param blue B02 reflectance, NaN = no data
 * @param truth nonzero = true vessel
 * @param predicted nonzero = predicted vessel
 * @param probability vessel probability, 0..1
 */
public record GalleryTile(
        String sceneId,
        String tileId,
        int width,
        int height,
        float[] red,
        float[] green,
        float[] blue,
        byte[] truth,
        byte[] predicted,
        float[] probability) {

    /** Validates the sizes. */
    public GalleryTile {
        if (sceneId == null || tileId == null) {
            throw new IllegalArgumentException("a gallery tile needs its scene and tile ids");
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(
                    "a gallery tile needs a positive size, got " + width + " x " + height);
        }
        int n = width * height;
        int[] lengths = {
            red.length,
            green.length,
            blue.length,
            truth.length,
            predicted.length,
            probability.length
        };
        for (int length : lengths) {
            if (length != n) {
                throw new IllegalArgumentException(
                        "gallery tile "
                                + tileId
                                + " is "
                                + width
                                + " x "
                                + height
                                + " but an array has "
                                + length
                                + " values");
            }
        }
    }
}
