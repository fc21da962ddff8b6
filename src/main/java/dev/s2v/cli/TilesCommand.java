package dev.s2v.cli;

import dev.s2v.dataset.DatasetBuilder;
import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.SplitPlan;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "tiles",
        mixinStandardHelpOptions = true,
        description =
                "Cut labelled products into a dataset of tiles with scene- or block-wise splits,"
                        + " and print its class statistics.")
final class TilesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The dataset folder to create, e.g. datasets/NAME.")
    Path out;

    @Mixin LabelledSceneOptions scenes;

    @Option(
            names = "--tile",
            defaultValue = "64",
            description = "Tile side in pixels (default: ${DEFAULT-VALUE}).")
    int tile;

    @Option(
            names = "--bands",
            defaultValue = "B02,B03,B04,B08,B8A,B11,B12",
            description = "Bands in the tiles' order (default: ${DEFAULT-VALUE}).")
    String bands;

    @Option(
            names = "--negatives",
            defaultValue = "0.3",
            description = "Share of tiles without vessels to keep (default: ${DEFAULT-VALUE}).")
    double negatives;

    @Option(
            names = "--split",
            defaultValue = "scene",
            description = "scene or block (default: ${DEFAULT-VALUE}); never by random tile.")
    String split;

    @Option(
            names = "--block-km",
            defaultValue = "5",
            description = "Block side for --split block (default: ${DEFAULT-VALUE}).")
    double blockKm;

    @Option(
            names = "--val",
            defaultValue = "0.2",
            description = "Validation share of scenes or blocks (default: ${DEFAULT-VALUE}).")
    double val;

    @Option(
            names = "--test",
            defaultValue = "0.2",
            description = "Test share of scenes or blocks (default: ${DEFAULT-VALUE}).")
    double test;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description =
                    "Seed of the split and the negative sampling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--max-nodata",
            defaultValue = "0.5",
            description =
                    "Drop tiles with more no-data than this share (default: ${DEFAULT-VALUE}).")
    double maxNodata;

    @Option(
            names = "--allow-empty",
            description = "Accept labels that do not overlap their product.")
    boolean allowEmpty;

    @Option(names = "--overwrite", description = "Replace an existing dataset folder.")
    boolean overwrite;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<SpectralBand> bandList = SpectralBand.parseList(bands);
        List<LabelledScene> labelled = scenes.scenes(bandList, out::println);
        DatasetBuilder.Options options =
                new DatasetBuilder.Options(
                        bandList,
                        tile,
                        negatives,
                        maxNodata,
                        new SplitPlan(SplitPlan.Rule.parse(split), val, test, blockKm, seed),
                        seed,
                        allowEmpty,
                        overwrite);
        long start = System.nanoTime();
        DatasetBuilder.Result result =
                DatasetBuilder.build(this.out, labelled, options, line -> out.println(line));
        out.println();
        out.println(result.statistics().summary());
        out.printf(
                Locale.ROOT,
                "%nwrote %s (%d tiles: train %s, val %s, test %s) in %.1f s%n",
                result.folder(),
                result.descriptor().tiles().values().stream().mapToInt(Integer::intValue).sum(),
                result.descriptor().tiles().get("train"),
                result.descriptor().tiles().get("val"),
                result.descriptor().tiles().get("test"),
                (System.nanoTime() - start) / 1e9);
        return ExitCodes.OK;
    }
}
