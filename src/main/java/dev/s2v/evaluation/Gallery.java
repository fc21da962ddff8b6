package dev.s2v.evaluation;

import java.util.List;

/**
 * The report's gallery: the worst tiles, then the tiles with the most false alarms far from any
 * labelled vessel, where an analyst tells unlabelled craft from real mistakes.
 *
 * @param worst the worst tiles, worst first
 * @param farFalseAlarms tiles with far false alarms, most first
 */
public record Gallery(List<GalleryTile> worst, List<GalleryTile> farFalseAlarms) {

    /** Copies the lists. */
    public Gallery {
        worst = List.copyOf(worst);
        farFalseAlarms = List.copyOf(farFalseAlarms);
    }

    /** No tiles. */
    public static Gallery empty() {
        return new Gallery(List.of(), List.of());
    }
}
