package dev.s2v.cli;

import dev.s2v.exploration.BandwidthRule;
import dev.s2v.exploration.Exploration;
import dev.s2v.exploration.ExplorationPages;
import dev.s2v.exploration.ExplorationResult;
import dev.s2v.exploration.ExploreOptions;
import dev.s2v.exploration.SplitSelection;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "explore",
        mixinStandardHelpOptions = true,
        description =
                "Chart a dataset before training: per band the reflectance distributions and"
                        + " violins of vessel and background pixels, a two-band scatter, the"
                        + " class imbalance and a separability table (AUC, Bhattacharyya"
                        + " distance), with index.html and summary.md; with --compare, each"
                        + " band's classes beside those of another dataset.")
final class ExploreCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--dataset",
            required = true,
            paramLabel = "DIR",
            description = "The dataset folder, e.g. datasets/NAME.")
    Path dataset;

    @Option(
            names = "--split",
            defaultValue = "train",
            description = "train, val, test or all (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--samples",
            defaultValue = "" + ExploreOptions.DEFAULT_SAMPLES,
            paramLabel = "N",
            description = "Pixels sampled per class (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(
            names = "--max-tiles",
            defaultValue = "" + ExploreOptions.DEFAULT_MAX_TILES,
            paramLabel = "N",
            description =
                    "Tiles read at most; beyond, tiles with and without vessels are subsampled"
                            + " (default: ${DEFAULT-VALUE}).")
    int maxTiles;

    @Option(
            names = "--seed",
            defaultValue = "" + ExploreOptions.DEFAULT_SEED,
            description = "Seed of the sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Output folder (default: DATASET/" + ExploreOptions.DEFAULT_FOLDER + ").")
    Path out;

    @Option(
            names = "--bands",
            paramLabel = "LIST",
            description = "Bands to chart, e.g. B03,B08 (default: all of the dataset's).")
    String bands;

    @Option(
            names = "--scatter",
            defaultValue = ExploreOptions.DEFAULT_SCATTER,
            paramLabel = "X,Y",
            description = "The scatter plot's two bands (default: ${DEFAULT-VALUE}).")
    String scatter;

    @Option(names = "--log-y", description = "Logarithmic density axis on the distributions.")
    boolean logY;

    @Option(
            names = "--bandwidth",
            defaultValue = "silverman",
            description = "Kernel bandwidth rule: silverman or scott (default: ${DEFAULT-VALUE}).")
    String bandwidth;

    @Option(
            names = "--compare",
            paramLabel = "DIR",
            description =
                    "Another dataset folder to compare with, e.g. real scenes against synthetic"
                            + " ones: the bands both have (by name), per class, sampled as the"
                            + " dataset is (same split, samples, tiles and seed).")
    Path compare;

    @Option(
            names = "--compare-name",
            paramLabel = "NAME",
            description = "What charts and pages call the compared dataset (default: its name).")
    String compareName;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<SpectralBand> pair = SpectralBand.parseList(scatter);
        if (pair.size() != 2) {
            throw new IllegalArgumentException(
                    "--scatter needs two bands such as B04,B08, got '" + scatter + "'");
        }
        ExploreOptions options =
                new ExploreOptions(
                        dataset,
                        SplitSelection.parse(split),
                        samples,
                        maxTiles,
                        seed,
                        this.out != null
                                ? this.out
                                : dataset.resolve(ExploreOptions.DEFAULT_FOLDER),
                        bands == null ? List.of() : SpectralBand.parseList(bands),
                        pair.get(0),
                        pair.get(1),
                        logY,
                        BandwidthRule.parse(bandwidth),
                        Optional.ofNullable(compare),
                        Optional.ofNullable(compareName));
        ExplorationResult result = Exploration.run(options, out::println);
        out.println();
        out.println(ExplorationPages.separabilityTable(result));
        if (result.comparison().isPresent()) {
            out.println(ExplorationPages.comparisonSummary(result.comparison().get()));
            out.println();
        }
        out.printf(
                Locale.ROOT,
                "explored %s (%s) in %.1f s: open %s%n",
                result.dataset(),
                result.split().label(),
                result.seconds(),
                result.out().resolve(ExplorationPages.HTML));
        return ExitCodes.OK;
    }
}
