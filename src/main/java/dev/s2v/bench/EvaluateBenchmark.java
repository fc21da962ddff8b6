package dev.s2v.bench;

import dev.s2v.config.Normalization;
import dev.s2v.dataset.DatasetBuilder;
import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.SceneDiscovery;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.SplitPlan;
import dev.s2v.evaluation.Evaluation;
import dev.s2v.evaluation.EvaluationSummary;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.ThresholdSpec;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.SpectralBand;
import dev.s2v.synth.SynthOptions;
import dev.s2v.synth.SyntheticProducts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Times {@code s2v evaluate} on a test split of a given number of tiles: synthetic L1C products
 * (2048 x 2048 px each, about 1000 tiles of 64 px) cut into a dataset with one scene each for
 * training and validation and the rest for test, and a base-16, depth-4 UNET on the quickstart's
 * seven bands. Everything is built once under the benchmark folder and kept.
 */
public final class EvaluateBenchmark {
    /** The quickstart's bands. */
    static final List<SpectralBand> BANDS = SpectralBand.parseList("B02,B03,B04,B08,B8A,B11,B12");

    /** Tile side, pixels (the quickstart's). */
    static final int TILE = 64;

    /** Side of each synthetic product, pixels. */
    static final int SCENE_PX = 2048;

    private EvaluateBenchmark() {}

    /**
     * The benchmark dataset with at least about {@code tiles} test tiles, built into {@code dir} if
     * not there yet.
     *
     * @param log receives progress lines
     * @throws IOException when it cannot be written
     */
    public static DatasetFolder dataset(Path dir, int tiles, Consumer<String> log)
            throws IOException {
        Path folder = dir.resolve("evaluate-" + tiles).resolve("dataset");
        if (Files.isRegularFile(folder.resolve(DatasetFolder.DESCRIPTOR))) {
            return DatasetFolder.open(folder);
        }
        int perScene = (SCENE_PX / TILE) * (SCENE_PX / TILE);
        int testScenes = (tiles + perScene - 1) / perScene;
        int scenes = testScenes + 2;
        Path products = folder.resolveSibling("products");
        log.accept(
                "generating "
                        + scenes
                        + " synthetic products of "
                        + SCENE_PX
                        + " px into "
                        + products
                        + " (once)");
        SyntheticProducts.generate(
                products,
                new SynthOptions(
                        scenes,
                        SCENE_PX,
                        2025,
                        false,
                        "05.09",
                        false,
                        SynthOptions.DEFAULT_VESSEL_DENSITY,
                        true,
                        ProductLevel.L1C,
                        SynthOptions.STACK_BANDS,
                        false),
                scene -> log.accept("  " + scene.sceneId()));
        log.accept("cutting them into " + TILE + " px tiles: " + folder);
        DatasetBuilder.build(
                folder,
                SceneDiscovery.scan(products, ScaleRule.auto()),
                new DatasetBuilder.Options(
                        BANDS,
                        TILE,
                        1.0,
                        0.5,
                        new SplitPlan(
                                SplitPlan.Rule.SCENE,
                                1.0 / scenes,
                                (double) testScenes / scenes,
                                0,
                                2025),
                        2025,
                        false,
                        true),
                line -> log.accept("  " + line));
        return DatasetFolder.open(folder);
    }

    /**
     * An untrained base-16, depth-4 UNET on the dataset's bands with its normalisation, exported
     * into {@code dir} if not there yet: it costs what a trained one costs to run.
     *
     * @throws IOException when it cannot be written
     */
    public static Path untrainedModel(Path dir, DatasetFolder dataset) throws IOException {
        return BenchModels.untrainedBase16(
                dir.resolve("evaluate-model-base16"),
                dataset.bands(),
                dataset.tileSize(),
                dataset.descriptor().normalization().of(Normalization.Kind.MAX),
                dataset.descriptor().name(),
                dataset.folder().toString());
    }

    /**
     * Evaluates a model on the dataset's test split, replacing the report of an earlier run.
     *
     * @param log receives progress lines
     * @throws IOException when tiles cannot be read or the report written
     */
    public static EvaluationSummary run(
            Path model, DatasetFolder dataset, Path report, Consumer<String> log)
            throws IOException {
        return Evaluation.run(
                new Evaluation.Request(
                        model,
                        dataset.folder(),
                        Split.TEST,
                        new ThresholdSpec.Auto(),
                        ObjectMatching.defaults(),
                        report,
                        true),
                log);
    }
}
