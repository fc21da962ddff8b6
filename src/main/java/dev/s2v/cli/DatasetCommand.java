package dev.s2v.cli;

import dev.s2v.dataset.DatasetDescriptor;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.DatasetStatistics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tech.tablesaw.api.Table;

@Command(
        name = "dataset",
        mixinStandardHelpOptions = true,
        description = "Look at datasets of tiles.",
        subcommands = {DatasetCommand.Info.class})
final class DatasetCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("s2v dataset: missing command (info)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USER_ERROR;
    }

    @Command(
            name = "info",
            mixinStandardHelpOptions = true,
            description = "Print a dataset's summary from its dataset.yaml and stats/.")
    static final class Info implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The dataset folder.")
        Path folder;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            DatasetFolder dataset = DatasetFolder.open(folder);
            DatasetDescriptor d = dataset.descriptor();
            out.printf("dataset    %s (%s)%n", d.name(), dataset.folder());
            out.printf("bands      %s%n", String.join(", ", d.bands()));
            out.printf(
                    Locale.ROOT,
                    "tiles      %d x %d px; train %d, val %d, test %d%n",
                    d.tileSize(),
                    d.tileSize(),
                    d.tiles().getOrDefault("train", 0),
                    d.tiles().getOrDefault("val", 0),
                    d.tiles().getOrDefault("test", 0));
            out.printf(
                    Locale.ROOT,
                    "split      %s, val %.2f, test %.2f%s%n",
                    d.split().rule(),
                    d.split().val(),
                    d.split().test(),
                    d.split().rule().equals("block")
                            ? String.format(Locale.ROOT, ", blocks of %.1f km", d.split().blockKm())
                            : "");
            out.printf(
                    Locale.ROOT,
                    "kept       all tiles with vessels, %.0f %% of those without (seed %d)%n",
                    d.negatives() * 100,
                    d.seed());
            out.printf(
                    Locale.ROOT,
                    "dropped    %d mostly no-data, %d unsampled negatives, %d at block edges%n",
                    d.dropped().nodata(),
                    d.dropped().negativesNotSampled(),
                    d.dropped().blockEdges());
            out.printf(
                    Locale.ROOT,
                    "pos weight %.1f background pixels per vessel pixel (training split)%n",
                    d.positiveClassWeight());
            out.println("sources");
            for (DatasetDescriptor.Source s : d.sources()) {
                out.printf(
                        Locale.ROOT,
                        "  %-5s %5d tiles  %s (%d x %d, %s)%n",
                        s.split(),
                        s.tilesKept(),
                        s.sceneId(),
                        s.width(),
                        s.height(),
                        s.crs());
            }
            out.println("normalization (training split)");
            for (int b = 0; b < d.bands().size(); b++) {
                out.printf(
                        Locale.ROOT,
                        "  %-4s max %.4f  mean %.4f  std %.4f%n",
                        d.bands().get(b),
                        d.normalization().max().get(b),
                        d.normalization().mean().get(b),
                        d.normalization().std().get(b));
            }
            out.println();
            out.println(
                    DatasetStatistics.summary(
                            dataset.statistics(DatasetStatistics.CLASS_BALANCE),
                            dataset.statistics(DatasetStatistics.TILE_VESSEL_FRACTION),
                            dataset.statistics(DatasetStatistics.OBJECTS_BY_LENGTH)));
            Table bands = dataset.statistics(DatasetStatistics.BAND_STATISTICS);
            out.println();
            out.println(
                    DatasetStatistics.styled(
                                    bands.where(bands.stringColumn("split").isEqualTo("all")))
                            .printAll());
            return ExitCodes.OK;
        }
    }
}
