package dev.s2v.cli;

import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.Split;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.ThresholdSpec;
import dev.s2v.inference.ProgressMeter;
import dev.s2v.inference.SceneEvaluation;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
            "Score a model on held-out tiles of a dataset (--dataset), or on whole labelled scenes"
                    + " predicted as s2v predict predicts them (--product P --labels L, or --from"
                    + " DIR): pixel metrics (precision, recall, F1 = Dice, IoU, PR curve, AP, ROC"
                    + " AUC) summed over all pixels, vessel metrics (8-connected objects matched"
                    + " one to one within a radius) overall and by length, per scene and per tile,"
                    + " beside baselines, with a gallery of the worst tiles.",
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
            paramLabel = "DIR",
            description = "The dataset folder, e.g. datasets/synthetic-demo.")
    Path dataset;

    @Mixin LabelledSceneOptions scenes;

    @Mixin WindowOptions windows;

    @Option(
            names = "--split",
            defaultValue = "test",
            paramLabel = "SPLIT",
            description =
                    "Datasets: the split to score, test, val or train (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--threshold",
            defaultValue = "auto",
            paramLabel = "auto|P",
            description =
                    "auto: for a dataset the F1-best threshold on the validation split, frozen"
                            + " before the scored split is read; for whole scenes the model's own"
                            + " (model.xml, chosen on validation when it was trained). Or a"
                            + " probability in (0, 1) (default: ${DEFAULT-VALUE}).")
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
            names = "--min-length-m",
            defaultValue = "0",
            paramLabel = "M",
            description =
                    "Set predicted objects shorter than this aside and make shorter true vessels"
                            + " optional, for labels that leave small craft out (default:"
                            + " ${DEFAULT-VALUE}, every object counts).")
    double minLengthM;

    @Option(
            names = "--near-m",
            defaultValue = "100",
            paramLabel = "M",
            description =
                    "A false alarm within this distance of a labelled vessel is near (a fragment or"
                            + " double), farther it is far (default: ${DEFAULT-VALUE}).")
    double nearM;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "The report folder (default: MODEL/eval-DATASET-SPLIT, or MODEL/eval-FOLDER"
                            + " for --from, MODEL/eval-scenes for --product).")
    Path out;

    @Option(names = "--overwrite", description = "Replace an existing report folder.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (scenes.given() == (dataset != null)) {
            throw new IllegalArgumentException(
                    "give either --dataset DIR (tiles) or whole scenes with --product P --labels L"
                            + " (repeatable) or --from DIR");
        }
        ThresholdSpec rule = ThresholdSpec.parse(threshold);
        ObjectMatching matching =
                new ObjectMatching(matchRadiusPx, minLengthM, nearM / Evaluation.PIXEL_SIZE_M);
        EvaluationSummary summary;
        if (scenes.given()) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--split")) {
                throw new IllegalArgumentException(
                        "--split chooses tiles of a dataset; whole scenes are scored whole");
            }
            List<LabelledScene> labelled =
                    scenes.scenes(
                            ModelDescriptor.read(model.resolve(TrainedModel.DESCRIPTOR_FILE))
                                    .bands(),
                            stdout::println);
            String name =
                    scenes.from != null
                            ? scenes.from.toAbsolutePath().normalize().getFileName().toString()
                            : "scenes";
            summary =
                    SceneEvaluation.run(
                            new SceneEvaluation.Request(
                                    model,
                                    labelled,
                                    name,
                                    rule instanceof ThresholdSpec.Fixed f
                                            ? OptionalDouble.of(f.threshold().value())
                                            : OptionalDouble.empty(),
                                    matching,
                                    windows.settings(),
                                    out != null ? out : model.resolve("eval-" + name),
                                    overwrite,
                                    null),
                            stdout::println,
                            new ProgressMeter(
                                    spec.commandLine().getErr(), System.console() != null));
        } else {
            for (String option : List.of("--window", "--overlap", "--batch", "--scale")) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new IllegalArgumentException(
                            option
                                    + " is for whole scenes (--product or --from); a dataset's"
                                    + " tiles are scored as they are");
                }
            }
            Split s = Split.parse(split);
            Path report = out != null ? out : Evaluation.defaultReportFolder(model, dataset, s);
            summary =
                    Evaluation.run(
                            new Evaluation.Request(
                                    model, dataset, s, rule, matching, report, overwrite),
                            stdout::println);
        }
        stdout.println();
        summary.headline().forEach(stdout::println);
        stdout.printf(Locale.ROOT, "evaluated in %.1f s%n", summary.seconds());
        return ExitCodes.OK;
    }
}
