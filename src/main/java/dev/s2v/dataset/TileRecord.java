package dev.s2v.dataset;

/**
 * One row of {@code manifest.csv}: a tile, where it comes from and what it holds.
 *
 * @param tileId unique name, also the file name under {@code tiles/} (plus .tif)
 * @param sceneId the scene it was cut from
 * @param split its split
 * @param row first row of the tile on the scene's 10 m grid
 * @param col first column of the tile on the scene's 10 m grid
 * @param vesselPixels vessel pixels in the tile
 * @param nodataPixels pixels without data in some band, or past the scene's edge
 * @param vesselObjects vessels (8-connected groups of vessel pixels) in the tile
 */
public record TileRecord(
        String tileId,
        String sceneId,
        Split split,
        int row,
        int col,
        int vesselPixels,
        int nodataPixels,
        int vesselObjects) {

    /** The manifest's header, in column order. */
    public static final String HEADER =
            "tile_id,scene_id,split,row,col,vessel_pixels,nodata_pixels,vessel_objects";

    /** Validates the counts and the id (it becomes a file name). */
    public TileRecord {
        if (!tileId.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("tile id '" + tileId + "' is not a safe file name");
        }
        if (vesselPixels < 0 || nodataPixels < 0 || vesselObjects < 0) {
            throw new IllegalArgumentException("tile " + tileId + " has negative counts");
        }
    }

    /** The tile's file, relative to the dataset folder. */
    public String file() {
        return "tiles/" + tileId + ".tif";
    }

    /** Whether the tile holds vessel pixels. */
    public boolean hasVessels() {
        return vesselPixels > 0;
    }

    /** The manifest line (scene ids and tile ids hold no commas). */
    public String toCsv() {
        return String.join(
                ",",
                tileId,
                sceneId,
                split.key(),
                Integer.toString(row),
                Integer.toString(col),
                Integer.toString(vesselPixels),
                Integer.toString(nodataPixels),
                Integer.toString(vesselObjects));
    }

    /**
     * Parses a manifest line.
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static TileRecord parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException(
                    "expected 8 comma-separated fields (" + HEADER + "), got " + f.length);
        }
        try {
            return new TileRecord(
                    f[0],
                    f[1],
                    Split.parse(f[2]),
                    Integer.parseInt(f[3]),
                    Integer.parseInt(f[4]),
                    Integer.parseInt(f[5]),
                    Integer.parseInt(f[6]),
                    Integer.parseInt(f[7]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a count is not an integer: " + e.getMessage());
        }
    }
}
