package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.BandWindow;
import dev.s2v.raster.GeoTiffStack;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.ScaleRule;
import dev.s2v.synth.GeneratedScene;
import dev.s2v.synth.SynthOptions;
import dev.s2v.synth.SyntheticProducts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folder scan on what {@code s2v synth --level L2A} writes, and a dataset built from it. */
@Tag("native")
class SceneDiscoveryTest {
    private static final int SIZE = 128;

    @TempDir Path dir;

    @Test
    void findsSyntheticL2aStacksWithTheirLabelsAndBuildsADatasetFromThem() throws IOException {
        Natives.assumeGdal();
        Path synthetic = dir.resolve("synthetic");
        SynthOptions options =
                new SynthOptions(
                        2,
                        SIZE,
                        12,
                        false,
                        "05.09",
                        true,
                        SynthOptions.DEFAULT_VESSEL_DENSITY,
                        false,
                        ProductLevel.L2A,
                        SynthOptions.STACK_BANDS,
                        true);
        // Sorted by path, as the scan lists them.
        List<GeneratedScene> generated =
                SyntheticProducts.generate(synthetic, options).stream()
                        .sorted(Comparator.comparing(GeneratedScene::product))
                        .toList();

        List<LabelledScene> scenes = SceneDiscovery.scan(synthetic, ScaleRule.auto());
        assertEquals(2, scenes.size(), "the masks and quicklooks are no scenes of their own");
        for (int i = 0; i < 2; i++) {
            assertEquals(generated.get(i).product(), scenes.get(i).product());
            assertEquals(generated.get(i).labels(), scenes.get(i).labels());
            assertFalse(scenes.get(i).labelsAreMask(), "polygons are preferred to the mask");
        }

        DatasetBuilder.Result result =
                DatasetBuilder.build(
                        dir.resolve("dataset"),
                        scenes,
                        new DatasetBuilder.Options(
                                SynthOptions.STACK_BANDS,
                                64,
                                1,
                                0.5,
                                new SplitPlan(SplitPlan.Rule.SCENE, 0.5, 0, 0, 3),
                                3,
                                true,
                                false),
                        line -> {});
        DatasetFolder dataset = DatasetFolder.open(result.folder());
        assertEquals(
                generated.stream().map(GeneratedScene::sceneId).toList(),
                result.descriptor().sources().stream()
                        .map(DatasetDescriptor.Source::sceneId)
                        .toList());
        assertEquals(2 * (SIZE / 64) * (SIZE / 64), dataset.tiles().size());
        long vesselPixels = 0;
        long nodataPixels = 0;
        for (TileRecord t : dataset.tiles()) {
            vesselPixels += t.vesselPixels();
            nodataPixels += t.nodataPixels();
        }
        assertEquals(
                generated.stream().mapToLong(GeneratedScene::vesselPixels).sum(), vesselPixels);
        // One of these scenes reaches past the swath's edge: every band lacks the same pixels.
        long missing = 0;
        for (GeneratedScene s : generated) {
            try (GeoTiffStack stack = GeoTiffStack.open(s.product(), ScaleRule.auto())) {
                BandWindow all = stack.read(SynthOptions.STACK_BANDS, PixelWindow.of(SIZE, SIZE));
                for (int i = 0; i < SIZE * SIZE; i++) {
                    boolean none = Float.isNaN(all.band(0)[i]);
                    missing += none ? 1 : 0;
                    for (int b = 1; b < SynthOptions.STACK_BANDS.size(); b++) {
                        assertEquals(
                                none, Float.isNaN(all.band(b)[i]), "band " + b + " pixel " + i);
                    }
                }
            }
        }
        assertTrue(missing > 0);
        assertEquals(missing, nodataPixels);

        // A tile holds the stack's reflectance, every band on the 10 m grid.
        TileRecord tile = dataset.tiles().get(0);
        GeneratedScene scene =
                generated.stream()
                        .filter(s -> s.sceneId().equals(tile.sceneId()))
                        .findFirst()
                        .orElseThrow();
        short[][] stored = new short[SynthOptions.STACK_BANDS.size()][64 * 64];
        byte[] mask = new byte[64 * 64];
        dataset.read(tile, stored, mask);
        BandWindow read;
        try (GeoTiffStack stack = GeoTiffStack.open(scene.product(), ScaleRule.auto())) {
            read =
                    stack.read(
                            SynthOptions.STACK_BANDS,
                            new PixelWindow(tile.col(), tile.row(), 64, 64));
        }
        for (int b = 0; b < stored.length; b++) {
            for (int i = 0; i < 64 * 64; i++) {
                assertEquals(TileCodec.encode(read.band(b)[i]), stored[b][i]);
            }
        }
    }
}
