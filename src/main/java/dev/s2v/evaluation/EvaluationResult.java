package dev.s2v.evaluation;

import java.util.List;

/**
 * Everything an evaluation found: the data behind the report.
 *
 * @param settings what was evaluated, and how
 * @param threshold the threshold, chosen on validation before the split was scored
 * @param model the model's results at that threshold
 * @param baselines the baselines' results, scored the same way
 * @param scenes the model's results per scene
 * @param tiles the model's results per tile
 * @param notes what a reader should know about this evaluation beyond the standard protocol (e.g.
 *     how a baseline was fitted), one sentence each
 */
public record EvaluationResult(
        EvaluationSettings settings,
        ThresholdChoice threshold,
        PredictorResult model,
        List<PredictorResult> baselines,
        List<SceneRow> scenes,
        List<TileRow> tiles,
        List<String> notes) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException when the model was scored at another threshold than the one
     *     chosen
     */
    public EvaluationResult {
        if (settings == null || threshold == null || model == null) {
            throw new IllegalArgumentException(
                    "an evaluation result needs settings, a threshold and the model's results");
        }
        if (!model.pixels().threshold().equals(threshold.threshold())) {
            throw new IllegalArgumentException(
                    "the model was scored at threshold "
                            + model.pixels().threshold()
                            + " but "
                            + threshold.threshold()
                            + " was chosen");
        }
        baselines = List.copyOf(baselines);
        scenes = List.copyOf(scenes);
        tiles = List.copyOf(tiles);
        notes = List.copyOf(notes);
    }
}
