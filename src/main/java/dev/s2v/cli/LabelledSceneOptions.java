package dev.s2v.cli;

import dev.s2v.dataset.LabelledScene;
import dev.s2v.dataset.SceneDiscovery;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Labelled products given on the command line: pairs, a folder of them, or both. */
final class LabelledSceneOptions {
    /** One labelled product. */
    static final class Pair {
        @Option(
                names = "--product",
                required = true,
                paramLabel = "P",
                description = "L1C product (.SAFE, .zip) or GeoTIFF band stack.")
        Path product;

        @Option(
                names = "--labels",
                required = true,
                paramLabel = "L",
                description = "Its vessel polygons (GeoJSON, any CRS) or mask GeoTIFF on its grid.")
        Path labels;
    }

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<Pair> pairs = new ArrayList<>();

    @Option(
            names = "--from",
            paramLabel = "DIR",
            description =
                    "A folder of labelled products: sub-folders each holding a product and its"
                            + " labels.geojson (as s2v synth writes them), or NAME.tif stacks beside"
                            + " NAME_labels.geojson or NAME_mask.tif.")
    Path from;

    @Option(
            names = "--scale",
            defaultValue = "auto",
            description =
                    "For GeoTIFF stacks: " + ScaleRule.SYNTAX + " (default: ${DEFAULT-VALUE}).")
    String scale;

    /** Whether any product was given. */
    boolean given() {
        return from != null || !pairs.isEmpty();
    }

    /**
     * The scenes: those of {@code --from} that have every band asked for (the others are left out,
     * each with a line to {@code log}), then the pairs (which must have them all).
     *
     * @throws IllegalArgumentException when none was given or the scale rule is malformed
     * @throws IOException when the folder cannot be listed
     */
    List<LabelledScene> scenes(List<SpectralBand> bands, Consumer<String> log) throws IOException {
        ScaleRule rule = ScaleRule.parse(scale);
        List<LabelledScene> scenes = new ArrayList<>();
        if (from != null) {
            scenes.addAll(SceneDiscovery.withBands(SceneDiscovery.scan(from, rule), bands, log));
        }
        for (Pair p : pairs) {
            scenes.add(new LabelledScene(p.product, p.labels, rule));
        }
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException(
                    "give labelled products with --product P --labels L (repeatable) or --from DIR");
        }
        return scenes;
    }
}
