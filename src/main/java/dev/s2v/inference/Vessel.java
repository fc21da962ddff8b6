package dev.s2v.inference;

import java.util.List;

/**
 * One predicted vessel: a connected object of the mask, measured on the ground.
 *
 * @param id 1, 2, ... in the order the vessels were completed, which is the order of their last
 *     rows, top to bottom
 * @param lon longitude of the centroid, WGS 84 degrees
 * @param lat latitude of the centroid, WGS 84 degrees
 * @param lengthM the long side of the minimum-area rectangle of the pixels, metres
 * @param widthM its short side, metres
 * @param headingDeg the direction of the long side, degrees clockwise from true north, 0
 *     (inclusive) to 180 (exclusive): the hull's axis, which has no bow; NaN when the rectangle is
 *     square (one pixel, a round blob) and so has no long side
 * @param areaM2 pixel count times the pixel area, square metres
 * @param pixels pixel count
 * @param meanProbability the mean probability over the pixels
 * @param maxProbability the highest probability of the pixels
 * @param outline the outline of the pixels: polygons (one per 4-connected piece), each a list of
 *     rings (the exterior, then holes), each ring {@code lon0, lat0, lon1, lat1, ...} not closed
 */
public record Vessel(
        int id,
        double lon,
        double lat,
        double lengthM,
        double widthM,
        double headingDeg,
        double areaM2,
        int pixels,
        double meanProbability,
        double maxProbability,
        List<List<double[]>> outline) {

    /** Copies the outline. */
    public Vessel {
        outline = outline.stream().map(List::copyOf).toList();
    }
}
