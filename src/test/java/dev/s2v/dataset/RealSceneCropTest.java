package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.evaluation.ObjectAccumulator;
import dev.s2v.evaluation.ObjectMatching;
import dev.s2v.evaluation.ObjectScores;
import dev.s2v.raster.BandSource;
import dev.s2v.raster.BandSources;
import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.InstanceObjects;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.RasterDataset;
import dev.s2v.raster.ScaleRule;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Level-2A port scene (a crop of sen2ships' Athens) through the stack reader and tiles. */
@Tag("native")
class RealSceneCropTest {
    private static final List<SpectralBand> BANDS =
            List.of(
                    SpectralBand.B02,
                    SpectralBand.B03,
                    SpectralBand.B04,
                    SpectralBand.B08,
                    SpectralBand.B11);
    private static final int N = RealCrop.SIZE * RealCrop.SIZE;

    @TempDir Path dir;

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
    }

    @Test
    void tilesReproduceTheMaskAndKeepMooredShipsApart() throws IOException {
        RealCrop crop = RealCrop.copyTo(dir.resolve("scenes"));
        Path out = dir.resolve("datasets/athens");
        // Made only to evaluate: every tile in the test split.
        DatasetBuilder.build(
                out,
                List.of(new LabelledScene(crop.stack(), crop.labels(), ScaleRule.auto())),
                new DatasetBuilder.Options(
                        BANDS,
                        64,
                        1.0,
                        0.5,
                        new SplitPlan(SplitPlan.Rule.SCENE, 0, 1, 0, 5),
                        5,
                        false,
                        false),
                line -> {});
        DatasetFolder dataset = DatasetFolder.open(out);
        assertEquals(4, dataset.tiles().size());
        assertTrue(dataset.tiles().stream().allMatch(t -> t.split() == Split.TEST));
        assertEquals(Optional.of(ProductLevel.L2A), dataset.descriptor().inputLevel());

        byte[] expectedMask = new byte[N];
        int[] sourceIds = new int[N];
        try (RasterDataset mask = RasterDataset.open(crop.mask());
                RasterDataset instances = RasterDataset.open(crop.instances())) {
            mask.readByte(1, PixelWindow.of(RealCrop.SIZE, RealCrop.SIZE), expectedMask);
            short[] ids = new short[N];
            instances.readUInt16(1, PixelWindow.of(RealCrop.SIZE, RealCrop.SIZE), ids);
            for (int i = 0; i < N; i++) {
                sourceIds[i] = ids[i] & 0xFFFF;
            }
        }
        byte[] tiledMask = new byte[N];
        int[] tiledIds = new int[N];
        short[][] stored = new short[BANDS.size()][64 * 64];
        byte[] mask = new byte[64 * 64];
        int[] ids = new int[64 * 64];
        for (TileRecord tile : dataset.tiles()) {
            dataset.read(tile, stored, mask, ids);
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    int i = (tile.row() + r) * RealCrop.SIZE + tile.col() + c;
                    tiledMask[i] = mask[r * 64 + c];
                    tiledIds[i] = ids[r * 64 + c];
                }
            }
        }
        assertArrayEquals(expectedMask, tiledMask, "the labels' polygons give the scene's mask");
        // The same partition into vessels as the source's instance raster, across tile borders.
        Map<Integer, Integer> tiledOf = new HashMap<>();
        Map<Integer, Integer> sourceOf = new HashMap<>();
        for (int i = 0; i < N; i++) {
            assertEquals(sourceIds[i] != 0, tiledIds[i] != 0, "pixel " + i);
            if (sourceIds[i] != 0) {
                assertEquals(tiledIds[i], tiledOf.merge(sourceIds[i], tiledIds[i], (a, b) -> a));
                assertEquals(sourceIds[i], sourceOf.merge(tiledIds[i], sourceIds[i], (a, b) -> a));
            }
        }
        assertEquals(RealCrop.VESSELS, tiledOf.size());
    }

    @Test
    void theStacksScaleIsHonouredAndCanBeOverridden() throws IOException {
        RealCrop crop = RealCrop.copyTo(dir);
        short[] raw = new short[N];
        try (RasterDataset stack = RasterDataset.open(crop.stack())) {
            assertEquals(0.0001, stack.scale(1).getAsDouble(), 1e-12);
            stack.readUInt16(1, PixelWindow.of(RealCrop.SIZE, RealCrop.SIZE), raw);
        }
        PixelWindow pixel = new PixelWindow(40, 30, 1, 1);
        double value = raw[30 * RealCrop.SIZE + 40] & 0xFFFF;
        assertTrue(value > 0);
        try (BandSource auto = BandSources.open(crop.stack(), ScaleRule.auto())) {
            assertEquals(
                    value * 0.0001,
                    auto.read(List.of(SpectralBand.B02), pixel).value(0, 0, 0),
                    1e-7,
                    "value x 0.0001 from GDAL's scale metadata");
        }
        try (BandSource given = BandSources.open(crop.stack(), ScaleRule.parse("65535"))) {
            assertEquals(
                    value / 65535,
                    given.read(List.of(SpectralBand.B02), pixel).value(0, 0, 0),
                    1e-7,
                    "--scale overrides the metadata");
        }
    }

    @Test
    void twoMooredShipsFoundAsOneObjectAreOneHitAndOneMiss() throws IOException {
        RealCrop crop = RealCrop.copyTo(dir);
        int[] ids = new int[N];
        try (RasterDataset instances = RasterDataset.open(crop.instances())) {
            short[] raw = new short[N];
            instances.readUInt16(1, PixelWindow.of(RealCrop.SIZE, RealCrop.SIZE), raw);
            for (int i = 0; i < N; i++) {
                ids[i] = raw[i] & 0xFFFF;
            }
        }
        List<MaskObject> truth = InstanceObjects.of(ids, null, RealCrop.SIZE, RealCrop.SIZE, 10);
        assertEquals(RealCrop.VESSELS, truth.size());
        int[] pair = touchingPair(ids);
        byte[] both = new byte[N];
        int[] pairIds = new int[N];
        for (int i = 0; i < N; i++) {
            boolean inPair = ids[i] == pair[0] || ids[i] == pair[1];
            both[i] = (byte) (inPair ? 1 : 0);
            pairIds[i] = inPair ? ids[i] : 0;
        }
        List<MaskObject> merged =
                ConnectedComponents.label(both, RealCrop.SIZE, RealCrop.SIZE, 10).objects();
        assertEquals(1, merged.size(), "the two hulls touch: one predicted object");
        List<MaskObject> pairTruth =
                InstanceObjects.of(pairIds, null, RealCrop.SIZE, RealCrop.SIZE, 10);
        assertEquals(2, pairTruth.size());
        ObjectScores scores = new ObjectAccumulator(new ObjectMatching(8)).add(pairTruth, merged);
        assertEquals(new ObjectScores(2, 1, 1, 1), scores, "one hit, one miss");

        // The whole crop predicted as its mask: each group of touching ships is found once.
        byte[] mask = new byte[N];
        for (int i = 0; i < N; i++) {
            mask[i] = (byte) (ids[i] != 0 ? 1 : 0);
        }
        List<MaskObject> components =
                ConnectedComponents.label(mask, RealCrop.SIZE, RealCrop.SIZE, 10).objects();
        assertTrue(components.size() < RealCrop.VESSELS);
        ObjectScores all = new ObjectAccumulator(new ObjectMatching(8)).add(truth, components);
        assertEquals(RealCrop.VESSELS, all.trueObjects());
        assertEquals(components.size(), all.matchedTrue());
    }

    /** Two instance ids with 4-adjacent pixels. */
    private static int[] touchingPair(int[] ids) {
        for (int r = 0; r < RealCrop.SIZE; r++) {
            for (int c = 0; c + 1 < RealCrop.SIZE; c++) {
                int a = ids[r * RealCrop.SIZE + c];
                int b = ids[r * RealCrop.SIZE + c + 1];
                if (a != 0 && b != 0 && a != b) {
                    return new int[] {a, b};
                }
            }
        }
        throw new AssertionError("the crop holds no touching ships");
    }
}
