package dev.s2v.evaluation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Evaluation#run} did: the result, where the report went, and how long each phase took.
 *
 * @param result what the evaluation found
 * @param reportFolder the report folder written
 * @param phases the phases in the order they ran
 */
public record EvaluationSummary(EvaluationResult result, Path reportFolder, List<Phase> phases) {

    /**
     * One timed phase.
     *
     * @param name what ran, e.g. "test split"
     * @param tiles tiles read in it (0 for phases that read none)
     * @param seconds wall time
     */
    public record Phase(String name, int tiles, double seconds) {}

    /** Copies the phases. */
    public EvaluationSummary {
        phases = List.copyOf(phases);
    }

    /** The wall time of all phases, seconds. */
    public double seconds() {
        return phases.stream().mapToDouble(Phase::seconds).sum();
    }

    /**
     * The headline numbers as lines for a terminal: the threshold, pixel and vessel scores of the
     * model and the baselines, the model's vessel F1 per length class, and the report's path. As in
     * the report, a ratio whose denominator is empty (the precision of a predictor that predicts
     * nothing) prints as "–" rather than its conventional value.
     */
    public List<String> headline() {
        List<String> lines = new ArrayList<>();
        ThresholdChoice t = result.threshold();
        lines.add(
                String.format(
                        Locale.ROOT,
                        "%s of %s: %d tiles from %d %s; threshold %s (%s; validation F1" + " %s)",
                        result.settings().split().equals(EvaluationSettings.WHOLE_SCENES)
                                ? EvaluationSettings.WHOLE_SCENES
                                : result.settings().split() + " split",
                        result.settings().dataset(),
                        result.tiles().size(),
                        result.scenes().size(),
                        result.scenes().size() == 1 ? "scene" : "scenes",
                        t.threshold(),
                        t.rule(),
                        t.validation().total() == 0
                                ? ReportText.NOT_AVAILABLE
                                : ReportText.ratio(t.validation().f1())));
        lines.add(
                String.format(
                        Locale.ROOT,
                        "  %-20s %9s %9s %9s %7s %9s %9s %9s",
                        "",
                        "pixel P",
                        "pixel R",
                        "pixel F1",
                        "AP",
                        "vessel P",
                        "vessel R",
                        "vessel F1"));
        List<PredictorResult> all = new ArrayList<>();
        all.add(result.model());
        all.addAll(result.baselines());
        for (PredictorResult p : all) {
            ConfusionMatrix m = p.pixels().confusion();
            ObjectScores o = p.objects().overall();
            lines.add(
                    String.format(
                            Locale.ROOT,
                            "  %-20s %9s %9s %9s %7s %9s %9s %9s",
                            p.name(),
                            ReportText.ratio(m.precision(), m.truePositives() + m.falsePositives()),
                            ReportText.ratio(m.recall(), m.positives()),
                            ReportText.ratio(
                                    m.f1(),
                                    m.truePositives() + m.falsePositives() + m.falseNegatives()),
                            ReportText.ratio(p.pixels().averagePrecision()),
                            ReportText.ratio(o.precision(), o.predictedObjects()),
                            ReportText.ratio(o.recall(), o.trueObjects()),
                            ReportText.ratio(o.f1(), o.trueObjects() + o.predictedObjects())));
        }
        StringBuilder bins = new StringBuilder("  model vessel F1 by length:");
        for (LengthBinScores b : result.model().objects().byLength()) {
            ObjectScores s = b.scores();
            bins.append(
                    String.format(
                            Locale.ROOT,
                            " %s %s (%d true, %d predicted);",
                            b.bin().label(),
                            s.trueObjects() == 0 || s.predictedObjects() == 0
                                    ? ReportText.EMPTY
                                    : ReportText.ratio(s.f1()),
                            s.trueObjects(),
                            s.predictedObjects()));
        }
        bins.setLength(bins.length() - 1);
        lines.add(bins.toString());
        lines.add("  " + ReportText.falseAlarms(result.model().objects(), result.settings()));
        lines.add("report: " + reportFolder.resolve(ReportWriter.HTML));
        return lines;
    }
}
