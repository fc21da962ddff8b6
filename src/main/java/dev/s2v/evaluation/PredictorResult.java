package dev.s2v.evaluation;

import java.util.List;

/**
 * What one predictor (the model or a baseline) scored on the evaluated split.
 *
 * @param name short name for tables, e.g. "model" or "all background"
 * @param description how it predicts, in words
 * @param pixels pixel-level results
 * @param objects vessel-level results
 * @param scenes its results per scene, in the order scenes were scored
 */
public record PredictorResult(
        String name,
        String description,
        PixelMetrics pixels,
        ObjectMetrics objects,
        List<SceneRow> scenes) {

    /** Copies the scenes. */
    public PredictorResult {
        scenes = List.copyOf(scenes);
    }
}
