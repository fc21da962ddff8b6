package dev.s2v.bench;

import dev.s2v.config.Normalization;
import dev.s2v.dataset.ModelInput;
import dev.s2v.inference.Aoi;
import dev.s2v.inference.PredictRequest;
import dev.s2v.inference.Prediction;
import dev.s2v.inference.PredictionSummary;
import dev.s2v.inference.ProbabilityFormat;
import dev.s2v.inference.ProgressMeter;
import dev.s2v.inference.WindowSettings;
import dev.s2v.model.TrainedModel;
import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandSources;
import dev.s2v.raster.BandWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.WindowGrid;
import dev.s2v.synth.SynthOptions;
import dev.s2v.synth.SyntheticProducts;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Times {@code s2v predict} on whole synthetic L1C products of growing size with a base-16 UNET
 * (the quickstart's, or an untrained one of its shape), and measures what it costs beside its two
 * irreducible parts: decoding the product alone (the same strips, nothing else) and the network
 * alone (as many windows of the same size, no reading). Each measurement runs in a JVM of its own,
 * started like the one that runs the benchmark, so that the peak resident memory of one is not the
 * leftover of another.
 */
public final class PredictBenchmark {
    /** The quickstart's bands. */
    static final List<SpectralBand> BANDS = SpectralBand.parseList("B02,B03,B04,B08,B8A,B11,B12");

    /** What the benchmark's base-16, depth-4 UNET takes: multiples of 2^4 pixels. */
    private static final int UNET_MULTIPLE = 16;

    /** The first token of the line a phase run prints for the orchestrator. */
    static final String RESULT = "S2V-BENCH";

    private PredictBenchmark() {}

    /** What is measured in one JVM. */
    public enum Phase {
        /** The whole of {@code s2v predict}. */
        PREDICT,
        /** The strips the prediction reads, and nothing else. */
        DECODE,
        /** The network on as many windows as the prediction runs, on made-up inputs. */
        MODEL;

        /** The name used on the command line. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One measurement.
     *
     * @param phase what ran
     * @param sizePx the product's side
     * @param windows windows predicted (or read)
     * @param decodeSeconds reading and decoding
     * @param modelSeconds inputs and network
     * @param writeSeconds writing the outputs
     * @param totalSeconds wall time of the phase
     * @param peakRssMb the JVM's peak resident memory, MB
     */
    public record Timing(
            Phase phase,
            int sizePx,
            long windows,
            double decodeSeconds,
            double modelSeconds,
            double writeSeconds,
            double totalSeconds,
            double peakRssMb) {

        /** The line a phase run prints. */
        public String line() {
            return String.format(
                    Locale.ROOT,
                    "%s %s %d %d %.3f %.3f %.3f %.3f %.1f",
                    RESULT,
                    phase.key(),
                    sizePx,
                    windows,
                    decodeSeconds,
                    modelSeconds,
                    writeSeconds,
                    totalSeconds,
                    peakRssMb);
        }

        static Timing parse(String line) {
            String[] f = line.trim().split(" ");
            return new Timing(
                    Phase.valueOf(f[1].toUpperCase(Locale.ROOT)),
                    Integer.parseInt(f[2]),
                    Long.parseLong(f[3]),
                    Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]),
                    Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]));
        }
    }

    /**
     * A synthetic product of {@code sizePx} pixels a side, generated into {@code dir} once.
     *
     * @throws IOException when it cannot be written
     */
    public static Path product(Path dir, int sizePx, Consumer<String> log) throws IOException {
        Path folder = dir.resolve("predict-products").resolve(Integer.toString(sizePx));
        Path found = findProduct(folder);
        if (found != null) {
            return found;
        }
        log.accept("generating a " + sizePx + " px synthetic product into " + folder + " (once)");
        SyntheticProducts.generate(
                folder,
                new SynthOptions(
                        1,
                        sizePx,
                        2026,
                        false,
                        "05.09",
                        false,
                        SynthOptions.DEFAULT_VESSEL_DENSITY,
                        true,
                        ProductLevel.L1C,
                        SynthOptions.STACK_BANDS,
                        false),
                scene -> {});
        return findProduct(folder);
    }

    private static Path findProduct(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.walk(folder, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".SAFE"))
                    .findFirst()
                    .orElse(null);
        }
    }

    /**
     * The untrained base-16, depth-4 model of the quickstart's seven bands, made once.
     *
     * @throws IOException when it cannot be written
     */
    public static Path untrainedModel(Path dir) throws IOException {
        return BenchModels.untrainedBase16(
                dir.resolve("predict-model-base16"),
                BANDS,
                64,
                Normalization.max(new double[] {0.3, 0.3, 0.3, 0.5, 0.5, 0.5, 0.4}),
                "bench",
                dir.toString());
    }

    /**
     * Runs one phase in this JVM and returns its timing (the peak memory is this JVM's).
     *
     * @param out where the prediction's outputs go (replaced)
     * @throws IOException when the product cannot be read or the outputs written
     */
    public static Timing runPhase(
            Phase phase, Path product, Path model, Path out, WindowSettings windows)
            throws IOException {
        int size;
        try (BandSource source = BandSources.open(product, ScaleRule.auto())) {
            size = source.grid().width();
        }
        long start = System.nanoTime();
        return switch (phase) {
            case PREDICT -> {
                PredictionSummary s =
                        Prediction.run(
                                new PredictRequest(
                                        model,
                                        product,
                                        out,
                                        windows,
                                        OptionalDouble.empty(),
                                        ProbabilityFormat.UINT8,
                                        new Aoi.Everywhere(),
                                        ScaleRule.auto(),
                                        true),
                                ProgressMeter.silent());
                yield new Timing(
                        phase,
                        size,
                        s.windowsRun(),
                        s.decodeSeconds(),
                        s.modelSeconds(),
                        s.writeSeconds(),
                        s.totalSeconds(),
                        peakRssMb());
            }
            case DECODE -> {
                long windowCount = decodeOnly(product, windows);
                double seconds = (System.nanoTime() - start) / 1e9;
                yield new Timing(phase, size, windowCount, seconds, 0, 0, seconds, peakRssMb());
            }
            case MODEL -> {
                long windowCount = modelOnly(model, size, windows);
                double seconds = (System.nanoTime() - start) / 1e9;
                yield new Timing(phase, size, windowCount, 0, seconds, 0, seconds, peakRssMb());
            }
        };
    }

    /**
     * Reads the strips a prediction reads, as it reads them: the model's bands over each row of
     * windows, into the arrays of the previous strip.
     */
    private static long decodeOnly(Path product, WindowSettings windows) throws IOException {
        try (BandSource source = BandSources.open(product, ScaleRule.auto())) {
            WindowGrid grid = grid(source.grid().width(), source.grid().height(), windows);
            BandWindow strip = null;
            for (int row = 0; row < grid.rows(); row++) {
                strip = source.read(BANDS, grid.span(row, 1), strip);
            }
            return grid.count();
        }
    }

    /** The network on as many windows as a prediction of the size runs, inputs made up. */
    private static long modelOnly(Path model, int size, WindowSettings windows) throws IOException {
        try (TrainedModel m = TrainedModel.load(model)) {
            ModelInput input =
                    new ModelInput(m.descriptor().bands(), m.descriptor().normalization());
            int bands = input.bandCount();
            WindowGrid grid = grid(size, size, windows);
            int side = grid.windowPx();
            float[] values = new float[windows.batch() * bands * side * side];
            SplittableRandom random = new SplittableRandom(1);
            for (int i = 0; i < values.length; i++) {
                values[i] = input.ofReflectance(i % bands, (float) random.nextDouble(0, 0.3));
            }
            for (long done = 0; done < grid.count(); done += windows.batch()) {
                int n = (int) Math.min(windows.batch(), grid.count() - done);
                m.predict(
                        n == windows.batch()
                                ? values
                                : Arrays.copyOf(values, n * bands * side * side),
                        n,
                        side,
                        side);
            }
            return grid.count();
        }
    }

    /** The windows predict lays over a product: the settings fitted to its size. */
    private static WindowGrid grid(int width, int height, WindowSettings windows) {
        return windows.grid(width, height, UNET_MULTIPLE);
    }

    /** This process's peak resident memory (VmHWM), MB; NaN where /proc is missing. */
    static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * Runs one phase in a new JVM started like this one (same Java, options, class path and
     * environment) and returns its timing.
     *
     * @throws IOException when the JVM cannot be started or fails
     */
    public static Timing inChildJvm(
            Phase phase, Path product, Path model, Path out, WindowSettings windows)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.s2v.cli.Main");
        command.addAll(
                List.of(
                        "bench",
                        "predict-phase",
                        "--phase",
                        phase.key(),
                        "--product",
                        product.toString(),
                        "--model",
                        model.toString(),
                        "--out",
                        out.toString(),
                        "--window",
                        Integer.toString(windows.windowPx()),
                        "--overlap",
                        Integer.toString(windows.overlapPx()),
                        "--batch",
                        Integer.toString(windows.batch())));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int code = process.waitFor();
            if (code != 0) {
                throw new IOException(
                        "the " + phase.key() + " run failed (exit " + code + "): " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return output.lines()
                .filter(l -> l.startsWith(RESULT))
                .map(Timing::parse)
                .findFirst()
                .orElseThrow(
                        () ->
                                new IOException(
                                        "no result from the " + phase.key() + " run: " + output));
    }
}
