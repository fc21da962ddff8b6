package dev.s2v.cli;

import dev.s2v.bench.EvaluateBenchmark;
import dev.s2v.bench.PredictBenchmark;
import dev.s2v.bench.ReadBenchmark;
import dev.s2v.bench.WindowsBenchmark;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.files.AtomicFiles;
import dev.s2v.inference.WindowSettings;
import dev.s2v.model.ModelDescriptor;
import dev.s2v.model.TrainedModel;
import dev.s2v.training.TrainingBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks (full-size data; not part of the tests).",
        subcommands = {
            BenchCommand.Read.class,
            BenchCommand.Train.class,
            BenchCommand.Evaluate.class,
            BenchCommand.Predict.class,
            BenchCommand.PredictPhase.class,
            BenchCommand.Windows.class
        })
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USER_ERROR;
    }

    @Command(
            name = "read",
            mixinStandardHelpOptions = true,
            description =
                    "Time the product reader on a full-size 10 m and 20 m JP2 band (written once with GDAL's JP2OpenJPEG, lossless).")
    static final class Read implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(
                names = "--dir",
                defaultValue = "target/bench",
                description =
                        "Where the benchmark product is written and kept (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(
                names = "--size",
                defaultValue = "10980",
                description =
                        "Product width and height at 10 m (default: ${DEFAULT-VALUE}, a full tile).")
        int size;

        @Option(
                names = "--strip-rows",
                defaultValue = "1024",
                description = "Rows per strip for the strip-wise read (default: ${DEFAULT-VALUE}).")
        int stripRows;

        @Override
        public Integer call() throws IOException {
            if (size < 64 || stripRows < 1) {
                throw new IllegalArgumentException(
                        "--size must be at least 64 and --strip-rows at least 1");
            }
            PrintWriter out = spec.commandLine().getOut();
            long start = System.nanoTime();
            Path product = ReadBenchmark.product(dir, size);
            out.printf(
                    "product    %s (ready after %.1f s)%n",
                    product, (System.nanoTime() - start) / 1e9);
            for (ReadBenchmark.Timing t : ReadBenchmark.run(product, stripRows)) {
                out.printf(
                        "%-40s %7.2f s  %6.1f Mpx/s%n",
                        t.what(), t.seconds(), t.megapixels() / t.seconds());
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "evaluate",
            mixinStandardHelpOptions = true,
            description =
                    "Time s2v evaluate on a test split of about N tiles of 64 px (7 bands) with a base-16, depth-4 UNET; the synthetic dataset and an untrained model are built once under --dir.")
    static final class Evaluate implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(
                names = "--dir",
                defaultValue = "target/bench",
                description =
                        "Where the dataset, model and report are kept (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(
                names = "--tiles",
                defaultValue = "10000",
                description = "Test tiles to evaluate, about (default: ${DEFAULT-VALUE}).")
        int tiles;

        @Option(
                names = "--model",
                paramLabel = "DIR",
                description =
                        "A trained model for the dataset's bands and 64 px tiles instead of the untrained base-16 one.")
        Path model;

        @Override
        public Integer call() throws IOException {
            if (tiles < 1) {
                throw new IllegalArgumentException("--tiles must be at least 1, got " + tiles);
            }
            PrintWriter out = spec.commandLine().getOut();
            DatasetFolder dataset = EvaluateBenchmark.dataset(dir, tiles, out::println);
            Path m = model != null ? model : EvaluateBenchmark.untrainedModel(dir, dataset);
            out.printf(
                    Locale.ROOT,
                    "dataset    %s (%d train, %d val, %d test tiles)%nmodel      %s%n",
                    dataset.folder(),
                    dataset.tiles(Split.TRAIN).size(),
                    dataset.tiles(Split.VAL).size(),
                    dataset.tiles(Split.TEST).size(),
                    m);
            EvaluationSummary summary =
                    EvaluateBenchmark.run(m, dataset, dir.resolve("evaluate-report"), out::println);
            out.println();
            for (EvaluationSummary.Phase p : summary.phases()) {
                out.printf(
                        Locale.ROOT,
                        "%-40s %6d tiles %8.1f s %s%n",
                        p.name(),
                        p.tiles(),
                        p.seconds(),
                        p.tiles() > 0
                                ? String.format(
                                        Locale.ROOT, "%6.0f tiles/s", p.tiles() / p.seconds())
                                : "");
            }
            int test = dataset.tiles(Split.TEST).size();
            out.printf(
                    Locale.ROOT,
                    "%-40s %6d tiles %8.1f s%n",
                    "whole evaluation",
                    test,
                    summary.seconds());
            // The validation pass and the baseline fit do not grow with the test split.
            double testSeconds =
                    summary.phases().stream()
                            .filter(p -> p.name().equals("test split"))
                            .mapToDouble(EvaluationSummary.Phase::seconds)
                            .sum();
            out.printf(
                    Locale.ROOT,
                    "%-40s %6d tiles %8.1f s (test split scaled, rest as measured)%n",
                    "whole evaluation at 10 000 test tiles",
                    10_000,
                    summary.seconds() - testSeconds + testSeconds * 10_000 / test);
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "train",
            mixinStandardHelpOptions = true,
            description =
                    "Training and inference tiles/s of the UNET at base 16, 32 and 64 (batch 32) on"
                            + " a dataset's tiles, the share of a step spent on data, and resident"
                            + " memory over 500 steps.")
    static final class Train implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(
                names = "--dataset",
                defaultValue = "datasets/synthetic-demo",
                description =
                        "Tiles to train on (default: ${DEFAULT-VALUE}, made by the quickstart).")
        Path dataset;

        @Option(
                names = "--filters",
                defaultValue = "16,32,64",
                split = ",",
                description = "Widths to time (default: ${DEFAULT-VALUE}).")
        int[] filters;

        @Option(
                names = "--steps",
                defaultValue = "10",
                description = "Timed steps per width (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(
                names = "--memory-steps",
                defaultValue = "500",
                description =
                        "Steps of base 16 over which resident memory is traced (default:"
                                + " ${DEFAULT-VALUE}; 0 skips it).")
        int memorySteps;

        @Option(
                names = "--batch",
                defaultValue = "32",
                description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batch;

        @Override
        public Integer call() throws IOException {
            if (steps < 1 || batch < 1 || memorySteps < 0) {
                throw new IllegalArgumentException(
                        "--steps and --batch must be at least 1, --memory-steps at least 0");
            }
            PrintWriter out = spec.commandLine().getOut();
            DatasetFolder tiles = DatasetFolder.open(dataset);
            Path scratch = Files.createTempDirectory("s2v-bench-train");
            try {
                for (TrainingBenchmark.Throughput t :
                        TrainingBenchmark.throughput(tiles, filters, batch, steps, scratch)) {
                    out.println(TrainingBenchmark.format(t));
                    out.flush();
                }
                if (memorySteps > 0) {
                    TrainingBenchmark.MemoryTrace trace =
                            TrainingBenchmark.memory(
                                    tiles,
                                    16,
                                    batch,
                                    memorySteps,
                                    Math.max(1, memorySteps / 5),
                                    scratch);
                    StringBuilder line = new StringBuilder("resident memory (base 16):");
                    for (int i = 0; i < trace.steps().size(); i++) {
                        line.append(
                                String.format(
                                        Locale.ROOT,
                                        "  %d steps %.0f MB",
                                        trace.steps().get(i),
                                        trace.residentMb().get(i)));
                    }
                    out.println(line);
                }
            } finally {
                AtomicFiles.deleteRecursively(scratch);
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "predict",
            mixinStandardHelpOptions = true,
            description =
                    "Time s2v predict on whole synthetic L1C products (2745, 5490 and 10980 px by"
                            + " default) with a base-16 UNET: peak resident memory and time split"
                            + " into decoding, model and writing, beside decoding alone and the"
                            + " model alone, each in a JVM of its own.")
    static final class Predict implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(
                names = "--dir",
                defaultValue = "target/bench",
                description =
                        "Where the products, the model and the outputs are kept (default:"
                                + " ${DEFAULT-VALUE}).")
        Path dir;

        @Option(
                names = "--sizes",
                defaultValue = "2745,5490,10980",
                split = ",",
                description = "Product sides, pixels (default: ${DEFAULT-VALUE}).")
        int[] sizes;

        @Option(
                names = "--model",
                paramLabel = "DIR",
                description =
                        "A model of the quickstart's seven bands instead of the untrained base-16 one.")
        Path model;

        @Mixin WindowOptions windowOptions;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            WindowSettings windows = windowOptions.settings();
            Path m = modelOrDefault(model, dir);
            out.printf(
                    Locale.ROOT,
                    "model %s; windows of %d px overlapping by %d, batch %d%n",
                    m,
                    windows.windowPx(),
                    windows.overlapPx(),
                    windows.batch());
            out.printf(
                    Locale.ROOT,
                    "%-8s %-8s %8s %9s %9s %9s %9s %10s %s%n",
                    "size",
                    "run",
                    "windows",
                    "decode s",
                    "model s",
                    "write s",
                    "total s",
                    "peak RSS",
                    "total / (decode alone + model alone)");
            for (int size : sizes) {
                Path product = PredictBenchmark.product(dir, size, out::println);
                Path outputs = dir.resolve("predict-out-" + size);
                List<PredictBenchmark.Timing> timings = new ArrayList<>();
                for (PredictBenchmark.Phase phase : PredictBenchmark.Phase.values()) {
                    PredictBenchmark.Timing t =
                            PredictBenchmark.inChildJvm(phase, product, m, outputs, windows);
                    timings.add(t);
                    out.printf(
                            Locale.ROOT,
                            "%-8s %-8s %8d %9.1f %9.1f %9.1f %9.1f %7.0f MB%s%n",
                            size + " px",
                            phase.key(),
                            t.windows(),
                            t.decodeSeconds(),
                            t.modelSeconds(),
                            t.writeSeconds(),
                            t.totalSeconds(),
                            t.peakRssMb(),
                            phase == PredictBenchmark.Phase.MODEL
                                    ? String.format(
                                            Locale.ROOT,
                                            " %.2f",
                                            timings.get(0).totalSeconds()
                                                    / (timings.get(1).totalSeconds()
                                                            + t.totalSeconds()))
                                    : "");
                    out.flush();
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "predict-phase",
            hidden = true,
            description = "One measurement of bench predict, in this JVM (used by bench predict).")
    static final class PredictPhase implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--phase", required = true)
        String phase;

        @Option(names = "--product", required = true)
        Path product;

        @Option(names = "--model", required = true)
        Path model;

        @Option(names = "--out", required = true)
        Path out;

        @Mixin WindowOptions windows;

        @Override
        public Integer call() throws IOException {
            PredictBenchmark.Timing t =
                    PredictBenchmark.runPhase(
                            PredictBenchmark.Phase.valueOf(phase.toUpperCase(Locale.ROOT)),
                            product,
                            model,
                            out,
                            windows.settings());
            spec.commandLine().getOut().println(t.line());
            return ExitCodes.OK;
        }
    }

    @Command(
            name = "windows",
            mixinStandardHelpOptions = true,
            description =
                    "How the window size and overlap of s2v predict change the network's cost per"
                            + " pixel and the probabilities, against a reference with far more"
                            + " context than the network uses, and against 64 px tiles away from"
                            + " their borders.")
    static final class Windows implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(
                names = "--dir",
                defaultValue = "target/bench",
                description = "Where products and outputs are kept (default: ${DEFAULT-VALUE}).")
        Path dir;

        @Option(
                names = "--size",
                defaultValue = "2745",
                description = "Product side, pixels (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(
                names = "--model",
                paramLabel = "DIR",
                description =
                        "A model of the quickstart's seven bands (default: models/quickstart where"
                                + " it exists, else an untrained base-16 one).")
        Path model;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            Path m = modelOrDefault(model, dir);
            Path product = PredictBenchmark.product(dir, size, out::println);
            double threshold =
                    ModelDescriptor.read(m.resolve(TrainedModel.DESCRIPTOR_FILE)).threshold();
            WindowSettings reference = new WindowSettings(1024, 512, 1);
            float[] best =
                    WindowsBenchmark.probabilities(
                            m, product, dir.resolve("windows-ref"), reference);
            out.printf(
                    Locale.ROOT,
                    "model %s on a %d px product; reference: windows of %d px overlapping by %d"
                            + " (each pixel has at least %d px of scene around it)%n",
                    m,
                    size,
                    reference.windowPx(),
                    reference.overlapPx(),
                    reference.overlapPx() / 2);
            out.printf(
                    Locale.ROOT,
                    "%-16s %8s %9s %9s %10s %11s %12s %12s%n",
                    "window/overlap",
                    "windows",
                    "model s",
                    "Mpx/s",
                    "peak RSS",
                    "max |dp|",
                    "mean |dp|",
                    "mask flips");
            List<WindowSettings> settings =
                    List.of(
                            new WindowSettings(64, 0, 16),
                            new WindowSettings(128, 32, 4),
                            new WindowSettings(256, 32, 2),
                            new WindowSettings(512, 0, 1),
                            new WindowSettings(512, 16, 1),
                            new WindowSettings(512, 32, 1),
                            new WindowSettings(512, 64, 1),
                            new WindowSettings(1024, 64, 1));
            float[] tiles = null;
            float[] defaults = null;
            for (WindowSettings w : settings) {
                PredictBenchmark.Timing t =
                        PredictBenchmark.inChildJvm(
                                PredictBenchmark.Phase.MODEL,
                                product,
                                m,
                                dir.resolve("windows-out"),
                                w);
                float[] p =
                        WindowsBenchmark.probabilities(m, product, dir.resolve("windows-out"), w);
                WindowsBenchmark.Agreement a = WindowsBenchmark.compare(w, best, p, threshold);
                out.printf(
                        Locale.ROOT,
                        "%-16s %8d %9.1f %9.2f %7.0f MB %11.5f %12.7f %12d%n",
                        w.windowPx() + "/" + w.overlapPx() + " (b" + w.batch() + ")",
                        t.windows(),
                        t.totalSeconds(),
                        (double) size * size / 1e6 / t.totalSeconds(),
                        t.peakRssMb(),
                        a.maxDifference(),
                        a.meanDifference(),
                        a.maskChanges());
                out.flush();
                if (w.windowPx() == 64) {
                    tiles = p;
                }
                if (w.equals(WindowSettings.defaults())) {
                    defaults = p;
                }
            }
            if (tiles != null && defaults != null) {
                out.println();
                out.println(
                        "64 px tiles (no overlap) against the defaults, by distance from the tile"
                                + " border:");
                out.printf(
                        Locale.ROOT,
                        "%-12s %11s %12s %14s %11s %12s%n",
                        "distance",
                        "max |dp|",
                        "mean |dp|",
                        "|dp| > 0.01",
                        "mask flips",
                        "pixels");
                for (double[] row :
                        WindowsBenchmark.awayFromTileBorders(
                                tiles, defaults, size, 64, threshold)) {
                    out.printf(
                            Locale.ROOT,
                            ">= %-2d px %14.5f %12.7f %14d %11d %12d%n",
                            (int) row[0],
                            row[1],
                            row[2],
                            (long) row[3],
                            (long) row[4],
                            (long) row[5]);
                }
            }
            return ExitCodes.OK;
        }
    }

    /** The model a benchmark runs: the given one, else the quickstart's, else an untrained one. */
    private static Path modelOrDefault(Path model, Path dir) throws IOException {
        Path quickstart = Path.of("models", "quickstart");
        if (model != null) {
            return model;
        }
        return Files.isRegularFile(quickstart.resolve(TrainedModel.DESCRIPTOR_FILE))
                ? quickstart
                : PredictBenchmark.untrainedModel(dir);
    }
}
