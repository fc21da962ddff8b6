package dev.s2v.evaluation;

import static dev.s2v.evaluation.TestObjects.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.InstanceObjects;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vessel counts per length class and the length error, by hand. */
class ObjectAccumulatorTest {
    private static final double EPS = 1e-12;

    /**
     * True vessels of 10, 30, 60 and 150 m; predictions of 5 m (on the 10 m vessel), 55 m (on the
     * 30 m vessel) and a 10 m false alarm far away.
     */
    private static ObjectAccumulator oneTile() {
        ObjectAccumulator objects = new ObjectAccumulator(ObjectMatching.defaults());
        ObjectScores tile =
                objects.add(
                        List.of(at(0, 0, 10), at(0, 20, 30), at(0, 40, 60), at(0, 60, 150)),
                        List.of(at(1, 0, 5), at(0, 21, 55), at(30, 30, 10)));
        assertEquals(new ObjectScores(4, 2, 3, 2), tile);
        return objects;
    }

    @Test
    void overallScores() {
        ObjectScores overall = oneTile().metrics().overall();
        assertEquals(new ObjectScores(4, 2, 3, 2), overall);
        assertEquals(2.0 / 3, overall.precision(), EPS);
        assertEquals(0.5, overall.recall(), EPS);
        assertEquals(4.0 / 7, overall.f1(), EPS, "2TP / (2TP + FP + FN) = 4 / 7");
    }

    @Test
    void recallIsBinnedByTrueLengthAndPrecisionByPredictedLength() {
        List<LengthBinScores> bins = oneTile().metrics().byLength();
        assertEquals(
                List.of(
                        new LengthBinScores(LengthBin.UNDER_25_M, new ObjectScores(1, 1, 2, 1)),
                        new LengthBinScores(
                                LengthBin.FROM_25_TO_50_M, new ObjectScores(1, 1, 0, 0)),
                        new LengthBinScores(
                                LengthBin.FROM_50_TO_100_M, new ObjectScores(1, 0, 1, 1)),
                        new LengthBinScores(LengthBin.OVER_100_M, new ObjectScores(1, 0, 0, 0))),
                bins);
        assertEquals(0.5, bins.get(0).scores().precision(), EPS);
        assertEquals(2.0 / 3, bins.get(0).scores().f1(), EPS);
        assertEquals(1.0, bins.get(1).scores().precision(), EPS, "no prediction: no false alarm");
        assertEquals(0.0, bins.get(2).scores().f1(), EPS);
    }

    @Test
    void lengthErrorOfMatchedVessels() {
        // Errors: 5 - 10 = -5 and 55 - 30 = 25.
        LengthError e = oneTile().metrics().lengthError();
        assertEquals(new LengthError(2, 10, 10, 15), e);
        assertEquals(new LengthError(3, 1, -1, 3), LengthError.of(new double[] {6, -2, -1}));
    }

    @Test
    void tilesAddUp() {
        ObjectAccumulator objects = oneTile();
        objects.add(List.of(at(5, 5, 30)), List.of(at(5, 6, 30)));
        assertEquals(new ObjectScores(5, 3, 4, 3), objects.metrics().overall());
        assertEquals(3, objects.metrics().lengthError().matched());
        assertEquals(0.0, objects.metrics().lengthError().medianM(), EPS);
    }

    @Test
    void nothingToFindAndNothingFoundIsPerfectButHasNoLengthError() {
        ObjectAccumulator objects = new ObjectAccumulator(ObjectMatching.defaults());
        assertEquals(ObjectScores.empty(), objects.add(List.of(), List.of()));
        ObjectMetrics m = objects.metrics();
        assertEquals(1.0, m.overall().f1());
        assertTrue(Double.isNaN(m.lengthError().meanM()));
    }

    @Test
    void missingEveryVesselScoresZero() {
        ObjectAccumulator objects = new ObjectAccumulator(ObjectMatching.defaults());
        objects.add(List.of(at(1, 1)), List.of());
        assertEquals(1.0, objects.metrics().overall().precision());
        assertEquals(0.0, objects.metrics().overall().f1());
    }

    @Test
    void lengthBinBoundsAreInclusiveBelow() {
        assertEquals(LengthBin.UNDER_25_M, LengthBin.of(24.999));
        assertEquals(LengthBin.FROM_25_TO_50_M, LengthBin.of(25));
        assertEquals(LengthBin.FROM_50_TO_100_M, LengthBin.of(99.9));
        assertEquals(LengthBin.OVER_100_M, LengthBin.of(100));
    }

    @Test
    void shortPredictionsAreSetAsideAndShortVesselsAreOptional() {
        ObjectAccumulator objects = new ObjectAccumulator(new ObjectMatching(5, 30, 10));
        ObjectScores tile =
                objects.add(
                        // A 20 m vessel (optional), a 60 m vessel found, a 120 m vessel missed.
                        List.of(at(0, 0, 20), at(0, 40, 60), at(50, 50, 120)),
                        // The 20 m vessel found (neither hit nor false alarm), the 60 m one found,
                        // a 10 m speck (set aside), a 40 m false alarm 8 px from the missed vessel
                        // (near) and one 40 px from every vessel (far).
                        List.of(
                                at(0, 1, 25 + 10),
                                at(0, 41, 58),
                                at(20, 20, 10),
                                at(58, 50, 40),
                                at(90, 90, 40)));
        assertEquals(new ObjectScores(2, 1, 3, 1), tile);
        FalseAlarms f = objects.metrics().falseAlarms();
        assertEquals(new FalseAlarms(1, 1, 1), f);
        assertEquals(0.5, f.precisionCountingFarOnly(1), EPS);
        assertEquals(1.0 / 3, objects.metrics().overall().precision(), EPS);
    }

    @Test
    void twoMooredShipsFoundAsOneObjectAreOneHitAndOneMiss() {
        int[] ids = new int[8 * 6];
        byte[] predicted = new byte[8 * 6];
        for (int r = 1; r < 5; r++) {
            for (int c = 1; c < 7; c++) {
                ids[r * 8 + c] = r < 3 ? 1 : 2;
                predicted[r * 8 + c] = 1;
            }
        }
        ObjectAccumulator objects = new ObjectAccumulator(ObjectMatching.defaults());
        ObjectScores tile =
                objects.add(
                        InstanceObjects.of(ids, null, 8, 6, 10),
                        ConnectedComponents.label(predicted, 8, 6, 10).objects());
        assertEquals(new ObjectScores(2, 1, 1, 1), tile);
    }
}
