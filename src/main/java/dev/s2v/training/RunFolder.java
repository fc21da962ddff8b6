package dev.s2v.training;

import dev.s2v.config.BuildInfo;
import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.YamlFiles;
import dev.s2v.files.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An experiment run's folder {@code experiments/<name>/<timestamp>/}: the resolved configuration,
 * {@code run.yaml} (seed, s2v version, git commit, what it resumed from), {@code training.log},
 * {@code metrics.csv}, {@code curves.png} and {@code checkpoints/last} and {@code best}.
 */
final class RunFolder {
    static final String RESOLVED_CONFIG = "resolved-config.yaml";
    static final String METRICS = "metrics.csv";
    static final String CURVES = "curves.png";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path folder;
    private final String title;
    private final PrintStream out;
    private final boolean terminal;

    private RunFolder(Path folder, String title, PrintStream out, boolean terminal) {
        this.folder = folder;
        this.title = title;
        this.out = out;
        this.terminal = terminal;
    }

    /**
     * Creates a new run folder under {@code experiments/<name>/} and records the configuration.
     *
     * @param resumedFrom the checkpoint this run continues, or null
     * @throws IOException when the folder cannot be made
     */
    static RunFolder create(
            Path experimentsRoot,
            ExperimentConfig config,
            Path resumedFrom,
            PrintStream out,
            boolean terminal)
            throws IOException {
        Path parent = experimentsRoot.resolve(config.name());
        Files.createDirectories(parent);
        String stamp = LocalDateTime.now().format(STAMP);
        Path folder = parent.resolve(stamp);
        for (int n = 2; Files.exists(folder); n++) {
            folder = parent.resolve(stamp + "-" + n);
        }
        Files.createDirectories(folder.resolve("checkpoints"));
        YamlFiles.write(folder.resolve(RESOLVED_CONFIG), config);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("experiment", config.name());
        run.put("started", LocalDateTime.now().toString());
        run.put("seed", config.seed());
        run.put("s2v_version", BuildInfo.version());
        run.put("git_commit", gitCommit());
        run.put("resumed_from", resumedFrom == null ? "" : resumedFrom.toString());
        run.put("java", System.getProperty("java.version"));
        run.put("cores", Runtime.getRuntime().availableProcessors());
        YamlFiles.write(folder.resolve("run.yaml"), run);
        return new RunFolder(folder, config.name(), out, terminal);
    }

    /** The commit of the working tree s2v runs from, or "unknown" outside a git checkout. */
    private static String gitCommit() {
        try {
            Process git =
                    new ProcessBuilder("git", "rev-parse", "HEAD")
                            .redirectErrorStream(true)
                            .start();
            String sha =
                    new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return git.waitFor() == 0 && sha.matches("[0-9a-f]{40}") ? sha : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    Path folder() {
        return folder;
    }

    Path lastCheckpoint() {
        return folder.resolve("checkpoints").resolve("last");
    }

    Path bestCheckpoint() {
        return folder.resolve("checkpoints").resolve("best");
    }

    /** Prints a line and appends it to {@code training.log}. */
    void log(String line) {
        out.println(line);
        try {
            Files.writeString(
                    folder.resolve("training.log"),
                    line + System.lineSeparator(),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + folder.resolve("training.log"), e);
        }
    }

    Progress progress(int epoch, int epochs, int batches) {
        return new Progress(out, terminal, epoch, epochs, batches);
    }

    /**
     * Records a finished epoch: its log line, {@code metrics.csv} and {@code curves.png}.
     *
     * @throws IOException when a file cannot be written
     */
    void epochDone(
            EpochMetrics m, boolean best, List<EpochMetrics> history, int epochs, int bestEpoch)
            throws IOException {
        double mean = history.stream().mapToDouble(EpochMetrics::seconds).average().orElse(0);
        log(
                String.format(
                        Locale.ROOT,
                        "epoch %d/%d  train loss %.4f  val loss %.4f  val dice %.4f  F1 %.4f"
                                + " (P %.3f R %.3f)  IoU %.4f  lr %.3g  %.0f s  ETA %s%s",
                        m.epoch(),
                        epochs,
                        m.trainLoss(),
                        m.valLoss(),
                        m.valDice(),
                        m.valF1(),
                        m.valPrecision(),
                        m.valRecall(),
                        m.valIou(),
                        m.learningRate(),
                        m.seconds(),
                        Progress.duration(mean * (epochs - m.epoch())),
                        best ? "  [best]" : ""));
        writeMetrics(history);
        CurvesChart.write(folder.resolve(CURVES), title, history, bestEpoch);
    }

    /**
     * Rewrites {@code metrics.csv} with a history (also after a resume, so the file is whole).
     *
     * @throws IOException when it cannot be written
     */
    void writeMetrics(List<EpochMetrics> history) throws IOException {
        StringBuilder csv = new StringBuilder(EpochMetrics.HEADER).append('\n');
        history.forEach(m -> csv.append(m.toCsv()).append('\n'));
        AtomicFiles.writeString(folder.resolve(METRICS), csv.toString());
    }
}
