package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.LabelPolygon;
import dev.s2v.raster.Natives;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.VectorLabels;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class ScenePlannerTest {
    private static final int SIZE = 1024;
    private static final List<ScenePlan> PLANS = new ArrayList<>();

    @BeforeAll
    static void plan() {
        Natives.assumeGdal();
        Draws master = new Draws(7);
        for (int i = 0; i < 8; i++) {
            PLANS.add(ScenePlanner.plan(master.nextLong(), SIZE, "05.09", 1.0));
        }
    }

    @Test
    void theSameSeedPlansTheSameScene() {
        ScenePlan a = PLANS.get(0);
        ScenePlan b = ScenePlanner.plan(a.seed(), SIZE, "05.09", 1.0);
        assertEquals(a.vessels(), b.vessels());
        assertEquals(a.datatakeStart(), b.datatakeStart());
        assertEquals(a.ulx(), b.ulx());
    }

    @Test
    void scenesSitOnTheirTilesSixtyMetreLatticeInsideTheTile() {
        for (ScenePlan p : PLANS) {
            assertEquals(0, (p.ulx() - p.tile().ulx()) % 60, 1e-9);
            assertEquals(0, (p.tile().uly() - p.uly()) % 60, 1e-9);
            assertTrue(p.ulx() >= p.tile().ulx() && p.ulx() + SIZE * 10 <= p.tile().ulx() + 109800);
            assertTrue(p.uly() <= p.tile().uly() && p.uly() - SIZE * 10 >= p.tile().uly() - 109800);
            assertTrue(p.sun().zenithDeg() < 70, "sun zenith " + p.sun().zenithDeg());
        }
    }

    @Test
    void vesselsHaveRealisticSizesAndMostAtSeaAreSmall() {
        List<Double> atSea = new ArrayList<>();
        for (ScenePlan p : PLANS) {
            for (Vessel v : p.vessels()) {
                assertTrue(v.lengthM() >= 8 && v.lengthM() <= 350, "length " + v.lengthM());
                double ratio = v.lengthM() / v.widthM();
                assertTrue(ratio >= 3 && ratio <= 8, v.kind() + " length/beam " + ratio);
                assertEquals(v.state() == VesselState.UNDERWAY, v.wake().isPresent());
                if (v.state() == VesselState.UNDERWAY || v.state() == VesselState.DRIFTING) {
                    atSea.add(v.lengthM());
                }
            }
        }
        atSea.sort(Double::compare);
        assertTrue(
                atSea.get(atSea.size() / 2) < 30,
                "median length at sea " + atSea.get(atSea.size() / 2));
        assertTrue(atSea.get(atSea.size() - 1) > 150, "the largest at sea");
    }

    @Test
    void vesselsKeepClearOfDistractorsAndOfEachOther() {
        for (ScenePlan p : PLANS) {
            List<ConvexPolygon> hulls = p.vessels().stream().map(Vessel::hullOutline).toList();
            for (Fixture f : p.fixtures()) {
                if (!f.kind().distractor()) {
                    continue;
                }
                for (ConvexPolygon part : f.footprint().outer()) {
                    for (ConvexPolygon hull : hulls) {
                        assertFalse(
                                hull.near(part, ScenePlanner.DISTRACTOR_CLEARANCE_M - 0.01),
                                f.kind() + " next to a vessel");
                    }
                }
            }
            for (int i = 0; i < hulls.size(); i++) {
                for (int j = i + 1; j < hulls.size(); j++) {
                    assertFalse(
                            hulls.get(i).near(hulls.get(j), 1),
                            "vessels " + i + " and " + j + " overlap");
                }
            }
        }
    }

    /**
     * The default density's yardstick: in 64 x 64 tiles that hold vessel pixels, vessels cover
     * about 1-2 % of the pixels on average (eight 1024 x 1024 scenes).
     */
    @Test
    void tilesWithVesselsAreAboutOneToTwoPercentVessel() throws IOException {
        int tiles = 0;
        double shares = 0;
        for (ScenePlan p : PLANS) {
            List<LabelPolygon> outlines = new ArrayList<>();
            for (Vessel v : p.vessels()) {
                ConvexPolygon h = v.hullOutline();
                double[] xy = new double[2 * h.size()];
                for (int i = 0; i < h.size(); i++) {
                    xy[2 * i] = p.mapX(h.x(i));
                    xy[2 * i + 1] = p.mapY(h.y(i));
                }
                outlines.add(new LabelPolygon(xy, Map.of()));
            }
            RasterGrid grid = p.grid();
            byte[] mask;
            try (VectorLabels labels = VectorLabels.of(p.epsg(), outlines)) {
                mask = labels.rasterize(grid, PixelWindow.of(SIZE, SIZE));
            }
            for (int ty = 0; ty < SIZE / 64; ty++) {
                for (int tx = 0; tx < SIZE / 64; tx++) {
                    int count = 0;
                    for (int y = 0; y < 64; y++) {
                        for (int x = 0; x < 64; x++) {
                            count += mask[(ty * 64 + y) * SIZE + tx * 64 + x];
                        }
                    }
                    if (count > 0) {
                        tiles++;
                        shares += count / 4096.0;
                    }
                }
            }
        }
        double mean = 100 * shares / tiles;
        assertTrue(mean >= 1 && mean <= 2, "mean vessel share of vessel tiles: " + mean + " %");
    }
}
