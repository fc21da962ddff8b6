package dev.s2v.evaluation;

/**
 * The probability threshold the evaluation applies, frozen before the evaluated split is scored,
 * and how it was obtained.
 *
 * @param threshold the threshold
 * @param rule how it was chosen, in words, e.g. "F1-best on the validation split"
 * @param validation the validation pixels' confusion matrix at the threshold
 */
public record ThresholdChoice(Threshold threshold, String rule, ConfusionMatrix validation) {

    /** Validates the parts. */
    public ThresholdChoice {
        if (threshold == null || validation == null || rule == null || rule.isBlank()) {
            throw new IllegalArgumentException(
                    "a threshold choice needs a threshold, a rule and the validation counts");
        }
    }
}
