package dev.s2v.training;

import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.GenerateConfig;
import dev.s2v.dataset.DatasetBuilder;
import dev.s2v.dataset.SceneDiscovery;
import dev.s2v.dataset.SplitPlan;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.ScaleRule;
import dev.s2v.synth.SynthOptions;
import dev.s2v.synth.SyntheticProducts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The synthetic dataset an experiment asks for with {@code dataset.generate_if_missing}: synthetic
 * L1C products or L2A band stacks (kept beside the dataset in {@code <name>-products/}, with their
 * labels and quick looks) cut into tiles of the experiment's bands.
 */
final class SyntheticDataset {
    /** Tiles with more no-data than this share are dropped, as {@code s2v tiles} does. */
    private static final double MAX_NODATA_SHARE = 0.5;

    private SyntheticDataset() {}

    /**
     * Generates the products (unless a previous run left them complete) and builds the dataset.
     *
     * @throws IOException when a file cannot be written
     */
    static void generate(Path folder, ExperimentConfig config, PrintStream out) throws IOException {
        GenerateConfig g = config.dataset().generation().orElseThrow();
        Path products = folder.resolveSibling(folder.getFileName() + "-products");
        long start = System.nanoTime();
        ProductLevel level = ProductLevel.parse(g.level());
        if (!Files.isRegularFile(products.resolve(SyntheticProducts.SCENES_CSV))) {
            out.printf(
                    Locale.ROOT,
                    "generating %d synthetic %s scenes of %d x %d px into %s%n",
                    g.scenes(),
                    level.key(),
                    g.size(),
                    g.size(),
                    products);
            SyntheticProducts.generate(
                    products,
                    new SynthOptions(
                            g.scenes(),
                            g.size(),
                            g.seed(),
                            false,
                            "05.09",
                            true,
                            g.vesselDensity() * SynthOptions.DEFAULT_VESSEL_DENSITY,
                            true,
                            level,
                            level == ProductLevel.L2A
                                    ? config.bandList()
                                    : SynthOptions.STACK_BANDS,
                            level == ProductLevel.L2A));
        }
        out.println("cutting them into " + config.dataset().tileSize() + " px tiles: " + folder);
        DatasetBuilder.build(
                folder,
                SceneDiscovery.scan(products, ScaleRule.auto()),
                new DatasetBuilder.Options(
                        config.bandList(),
                        config.dataset().tileSize(),
                        g.negatives(),
                        MAX_NODATA_SHARE,
                        new SplitPlan(
                                SplitPlan.Rule.parse(g.split()),
                                g.val(),
                                g.test(),
                                g.blockKm(),
                                g.seed()),
                        g.seed(),
                        false,
                        false),
                line -> out.println("  " + line));
        out.printf(Locale.ROOT, "dataset ready in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }
}
