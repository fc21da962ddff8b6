package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.CrsTransform;
import dev.s2v.raster.GeoTransform;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class SplitPlanTest {
    private static String utm32;

    @BeforeAll
    static void gdal() {
        Natives.assumeGdal();
        utm32 = CrsTransform.wktOfEpsg(32632);
    }

    /** A 10 m grid of the given size whose upper-left corner is (x, y) in UTM 32N. */
    static RasterGrid grid(double x, double y, int width, int height) {
        return new RasterGrid(
                width, height, GeoTransform.northUp(x, y, 10), utm32, OptionalInt.of(32632));
    }

    static SplitPlan.Scene scene(String id, double x, double y) {
        return new SplitPlan.Scene(id, grid(x, y, 500, 500));
    }

    @Test
    void sceneRuleGivesExactCountsWhateverTheInputOrder() {
        List<SplitPlan.Scene> scenes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            scenes.add(scene("S" + i, 400000 + i * 20000, 5000000));
        }
        SplitPlan plan = new SplitPlan(SplitPlan.Rule.SCENE, 0.2, 0.1, 0, 7);
        SplitPlan.Assignment a = plan.assign(scenes, 64);
        Map<Split, Integer> counts = new EnumMap<>(Split.class);
        for (SplitPlan.Scene s : scenes) {
            counts.merge(a.sceneSplit(s.sceneId()).orElseThrow(), 1, Integer::sum);
        }
        assertEquals(Map.of(Split.TRAIN, 7, Split.VAL, 2, Split.TEST, 1), counts);
        List<SplitPlan.Scene> backwards = new ArrayList<>(scenes);
        Collections.reverse(backwards);
        SplitPlan.Assignment reversed = plan.assign(backwards, 64);
        for (SplitPlan.Scene s : scenes) {
            assertEquals(a.sceneSplit(s.sceneId()), reversed.sceneSplit(s.sceneId()));
        }
        SplitPlan.Assignment otherSeed =
                new SplitPlan(SplitPlan.Rule.SCENE, 0.2, 0.1, 0, 8).assign(scenes, 64);
        assertNotEquals(
                scenes.stream().map(s -> a.sceneSplit(s.sceneId()).orElseThrow()).toList(),
                scenes.stream().map(s -> otherSeed.sceneSplit(s.sceneId()).orElseThrow()).toList());
    }

    @Test
    void overlappingScenesShareTheirSplit() {
        // Two dates of one area, three other places.
        List<SplitPlan.Scene> scenes =
                List.of(
                        scene("A-2020", 400000, 5000000),
                        scene("A-2022", 402000, 5001000),
                        scene("B", 500000, 5000000),
                        scene("C", 600000, 5000000),
                        scene("D", 700000, 5000000));
        for (long seed = 0; seed < 20; seed++) {
            SplitPlan.Assignment a =
                    new SplitPlan(SplitPlan.Rule.SCENE, 0.25, 0.25, 0, seed).assign(scenes, 64);
            assertEquals(a.sceneSplit("A-2020"), a.sceneSplit("A-2022"));
        }
    }

    @Test
    void tooFewScenesIsAClearError() {
        List<SplitPlan.Scene> two = List.of(scene("A", 400000, 5e6), scene("B", 500000, 5e6));
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> new SplitPlan(SplitPlan.Rule.SCENE, 0.2, 0.2, 0, 1).assign(two, 64));
        assertTrue(e.getMessage().contains("at least 3"), e.getMessage());
        assertTrue(e.getMessage().contains("--split block"), e.getMessage());
    }

    @Test
    void blockRuleNeverLetsTilesOfDifferentSplitsShareGround() {
        // Two overlapping scenes whose grids are out of step by half a tile (320 m).
        SplitPlan.Scene a = new SplitPlan.Scene("A", grid(400000, 5000000, 1000, 1000));
        SplitPlan.Scene b = new SplitPlan.Scene("B", grid(403520, 4996480, 1000, 1000));
        SplitPlan.Assignment assignment =
                new SplitPlan(SplitPlan.Rule.BLOCK, 0.25, 0.25, 2, 3).assign(List.of(a, b), 64);
        List<double[]> boxes = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        int dropped = 0;
        for (SplitPlan.Scene s : List.of(a, b)) {
            for (int row = 0; row < 1000; row += 64) {
                for (int col = 0; col < 1000; col += 64) {
                    PixelWindow tile = new PixelWindow(col, row, 64, 64);
                    Optional<Split> split = assignment.splitOf(s.sceneId(), tile);
                    if (split.isEmpty()) {
                        dropped++;
                        continue;
                    }
                    GeoTransform t = s.grid().transform();
                    boxes.add(
                            new double[] {
                                t.mapX(col, 0),
                                t.mapY(0, row + 64),
                                t.mapX(col + 64, 0),
                                t.mapY(0, row)
                            });
                    splits.add(split.get());
                }
            }
        }
        assertTrue(dropped > 0, "some tiles straddle blocks of different splits");
        assertTrue(splits.contains(Split.TRAIN) && splits.contains(Split.TEST));
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] p = boxes.get(i);
                double[] q = boxes.get(j);
                boolean overlap = p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
                if (overlap) {
                    assertEquals(splits.get(i), splits.get(j), "overlapping tiles " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void productsOnTheAnchorsGridLoseNoTileAtBlockEdges() {
        // Two dates of one tile: same grid. Blocks of 2.5 km round to 4 tiles of 640 m.
        SplitPlan.Scene a = new SplitPlan.Scene("A", grid(400000, 5000000, 1024, 1024));
        SplitPlan.Scene b = new SplitPlan.Scene("B", grid(400000, 5000000, 1024, 1024));
        SplitPlan.Assignment assignment =
                new SplitPlan(SplitPlan.Rule.BLOCK, 0.25, 0.25, 2.5, 3).assign(List.of(a, b), 64);
        for (int row = 0; row < 1024; row += 64) {
            for (int col = 0; col < 1024; col += 64) {
                PixelWindow tile = new PixelWindow(col, row, 64, 64);
                Optional<Split> split = assignment.splitOf("A", tile);
                assertTrue(split.isPresent(), "tile " + tile);
                assertEquals(split, assignment.splitOf("B", tile), "same ground, same split");
                // Tiles 0-3 share a block along each axis, tile 4 starts the next.
                assertEquals(
                        split,
                        assignment.splitOf(
                                "A", new PixelWindow(col / 256 * 256, row / 256 * 256, 64, 64)));
            }
        }
    }

    @Test
    void badFractionsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new SplitPlan(SplitPlan.Rule.SCENE, 0.6, 0.5, 0, 1));
        assertFalse(
                new SplitPlan(SplitPlan.Rule.SCENE, 0, 1, 0, 1).trains(),
                "a dataset made only to evaluate");
        assertThrows(
                IllegalArgumentException.class,
                () -> new SplitPlan(SplitPlan.Rule.BLOCK, 0.2, 0.2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SplitPlan.Rule.parse("random"));
    }
}
