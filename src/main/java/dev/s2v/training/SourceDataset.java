package dev.s2v.training;

import dev.s2v.config.ExperimentConfig;
import dev.s2v.config.SourceConfig;
import dev.s2v.dataset.DatasetBuilder;
import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.SceneDiscovery;
import dev.s2v.dataset.SplitPlan;
import dev.s2v.raster.ScaleRule;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The dataset an experiment asks for with {@code dataset.build_if_missing}: the labelled scenes of
 * a folder (real band stacks with their vessel outlines) cut into tiles of the experiment's bands.
 */
final class SourceDataset {
    /** Tiles with more no-data than this share are dropped, as {@code s2v tiles} does. */
    private static final double MAX_NODATA_SHARE = 0.5;

    private SourceDataset() {}

    /**
     * Builds the dataset from the folder of scenes.
     *
     * @throws NoSuchFileException naming the folder and what belongs in it when it is missing
     * @throws IOException when a scene cannot be read or the dataset written
     */
    static void build(Path folder, ExperimentConfig config, PrintStream out) throws IOException {
        SourceConfig s = config.dataset().source().orElseThrow();
        Path from = Path.of(s.from());
        if (!Files.isDirectory(from)) {
            throw new NoSuchFileException(
                    from.toString(),
                    null,
                    "no such folder of labelled scenes; it should hold, per scene, a GeoTIFF band"
                            + " stack NAME.tif (bands described B02, B03, ...; GDAL scale and"
                            + " offset, or dataset.build_if_missing.scale) beside"
                            + " NAME_labels.geojson (vessel polygons, any CRS) or NAME_mask.tif;"
                            + " copy or link such a folder there, e.g. ln -s /data/sen2ships "
                            + from);
        }
        long start = System.nanoTime();
        out.println("cutting the labelled scenes of " + from + " into tiles: " + folder);
        List<LabelledScene> scenes =
                SceneDiscovery.withBands(
                        SceneDiscovery.scan(from, ScaleRule.parse(s.scale())),
                        config.bandList(),
                        line -> out.println("  " + line));
        DatasetBuilder.build(
                folder,
                scenes,
                new DatasetBuilder.Options(
                        config.bandList(),
                        config.dataset().tileSize(),
                        s.negatives(),
                        MAX_NODATA_SHARE,
                        new SplitPlan(
                                SplitPlan.Rule.parse(s.split()),
                                s.val(),
                                s.test(),
                                s.blockKm(),
                                s.seed()),
                        s.seed(),
                        false,
                        false),
                line -> out.println("  " + line));
        out.printf(Locale.ROOT, "dataset ready in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }
}
