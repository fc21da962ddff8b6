package dev.s2v.exploration;

/**
 * What an exploration read and kept: the tiles of the chosen splits are split into those with and
 * without vessels, each group read whole or as a seeded random subset, and the pixels read enter a
 * weighted reservoir per class (background pixels weighted by how many tiles of their group each
 * read tile stands for, so the sample stays representative of all tiles).
 *
 * @param vesselTiles tiles with vessels in the chosen splits
 * @param vesselTilesRead of which were read
 * @param otherTiles tiles without vessels in the chosen splits
 * @param otherTilesRead of which were read
 * @param vesselPixelsRead vessel pixels in the tiles read
 * @param backgroundPixelsRead background pixels in the tiles read
 * @param noDataPixels pixels of the tiles read left out because a band had no data there
 * @param samplesPerClass the reservoir size of each class
 * @param seed seed of the tile subsets and the reservoirs
 * @param seconds wall time of the reading and sampling
 */
public record SamplingSummary(
        int vesselTiles,
        int vesselTilesRead,
        int otherTiles,
        int otherTilesRead,
        long vesselPixelsRead,
        long backgroundPixelsRead,
        long noDataPixels,
        int samplesPerClass,
        long seed,
        double seconds) {

    /** Tiles in the chosen splits. */
    public int tiles() {
        return vesselTiles + otherTiles;
    }

    /** Tiles read. */
    public int tilesRead() {
        return vesselTilesRead + otherTilesRead;
    }

    /** Whether every tile of the chosen splits was read. */
    public boolean readAll() {
        return tilesRead() == tiles();
    }

    /** Pixels of a class in the tiles read. */
    public long pixelsRead(PixelClass pixelClass) {
        return pixelClass == PixelClass.VESSEL ? vesselPixelsRead : backgroundPixelsRead;
    }
}
