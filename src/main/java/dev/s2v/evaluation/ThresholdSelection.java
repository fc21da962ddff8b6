package dev.s2v.evaluation;

/**
 * Chooses the probability threshold on the validation split. The only input is {@link
 * ValidationScores}: no method here can see the split that is evaluated afterwards, so its labels
 * cannot leak into the threshold.
 */
public final class ThresholdSelection {
    /** The rule {@link #f1Best} reports. */
    public static final String F1_BEST_RULE = "F1-best on the validation split";

    private ThresholdSelection() {}

    /**
     * The threshold that maximises the pixel F1 of the validation split.
     *
     * <p>Only thresholds strictly between 0 and 1 are candidates (steps 1 to {@code STEPS - 1}). F1
     * only changes at thresholds where some pixel score lies, so the best F1 usually holds over a
     * range of thresholds; the middle of the longest such range is returned (the lowest one when
     * several are equally long). At the edge of the range one validation pixel decides; the middle
     * keeps the largest margin to either side.
     *
     * @throws IllegalArgumentException when the validation split has no vessel pixel (every
     *     threshold that predicts nothing would be "best")
     */
    public static ThresholdChoice f1Best(ValidationScores validation) {
        PixelHistogram histogram = validation.histogram();
        if (histogram.vesselPixels() == 0) {
            throw new IllegalArgumentException(
                    "the validation split has "
                            + histogram.pixels()
                            + " pixels but no vessel pixel, so no threshold can be chosen on it;"
                            + " use a validation split with vessels");
        }
        ConfusionMatrix[] sweep = histogram.confusionAtEveryStep();
        // Thresholds 0 (everything is a vessel) and 1 are no decision rule: a model's threshold
        // lies strictly between.
        int first = 1;
        int last = PixelHistogram.STEPS - 1;
        double best = -1;
        for (int step = first; step <= last; step++) {
            best = Math.max(best, sweep[step].f1());
        }
        int bestStart = -1;
        int bestLength = 0;
        int runStart = -1;
        for (int step = first; step <= last + 1; step++) {
            boolean atBest = step <= last && sweep[step].f1() == best;
            if (atBest && runStart < 0) {
                runStart = step;
            } else if (!atBest && runStart >= 0) {
                if (step - runStart > bestLength) {
                    bestStart = runStart;
                    bestLength = step - runStart;
                }
                runStart = -1;
            }
        }
        int chosen = bestStart + (bestLength - 1) / 2;
        return new ThresholdChoice(new Threshold(chosen), F1_BEST_RULE, sweep[chosen]);
    }
}
