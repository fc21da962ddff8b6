package dev.s2v.cli;

import dev.s2v.training.EpochMetrics;
import dev.s2v.training.Experiments;
import dev.s2v.training.TrainingOutcome;
import dev.s2v.training.TrainingSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Run an experiment from its YAML file: data (generated on first use if the file"
                        + " says so), training with checkpoints, export of the best weights to"
                        + " models/NAME, and the evaluation the file asks for.")
final class TrainCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "The experiment file, e.g. configs/quickstart.yaml.")
    Path config;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description = "Override a key of the file, e.g. --set train.epochs=5 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--resume",
            paramLabel = "DIR",
            description =
                    "Continue a run: its folder (experiments/NAME/TIMESTAMP, from its last"
                            + " checkpoint) or one of its checkpoint folders.")
    Path resume;

    @Option(names = "--overwrite", description = "Replace an existing models/NAME.")
    boolean overwrite;

    @Option(
            names = "--experiments",
            defaultValue = "experiments",
            paramLabel = "DIR",
            description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path experiments;

    @Option(
            names = "--models",
            defaultValue = "models",
            paramLabel = "DIR",
            description = "Where models are exported (default: ${DEFAULT-VALUE}).")
    Path models;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        long start = System.nanoTime();
        TrainingSummary summary =
                Experiments.train(
                        new Experiments.Request(
                                config, overrides, resume, overwrite, experiments, models),
                        out,
                        System.console() != null);
        if (summary.outcome() == TrainingOutcome.INTERRUPTED) {
            return ExitCodes.INTERRUPTED;
        }
        out.println();
        out.printf(
                Locale.ROOT,
                "finished in %s: %s%n",
                duration((System.nanoTime() - start) / 1e9),
                summary.outcome() == TrainingOutcome.STOPPED_EARLY
                        ? "stopped early"
                        : "all epochs run");
        EpochMetrics best = summary.best().orElseThrow();
        out.printf(
                Locale.ROOT,
                "best epoch %d: validation soft Dice %.4f, F1 %.4f (precision %.4f, recall %.4f),"
                        + " IoU %.4f%n",
                best.epoch(),
                best.valDice(),
                best.valF1(),
                best.valPrecision(),
                best.valRecall(),
                best.valIou());
        out.println("run folder  " + summary.runFolder() + "  (metrics.csv, curves.png, log)");
        summary.modelFolder()
                .ifPresent(m -> out.println("model       " + m + "  (model.xml + weights)"));
        return ExitCodes.OK;
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
