package dev.s2v.dataset;

import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandSources;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Finds labelled products in a folder, in the two layouts s2v meets: one sub-folder per product
 * holding its {@code .SAFE} folder or zip and a {@code labels.geojson} (what {@code s2v synth}
 * writes), or band stacks {@code NAME.tif} beside {@code NAME_labels.geojson} or {@code
 * NAME_mask.tif} (how stack datasets such as sen2ships are laid out).
 */
public final class SceneDiscovery {
    private SceneDiscovery() {}

    /**
     * The labelled scenes of a folder, sorted by path.
     *
     * @param stackScale the scale rule for band stacks
     * @throws NoSuchFileException when the folder does not exist
     * @throws IllegalArgumentException when it holds no labelled product
     */
    public static List<LabelledScene> scan(Path folder, ScaleRule stackScale) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "no such folder");
        }
        List<LabelledScene> scenes = new ArrayList<>();
        for (Path entry : sorted(folder)) {
            if (Files.isDirectory(entry) && Files.isRegularFile(entry.resolve("labels.geojson"))) {
                List<Path> products =
                        sorted(entry).stream().filter(SceneDiscovery::isL1cProduct).toList();
                if (products.size() != 1) {
                    throw new IllegalArgumentException(
                            entry
                                    + ": expected one .SAFE folder or .zip beside labels.geojson,"
                                    + " found "
                                    + products.size());
                }
                scenes.add(
                        new LabelledScene(
                                products.get(0), entry.resolve("labels.geojson"), stackScale));
            } else if (isStack(entry)) {
                String stem = stem(entry);
                Path polygons = entry.resolveSibling(stem + "_labels.geojson");
                Path mask = entry.resolveSibling(stem + "_mask.tif");
                if (Files.isRegularFile(polygons)) {
                    scenes.add(new LabelledScene(entry, polygons, stackScale));
                } else if (Files.isRegularFile(mask)) {
                    scenes.add(new LabelledScene(entry, mask, stackScale));
                }
            }
        }
        if (scenes.isEmpty()) {
            throw new IllegalArgumentException(
                    folder
                            + ": no labelled products found (expected sub-folders with a product"
                            + " and labels.geojson, as s2v synth writes, or NAME.tif with"
                            + " NAME_labels.geojson or NAME_mask.tif)");
        }
        return scenes;
    }

    /**
     * The scenes whose product has every band asked for; each other scene is left out with one line
     * naming it and what it lacks (a folder of real stacks often mixes band sets).
     *
     * @throws IOException when a product cannot be opened
     */
    public static List<LabelledScene> withBands(
            List<LabelledScene> scenes, List<SpectralBand> bands, Consumer<String> log)
            throws IOException {
        List<LabelledScene> kept = new ArrayList<>();
        for (LabelledScene scene : scenes) {
            try (BandSource source = BandSources.open(scene.product(), scene.stackScale())) {
                List<SpectralBand> missing =
                        bands.stream().filter(b -> !source.bands().contains(b)).toList();
                if (missing.isEmpty()) {
                    kept.add(scene);
                } else {
                    log.accept(
                            "leaving out "
                                    + scene.product()
                                    + ": it has no "
                                    + String.join(", ", missing.stream().map(Enum::name).toList()));
                }
            }
        }
        return kept;
    }

    private static List<Path> sorted(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static boolean isL1cProduct(Path path) {
        String name = path.getFileName().toString();
        return name.contains("MSIL1C") && (name.endsWith(".SAFE") || name.endsWith(".zip"));
    }

    /** A GeoTIFF that is not itself a label raster of another stack. */
    private static boolean isStack(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path)
                && (name.endsWith(".tif") || name.endsWith(".tiff"))
                && !name.endsWith("_mask.tif")
                && !name.endsWith("_instances.tif")
                && !name.equals("truth_mask.tif");
    }

    private static String stem(Path path) {
        String name = path.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }
}
