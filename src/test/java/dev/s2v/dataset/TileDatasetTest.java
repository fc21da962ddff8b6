package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.config.Normalization;
import dev.s2v.raster.Natives;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("native")
class TileDatasetTest {
    private static final List<String> ALL =
            List.of("rot90", "rot180", "rot270", "flip_x", "flip_y");

    @TempDir static Path dir;
    static DatasetFolder dataset;
    static Normalization normalization;

    @BeforeAll
    static void build() throws IOException {
        Natives.assumeGdal();
        dataset = TestDatasets.write(dir, 3, 96, 32, 3);
        normalization = dataset.descriptor().normalization().of(Normalization.Kind.MAX);
    }

    static TileDataset.Builder builder() {
        return TileDataset.builder().setSplit(dataset, Split.TRAIN).setNormalization(normalization);
    }

    @Test
    void anEpochRepeatsOnlyTheTilesWithVesselsAndEnumeratesTransformsWhenExpanded() {
        List<TileRecord> tiles =
                List.of(tile("a", 12), tile("b", 0), tile("c", 3), tile("d", 0), tile("e", 0));
        // 2 tiles with vessels x 4 + 3 without = 11, not 5 tiles x 4 = 20.
        assertEquals(11, TileDataset.samplesPerEpoch(tiles, 4, List.of("rot90"), false));
        // Expanded: the identity and rot90, flip_x: 3 variants of each sample.
        assertEquals(33, TileDataset.samplesPerEpoch(tiles, 4, List.of("rot90", "flip_x"), true));
        assertEquals(5, TileDataset.samplesPerEpoch(tiles, 1, List.of(), true));
    }

    private static TileRecord tile(String id, int vesselPixels) {
        return new TileRecord(
                id, "scene", Split.TRAIN, 0, 0, vesselPixels, 0, vesselPixels > 0 ? 1 : 0);
    }

    @Test
    void samplesAreNormalisedReflectanceAndTheMask() throws IOException {
        TileDataset plain = builder().build();
        TileRecord tile = plain.tileOf(0);
        short[][] stored = new short[4][32 * 32];
        byte[] mask = new byte[32 * 32];
        dataset.read(tile, stored, mask);
        float[] image = new float[4 * 32 * 32];
        float[] y = new float[32 * 32];
        plain.fill(0, image, 0, y, 0);
        for (int b = 0; b < 4; b++) {
            for (int i = 0; i < 32 * 32; i++) {
                float expected = (float) (TileCodec.decode(stored[b][i]) / normalization.scale(b));
                assertEquals(expected, image[b * 1024 + i], 1e-6);
            }
        }
        for (int i = 0; i < y.length; i++) {
            assertEquals(mask[i], y[i]);
        }
    }

    @Test
    void imageAndMaskMoveTogetherUnderEveryTransform() throws IOException {
        TileDataset expanded = builder().optAugmentations(ALL, true).build();
        assertEquals(expanded.tiles().size() * 6L, expanded.size());
        float[] original = new float[4 * 1024];
        float[] originalMask = new float[1024];
        expanded.fill(0, original, 0, originalMask, 0);
        for (int v = 1; v < 6; v++) {
            float[] image = new float[4 * 1024];
            float[] mask = new float[1024];
            expanded.fill(v, image, 0, mask, 0);
            int[] p = expanded.augmentationOf(v).permutation(32);
            for (int i = 0; i < 1024; i++) {
                assertEquals(originalMask[p[i]], mask[i]);
                for (int b = 0; b < 4; b++) {
                    assertEquals(original[b * 1024 + p[i]], image[b * 1024 + i]);
                }
            }
        }
    }

    @Test
    void randomDrawsDependOnTheSeedAndEpochOnly() throws IOException {
        TileDataset a = builder().optAugmentations(ALL, false).optSeed(9).build();
        TileDataset b = builder().optAugmentations(ALL, false).optSeed(9).build();
        a.setEpoch(2);
        b.setEpoch(2);
        Set<Augmentation> seen = new HashSet<>();
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.augmentationOf(i), b.augmentationOf(i));
            seen.add(a.augmentationOf(i));
        }
        assertTrue(seen.size() > 2, "draws vary across samples: " + seen);
        List<Augmentation> epoch2 =
                java.util.stream.LongStream.range(0, a.size()).mapToObj(a::augmentationOf).toList();
        a.setEpoch(3);
        assertNotEquals(
                epoch2,
                java.util.stream.LongStream.range(0, a.size())
                        .mapToObj(a::augmentationOf)
                        .toList());
    }

    @Test
    void positivesCanBeOversampledAndDiskReadsMatchTheCache() throws IOException {
        long positives = dataset.tiles(Split.TRAIN).stream().filter(TileRecord::hasVessels).count();
        TileDataset twice = builder().optOversamplePositives(3).build();
        assertEquals(dataset.tiles(Split.TRAIN).size() + 2 * positives, twice.size());
        TileDataset fromDisk = builder().optMemoryBudget(0).build();
        TileDataset cached = builder().build();
        float[] a = new float[4 * 1024];
        float[] b = new float[4 * 1024];
        float[] ma = new float[1024];
        float[] mb = new float[1024];
        fromDisk.fill(1, a, 0, ma, 0);
        cached.fill(1, b, 0, mb, 0);
        assertArrayEquals(a, b);
        assertArrayEquals(ma, mb);
    }
}
