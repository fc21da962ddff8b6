package dev.s2v.training;

import dev.s2v.config.DatasetConfig;
import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.ModelConfig;
import dev.s2v.config.TrainConfig;
import dev.s2v.dataset.DatasetFolder;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code s2v bench train}: training and inference throughput of the UNET at several widths on real
 * tiles with the real training step (loading, transforms, loss, Adam), the share of a step spent on
 * data, and the process's resident memory over a long run (it must stay flat).
 */
public final class TrainingBenchmark {
    private static final int WARM_UP_STEPS = 3;

    private TrainingBenchmark() {}

    /**
     * Throughput of one network width.
     *
     * @param filters base filters
     * @param parameters parameter count
     * @param trainTilesPerSecond tiles per second through a training step
     * @param inferTilesPerSecond tiles per second through a forward pass with training off
     * @param dataShare share of the training step spent loading and transforming tiles
     */
    public record Throughput(
            int filters,
            long parameters,
            double trainTilesPerSecond,
            double inferTilesPerSecond,
            double dataShare) {}

    /**
     * Resident memory over a long run of training steps.
     *
     * @param steps the step counts at which memory was read
     * @param residentMb resident set size in MB at those counts
     */
    public record MemoryTrace(List<Integer> steps, List<Double> residentMb) {}

    /**
     * Measures each width: a few warm-up steps, then {@code steps} timed training steps and as many
     * timed inference batches.
     *
     * @throws IOException when tiles cannot be read
     */
    public static List<Throughput> throughput(
            DatasetFolder dataset, int[] filters, int batchSize, int steps, Path scratch)
            throws IOException {
        List<Throughput> results = new ArrayList<>();
        for (int base : filters) {
            ExperimentConfig config = config(dataset, base, batchSize);
            RunFolder run = RunFolder.create(scratch, config, null, quiet(), false);
            try (Training training = new Training(config, dataset, Optional.empty(), run)) {
                training.timeSteps(1, WARM_UP_STEPS);
                double[] timed = training.timeSteps(1, steps);
                training.timeInference(1);
                double inference = training.timeInference(steps);
                results.add(
                        new Throughput(
                                base,
                                training.block().countParameters(),
                                steps * batchSize / timed[0],
                                steps * batchSize / inference,
                                timed[1] / timed[0]));
            }
        }
        return results;
    }

    /**
     * Reads the resident memory every {@code every} steps over {@code steps} training steps.
     *
     * @throws IOException when tiles cannot be read
     */
    public static MemoryTrace memory(
            DatasetFolder dataset, int filters, int batchSize, int steps, int every, Path scratch)
            throws IOException {
        ExperimentConfig config = config(dataset, filters, batchSize);
        RunFolder run = RunFolder.create(scratch, config, null, quiet(), false);
        List<Integer> at = new ArrayList<>();
        List<Double> mb = new ArrayList<>();
        try (Training training = new Training(config, dataset, Optional.empty(), run)) {
            training.timeSteps(1, WARM_UP_STEPS);
            at.add(0);
            mb.add(residentMb());
            for (int done = 0; done < steps; done += every) {
                training.timeSteps(1 + done / every, every);
                at.add(done + every);
                mb.add(residentMb());
            }
        }
        return new MemoryTrace(at, mb);
    }

    private static ExperimentConfig config(DatasetFolder dataset, int filters, int batchSize) {
        TrainConfig d = TrainConfig.defaults();
        return new ExperimentConfig(
                "bench-" + filters,
                42,
                dataset.descriptor().bands(),
                new DatasetConfig(
                        dataset.folder().toString(), dataset.tileSize(), null, null, null),
                new ModelConfig(filters, 4, 0.25, true, "transposed", null),
                new TrainConfig(
                        1,
                        batchSize,
                        "adam",
                        0.001,
                        "dice",
                        d.lossParams(),
                        d.augment(),
                        false,
                        1,
                        0.5,
                        d.earlyStopping(),
                        d.reduceLr()),
                "max",
                null);
    }

    /** Resident set size of this process in MB, from /proc/self/status. */
    static double residentMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("/proc/self/status has no VmRSS line");
    }

    private static PrintStream quiet() {
        return new PrintStream(PrintStream.nullOutputStream());
    }

    /** One line per width, for the console. */
    public static String format(Throughput t) {
        return String.format(
                Locale.ROOT,
                "base %3d  %,11d parameters  train %7.1f tiles/s  infer %7.1f tiles/s  data %.1f %%"
                        + " of a step",
                t.filters(),
                t.parameters(),
                t.trainTilesPerSecond(),
                t.inferTilesPerSecond(),
                100 * t.dataShare());
    }
}
