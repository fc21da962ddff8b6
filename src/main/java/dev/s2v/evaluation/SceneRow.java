package dev.s2v.evaluation;

/**
 * The scores of one scene at the evaluation threshold: the sums of its tiles.
 *
 * @param sceneId the scene
 * @param tiles number of tiles
 * @param confusion pixel counts
 * @param objects vessel counts
 */
public record SceneRow(
        String sceneId, int tiles, ConfusionMatrix confusion, ObjectScores objects) {}
