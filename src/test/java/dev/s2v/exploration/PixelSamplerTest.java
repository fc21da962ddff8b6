package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.dataset.DatasetFolder;
import dev.s2v.dataset.Split;
import dev.s2v.dataset.TestDatasets;
import dev.s2v.dataset.TileRecord;
import dev.s2v.raster.Natives;
import dev.s2v.raster.SpectralBand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PixelSamplerTest {
    @TempDir static Path dir;
    private static DatasetFolder dataset;

    /** The test dataset, written on first use (skipping the test without GDAL). */
    private static synchronized DatasetFolder dataset() throws Exception {
        Natives.assumeGdal();
        if (dataset == null) {
            dataset = TestDatasets.write(dir, 3, 96, 32, 5);
        }
        return dataset;
    }

    private static List<TileRecord> manifest(int withVessels, int without, Split split) {
        List<TileRecord> tiles = new ArrayList<>();
        for (int i = 0; i < withVessels + without; i++) {
            tiles.add(
                    new TileRecord(
                            "t" + i,
                            "s",
                            split,
                            0,
                            32 * i,
                            i < withVessels ? 3 : 0,
                            0,
                            i < withVessels ? 1 : 0));
        }
        return tiles;
    }

    @Test
    void readsEverythingUnderTheBudget() {
        PixelSampler.TilePlan plan =
                PixelSampler.TilePlan.of(manifest(3, 5, Split.TRAIN), Set.of(Split.TRAIN), 100, 1);
        assertEquals(8, plan.tiles().size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7}, plan.ids());
        assertEquals(1.0, plan.backgroundWeight(plan.tiles().get(0)));
        assertEquals(1.0, plan.backgroundWeight(plan.tiles().get(7)));
    }

    @Test
    void givesEachGroupHalfTheBudgetAndWeighsBackgroundByIt() {
        List<TileRecord> tiles = manifest(40, 160, Split.TRAIN);
        PixelSampler.TilePlan plan = PixelSampler.TilePlan.of(tiles, Set.of(Split.TRAIN), 20, 9);
        assertEquals(10, plan.vesselTilesRead());
        assertEquals(10, plan.otherTilesRead());
        assertEquals(20, plan.tiles().size());
        // Manifest order, for the disk's sake.
        for (int i = 1; i < plan.ids().length; i++) {
            assertTrue(plan.ids()[i] > plan.ids()[i - 1]);
        }
        TileRecord vessel = plan.tiles().get(0);
        TileRecord other = plan.tiles().get(plan.tiles().size() - 1);
        assertTrue(vessel.hasVessels() && !other.hasVessels());
        assertEquals(40 / 10.0, plan.backgroundWeight(vessel));
        assertEquals(160 / 10.0, plan.backgroundWeight(other));
        assertArrayEquals(
                plan.ids(), PixelSampler.TilePlan.of(tiles, Set.of(Split.TRAIN), 20, 9).ids());
        assertFalse(
                Arrays.equals(
                        plan.ids(),
                        PixelSampler.TilePlan.of(tiles, Set.of(Split.TRAIN), 20, 10).ids()));
    }

    @Test
    void aSmallGroupLeavesItsShareToTheOther() {
        PixelSampler.TilePlan plan =
                PixelSampler.TilePlan.of(manifest(3, 100, Split.VAL), Set.of(Split.VAL), 20, 2);
        assertEquals(3, plan.vesselTilesRead());
        assertEquals(17, plan.otherTilesRead());
        PixelSampler.TilePlan none =
                PixelSampler.TilePlan.of(manifest(3, 100, Split.VAL), Set.of(Split.TRAIN), 20, 2);
        assertEquals(0, none.tiles().size());
    }

    @Test
    @Tag("native")
    void samplesEveryPixelOfEachClassWhenTheReservoirIsLargeEnough() throws Exception {
        DatasetFolder dataset = dataset();
        PixelSample sample =
                PixelSampler.draw(dataset, EnumSet.allOf(Split.class), 1_000_000, 1000, 3);
        long vessel = dataset.tiles().stream().mapToLong(TileRecord::vesselPixels).sum();
        long valid = dataset.tiles().stream().mapToLong(t -> 32 * 32 - t.nodataPixels()).sum();
        SamplingSummary s = sample.summary();
        assertEquals(vessel, s.vesselPixelsRead());
        assertEquals(valid - vessel, s.backgroundPixelsRead());
        assertEquals(vessel, sample.size(PixelClass.VESSEL));
        assertEquals(valid - vessel, sample.size(PixelClass.BACKGROUND));
        assertTrue(s.readAll());
        // The test scenes: water near 0.05, vessels near 0.25, noise of +-0.01.
        for (float v : sample.values(PixelClass.VESSEL, SpectralBand.B08)) {
            assertTrue(v > 0.23 && v < 0.27, "vessel " + v);
        }
        for (float v : sample.values(PixelClass.BACKGROUND, SpectralBand.B02)) {
            assertTrue(v > 0.03 && v < 0.07, "background " + v);
        }
    }

    @Test
    @Tag("native")
    void aSmallReservoirIsTheSameForTheSameSeedAndDiffersForAnother() throws Exception {
        DatasetFolder dataset = dataset();
        PixelSample a = PixelSampler.draw(dataset, EnumSet.of(Split.TRAIN), 500, 1000, 8, 1);
        PixelSample b = PixelSampler.draw(dataset, EnumSet.of(Split.TRAIN), 500, 1000, 8, 3);
        PixelSample c = PixelSampler.draw(dataset, EnumSet.of(Split.TRAIN), 500, 1000, 9);
        assertEquals(500, a.size(PixelClass.BACKGROUND));
        assertEquals(Math.min(500, a.summary().vesselPixelsRead()), a.size(PixelClass.VESSEL));
        assertArrayEquals(
                a.values(PixelClass.BACKGROUND, SpectralBand.B03),
                b.values(PixelClass.BACKGROUND, SpectralBand.B03));
        assertFalse(
                Arrays.equals(
                        a.values(PixelClass.BACKGROUND, SpectralBand.B03),
                        c.values(PixelClass.BACKGROUND, SpectralBand.B03)));
        assertTrue(
                a.summary().backgroundPixelsRead() > 500, "the reservoir chose among more pixels");
    }

    @Test
    @Tag("native")
    void aSplitWithoutTilesIsRefused() throws Exception {
        DatasetFolder dataset = dataset();
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> PixelSampler.draw(dataset, EnumSet.noneOf(Split.class), 10, 10, 1));
        assertTrue(e.getMessage().contains("no tiles"), e.getMessage());
    }
}
