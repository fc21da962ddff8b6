package dev.s2v.evaluation;

import static dev.s2v.raster.TestMasks.draw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Tile rows, scene rows, the per-tile Dice and the vessel counts of a small stream, by hand. */
class EvaluationScoresTest {
    private static final double EPS = 1e-12;

    /** Probabilities from a drawn mask: 0.9 on 'X', 0.1 elsewhere. */
    private static float[] probabilities(String... rows) {
        byte[] mask = draw(rows);
        float[] p = new float[mask.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = mask[i] != 0 ? 0.9f : 0.1f;
        }
        return p;
    }

    /**
     * Scene A: tile 1 finds the 2x2 vessel partly and raises a 1-pixel false alarm, misses a
     * 1-pixel vessel; tile 2 is empty and predicted empty. Scene B: tile 3 predicts a vessel where
     * there is none.
     */
    private static EvaluationScores stream() {
        EvaluationScores s = new EvaluationScores(Threshold.of(0.5), ObjectMatching.defaults(), 10);
        s.add(
                "A",
                "1",
                4,
                probabilities("X...", "XX.X", "....", "...."),
                draw("XX..", "XX..", "....", "...X"),
                null);
        s.add("A", "2", 4, probabilities("....", "....", "....", "...."), new byte[16], null);
        s.add("B", "3", 4, probabilities("....", ".X..", "....", "...."), new byte[16], null);
        return s;
    }

    @Test
    void tileRowsCountPixelsAndVessels() {
        List<TileRow> rows = stream().tileRows();
        assertEquals(new ConfusionMatrix(3, 1, 2, 10), rows.get(0).confusion());
        // True vessels: the 2x2 block and the corner pixel (3, 3); predicted: the L on the block
        // and the lone pixel (1, 3), 2 px from the corner pixel: both match, although the pixels
        // of the corner vessel were missed.
        assertEquals(new ObjectScores(2, 2, 2, 2), rows.get(0).objects());
        assertEquals(1.0, rows.get(1).confusion().f1(), "empty and predicted empty: Dice 1");
        assertEquals(new ObjectScores(0, 0, 1, 0), rows.get(2).objects());
    }

    @Test
    void pixelMetricsSumTilesAndAverageTheTileDice() {
        PredictorResult r = stream().result("model", "UNET");
        PixelMetrics p = r.pixels();
        assertEquals(new ConfusionMatrix(3, 2, 2, 41), p.confusion());
        assertEquals(6.0 / 10, p.confusion().f1(), EPS);
        assertEquals((2.0 / 3 + 1 + 0) / 3, p.meanTileDice(), EPS);
        assertEquals(3, p.tilesCounted());
        assertEquals(Threshold.of(0.5), p.threshold());
        assertEquals(new ObjectScores(2, 2, 3, 2), r.objects().overall());
        assertEquals("model", r.name());
    }

    @Test
    void sceneRowsSumTheirTiles() {
        List<SceneRow> scenes = stream().sceneRows();
        assertEquals(2, scenes.size());
        assertEquals(
                new SceneRow(
                        "A", 2, new ConfusionMatrix(3, 1, 2, 26), new ObjectScores(2, 2, 2, 2)),
                scenes.get(0));
        assertEquals("B", scenes.get(1).sceneId());
        assertEquals(1, scenes.get(1).tiles());
    }

    @Test
    void worstTilesComeFirst() {
        List<TileRow> worst = stream().gallery(2, 0).worst();
        assertEquals(List.of("3", "1"), worst.stream().map(TileRow::tileId).toList());
    }

    @Test
    void galleryAddsTheTilesWithTheMostFarFalseAlarms() {
        EvaluationScores s = stream();
        // No vessel at all: both lone predictions are far false alarms.
        s.add("C", "4", 4, probabilities("X...", "....", "....", "...X"), new byte[16], null);
        List<TileRow> rows = s.tileRows();
        assertEquals(List.of(0L, 0L, 1L, 2L), rows.stream().map(TileRow::farFalseAlarms).toList());
        EvaluationScores.GallerySelection none = s.gallery(0, 5);
        assertEquals(
                List.of("4", "3"), none.farFalseAlarms().stream().map(TileRow::tileId).toList());
        EvaluationScores.GallerySelection one = s.gallery(1, 5);
        assertEquals(List.of("4"), one.worst().stream().map(TileRow::tileId).toList());
        assertEquals(
                List.of("3"),
                one.farFalseAlarms().stream().map(TileRow::tileId).toList(),
                "a tile already among the worst is not shown twice");
    }

    @Test
    void invalidPixelsAreNeitherCountedNorVessels() {
        EvaluationScores s = new EvaluationScores(Threshold.of(0.5), ObjectMatching.defaults(), 10);
        boolean[] valid = {true, true, false, false};
        TileRow row =
                s.add(
                        "A",
                        "1",
                        2,
                        new float[] {0.9f, 0.1f, 0.9f, 0.9f},
                        new byte[] {1, 0, 1, 0},
                        valid);
        assertEquals(new ConfusionMatrix(1, 0, 0, 1), row.confusion());
        assertEquals(new ObjectScores(1, 1, 1, 1), row.objects());
    }

    @Test
    void givenTrueVesselsReplaceTheMaskComponents() {
        EvaluationScores s = new EvaluationScores(Threshold.of(0.5), ObjectMatching.defaults(), 10);
        TileRow row =
                s.add(
                        "A",
                        "1",
                        2,
                        new float[] {0.9f, 0.1f, 0.1f, 0.1f},
                        new byte[4],
                        null,
                        List.of(TestObjects.at(0, 0), TestObjects.at(30, 30)));
        assertEquals(new ObjectScores(2, 1, 1, 1), row.objects());
    }

    @Test
    void theAllBackgroundBaselineScoresZeroF1() {
        EvaluationScores s =
                new EvaluationScores(EvaluationScores.BINARY, ObjectMatching.defaults(), 10);
        float[][] bands = {new float[16]};
        s.add(
                "A",
                "1",
                4,
                new AllBackgroundBaseline().scores(bands),
                draw("X...", "....", "....", "...."),
                null);
        PixelMetrics p = s.result("all background", "").pixels();
        assertEquals(0.0, p.confusion().f1());
        assertEquals(15.0 / 16, p.confusion().accuracy(), EPS);
        assertEquals(0.0, p.meanTileDice());
    }

    @Test
    void anEmptyStreamHasNoMeanTileDice() {
        EvaluationScores s = new EvaluationScores(Threshold.of(0.5), ObjectMatching.defaults(), 10);
        assertTrue(Double.isNaN(s.result("m", "").pixels().meanTileDice()));
        assertThrows(
                IllegalArgumentException.class,
                () -> s.add("A", "1", 3, new float[4], new byte[4], null));
    }
}
