package dev.s2v.cli;

import dev.s2v.dataset.Split;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.inference.Comparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Score several models on the same held-out scenes of a dataset (the scenes its split"
                    + " gave to validation or test), each predicted whole and scored at its own"
                    + " threshold, beside the spectral-threshold baseline fitted on the dataset's"
                    + " training tiles.",
            "Writes comparison.md and comparison.csv (vessel precision, recall and F1 per scene and"
                    + " overall, pixel F1) and each model's whole-scene report beside them."
        })
final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "DIR",
            description = "The dataset whose held-out scenes are scored.")
    Path dataset;

    @Option(
            names = "--split",
            defaultValue = "val",
            paramLabel = "SPLIT",
            description =
                    "The held-out split whose scenes are scored: val or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "A model folder to score (repeatable; the table keeps their order).")
    List<Path> models;

    @Option(
            names = "--match-radius-px",
            defaultValue = "5",
            paramLabel = "PX",
            description =
                    "Largest centroid distance of a matched pair, pixels (default: ${DEFAULT-VALUE}).")
    double matchRadiusPx;

    @Option(
            names = "--min-length-m",
            defaultValue = "0",
            paramLabel = "M",
            description =
                    "Set predicted objects shorter than this aside and make shorter true vessels"
                            + " optional (default: ${DEFAULT-VALUE}).")
    double minLengthM;

    @Option(
            names = "--near-m",
            defaultValue = "100",
            paramLabel = "M",
            description =
                    "A false alarm this close to a labelled vessel is near (default: ${DEFAULT-VALUE}).")
    double nearM;

    @Mixin WindowOptions windows;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description =
                    "The folder of the table and the reports (default: DATASET/compare-SPLIT).")
    Path out;

    @Option(names = "--overwrite", description = "Replace reports of an earlier comparison.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        Split s = Split.parse(split);
        if (s == Split.TRAIN) {
            throw new IllegalArgumentException(
                    "--split train would score the models on what they learnt from; use val or test");
        }
        Path folder = out != null ? out : dataset.resolve("compare-" + s.key());
        Comparison.run(
                new Comparison.Request(
                        dataset,
                        s,
                        models,
                        new ObjectMatching(
                                matchRadiusPx, minLengthM, nearM / Evaluation.PIXEL_SIZE_M),
                        windows.settings(),
                        folder,
                        overwrite),
                stdout::println);
        stdout.println();
        stdout.print(Files.readString(folder.resolve(Comparison.MARKDOWN)));
        return ExitCodes.OK;
    }
}
