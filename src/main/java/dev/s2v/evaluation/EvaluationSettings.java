package dev.s2v.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What was evaluated, and how.
 *
 * @param model the model's name or folder
 * @param dataset the dataset's name or folder
 * @param split the split that was scored, e.g. "test"
 * @param pixelSizeM pixel side, metres
 * @param matching how predicted objects were matched to true vessels
 */
public record EvaluationSettings(
        String model, String dataset, String split, double pixelSizeM, ObjectMatching matching) {

    /** Validates the settings. */
    public EvaluationSettings {
        if (model == null || dataset == null || split == null || matching == null) {
            throw new IllegalArgumentException(
                    "evaluation settings need a model, a dataset, a split and a matching rule");
        }
        if (!(pixelSizeM > 0) || Double.isInfinite(pixelSizeM)) {
            throw new IllegalArgumentException(
                    "pixelSizeM must be positive and finite, got " + pixelSizeM);
        }
    }

    /** The split name of an evaluation of whole scenes rather than of a dataset's tiles. */
    public static final String WHOLE_SCENES = "whole scenes";

    /** What was scored, for sentences: "the test split" or "whole scenes". */
    public String scope() {
        return split.equals(WHOLE_SCENES) ? WHOLE_SCENES : "the " + split + " split";
    }

    /** The matching radius in metres. */
    @JsonProperty
    public double matchRadiusM() {
        return matching.radiusPx() * pixelSizeM;
    }

    /** The width of a probability histogram bin (and the threshold grid spacing). */
    @JsonProperty
    public double histogramBinWidth() {
        return 1.0 / PixelHistogram.STEPS;
    }
}
