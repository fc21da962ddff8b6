package dev.s2v.cli;

import dev.s2v.dataset.Split;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.ThresholdSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Score a model on held-out tiles of a dataset: pixel metrics (precision, recall, F1 ="
                    + " Dice, IoU, PR curve, AP, ROC AUC) summed over all pixels, vessel metrics"
                    + " (8-connected objects matched one to one within a radius) overall and by"
                    + " length, per scene and per tile, beside an all-background and a spectral"
                    + " threshold baseline, with a gallery of the worst tiles.",
            "Writes report.html (self-contained), report.md, metrics.json, per_scene.csv,"
                    + " per_tile.csv, pr_curve.png, confusion.png and gallery/."
        })
final class EvaluateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "The model folder (model.xml and weights), e.g. models/quickstart.")
    Path model;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "DIR",
            description = "The dataset folder, e.g. datasets/synthetic-demo.")
    Path dataset;

    @Option(
            names = "--split",
            defaultValue = "test",
            paramLabel = "SPLIT",
            description = "The split to score: test, val or train (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--threshold",
            defaultValue = "auto",
            paramLabel = "auto|P",
            description =
                    "auto: the F1-best threshold on the validation split, frozen before the"
                            + " scored split is read; or a probability in (0, 1) (default:"
                            + " ${DEFAULT-VALUE}).")
    String threshold;

    @Option(
            names = "--match-radius-px",
            defaultValue = "5",
            paramLabel = "PX",
            description =
                    "Largest centroid distance of a matched vessel pair, pixels (default:"
                            + " ${DEFAULT-VALUE} = 50 m).")
    double matchRadiusPx;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "The report folder (default: MODEL/eval-DATASET-SPLIT).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing report folder.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Split s = Split.parse(split);
        Path report = out != null ? out : Evaluation.defaultReportFolder(model, dataset, s);
        EvaluationSummary summary =
                Evaluation.run(
                        new Evaluation.Request(
                                model,
                                dataset,
                                s,
                                ThresholdSpec.parse(threshold),
                                new ObjectMatching(matchRadiusPx),
                                report,
                                overwrite),
                        stdout::println);
        stdout.println();
        summary.headline().forEach(stdout::println);
        stdout.printf(Locale.ROOT, "evaluated in %.1f s%n", summary.seconds());
        return ExitCodes.OK;
    }
}
