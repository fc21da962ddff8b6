package dev.s2v.evaluation;

import java.util.Comparator;

/**
 * The scores of one tile at the evaluation threshold.
 *
 * @param sceneId the scene the tile comes from
 * @param tileId the tile
 * @param confusion pixel counts (valid pixels only); its F1 is the tile's Dice
 * @param objects vessel counts
 * @param farFalseAlarms predicted objects matched to no vessel and farther than the matching's near
 *     distance from every labelled one: unlabelled craft or false alarms on land and water
 */
public record TileRow(
        String sceneId,
        String tileId,
        ConfusionMatrix confusion,
        ObjectScores objects,
        long farFalseAlarms) {

    /**
     * Worst first: lowest Dice, then most wrong pixels (false positives + false negatives), then by
     * scene and tile for a stable order.
     */
    public static final Comparator<TileRow> WORST_FIRST =
            Comparator.comparingDouble((TileRow r) -> r.confusion().f1())
                    .thenComparing(
                            Comparator.comparingLong(
                                            (TileRow r) ->
                                                    r.confusion().falsePositives()
                                                            + r.confusion().falseNegatives())
                                    .reversed())
                    .thenComparing(TileRow::sceneId)
                    .thenComparing(TileRow::tileId);

    /** Validates the identifiers. */
    public TileRow {
        if (sceneId == null || tileId == null || confusion == null || objects == null) {
            throw new IllegalArgumentException("a tile row needs its ids and its counts");
        }
        Ratios.requireCount("farFalseAlarms", farFalseAlarms);
    }
}
