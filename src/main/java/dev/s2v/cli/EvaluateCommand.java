package dev.s2v.cli;

import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.SceneDiscovery;
import dev.s2v.dataset.Split;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.ThresholdSpec;
import dev.s2v.inference.ProgressMeter;
import dev.s2v.inference.SceneEvaluation;
import dev.s2v.inference.WindowSettings;
import dev.s2v.raster.ScaleRule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
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

    /** One labelled scene. */
    static final class Pair {
        @Option(
                names = "--product",
                required = true,
                paramLabel = "P",
                description = "A whole scene: L1C product (.SAFE, .zip) or GeoTIFF band stack.")
        Path product;

        @Option(
                names = "--labels",
                required = true,
                paramLabel = "L",
                description = "Its vessel polygons (GeoJSON, any CRS) or mask GeoTIFF on its grid.")
        Path labels;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<Pair> pairs = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "DIR",
            description =
                    "A folder of labelled scenes, as s2v synth writes them (each sub-folder a"
                            + " product and its labels.geojson).")
    Path from;

    @Option(
            names = "--window",
            defaultValue = "" + WindowSettings.DEFAULT_WINDOW_PX,
            paramLabel = "PX",
            description = "Whole scenes: window side (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(
            names = "--overlap",
            defaultValue = "" + WindowSettings.DEFAULT_OVERLAP_PX,
            paramLabel = "PX",
            description = "Whole scenes: window overlap (default: ${DEFAULT-VALUE}).")
    int overlap;

    @Option(
            names = "--batch",
            defaultValue = "" + WindowSettings.DEFAULT_BATCH,
            paramLabel = "N",
            description = "Whole scenes: windows per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(
            names = "--scale",
            defaultValue = "auto",
            description =
                    "Whole scenes from GeoTIFF stacks: "
                            + ScaleRule.SYNTAX
                            + " (default: ${DEFAULT-VALUE}).")
    String scale;

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
        boolean scenes = from != null || !pairs.isEmpty();
        if (scenes == (dataset != null)) {
            throw new IllegalArgumentException(
                    "give either --dataset DIR (tiles) or whole scenes with --product P --labels L"
                            + " (repeatable) or --from DIR");
        }
        ThresholdSpec rule = ThresholdSpec.parse(threshold);
        ObjectMatching matching = new ObjectMatching(matchRadiusPx);
        EvaluationSummary summary;
        if (scenes) {
            if (spec.commandLine().getParseResult().hasMatchedOption("--split")) {
                throw new IllegalArgumentException(
                        "--split chooses tiles of a dataset; whole scenes are scored whole");
            }
            ScaleRule stackScale = ScaleRule.parse(scale);
            List<LabelledScene> labelled = new ArrayList<>();
            if (from != null) {
                labelled.addAll(SceneDiscovery.scan(from, stackScale));
            }
            for (Pair p : pairs) {
                labelled.add(new LabelledScene(p.product, p.labels, stackScale));
            }
            String name =
                    from != null
                            ? from.toAbsolutePath().normalize().getFileName().toString()
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
                                    new WindowSettings(window, overlap, batch),
                                    out != null ? out : model.resolve("eval-" + name),
                                    overwrite),
                            stdout::println,
                            new ProgressMeter(
                                    spec.commandLine().getErr(), System.console() != null));
        } else {
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
