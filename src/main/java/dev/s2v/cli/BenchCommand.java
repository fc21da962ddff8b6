package dev.s2v.cli;

import dev.s2v.bench.ReadBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks (full-size data; not part of the tests).",
        subcommands = {BenchCommand.Read.class})
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
}
