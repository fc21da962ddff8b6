package dev.s2v.evaluation;

import static dev.s2v.raster.TestMasks.draw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pixel counts and ratios on 4 x 4 masks, computed by hand. */
class ConfusionMatrixTest {
    private static final double EPS = 1e-12;

    private static final byte[] TRUTH = draw("XX..", "XX..", "....", "...X");
    private static final byte[] PREDICTED = draw("X...", "XX.X", "....", "....");

    @Test
    void countsAndRatiosOfA4x4Mask() {
        ConfusionMatrix m = ConfusionMatrix.of(PREDICTED, TRUTH, null);
        assertEquals(new ConfusionMatrix(3, 1, 2, 10), m);
        assertEquals(0.75, m.precision(), EPS);
        assertEquals(0.6, m.recall(), EPS);
        assertEquals(2.0 / 3, m.f1(), EPS, "2*3 / (2*3 + 1 + 2)");
        assertEquals(0.5, m.iou(), EPS, "3 / (3 + 1 + 2)");
        assertEquals(13.0 / 16, m.accuracy(), EPS);
        assertEquals(1.0 / 11, m.falsePositiveRate(), EPS);
        assertEquals(16, m.total());
        assertEquals(5, m.positives());
    }

    @Test
    void invalidPixelsAreNotCounted() {
        boolean[] valid = new boolean[16];
        java.util.Arrays.fill(valid, true);
        valid[7] = false; // the false positive at (1, 3)
        valid[15] = false; // the missed pixel at (3, 3)
        assertEquals(new ConfusionMatrix(3, 0, 1, 10), ConfusionMatrix.of(PREDICTED, TRUTH, valid));
    }

    static Stream<Arguments> emptyCases() {
        byte[] none = new byte[16];
        return Stream.of(
                // name, predicted, truth, precision, recall, f1, iou, accuracy
                Arguments.of("empty truth", PREDICTED, none, 0.0, 1.0, 0.0, 0.0, 12.0 / 16),
                Arguments.of("empty prediction", none, TRUTH, 1.0, 0.0, 0.0, 0.0, 11.0 / 16),
                Arguments.of("both empty", none, none, 1.0, 1.0, 1.0, 1.0, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyCases")
    void emptyMasksFollowTheZeroOverZeroRules(
            String name,
            byte[] predicted,
            byte[] truth,
            double precision,
            double recall,
            double f1,
            double iou,
            double accuracy) {
        ConfusionMatrix m = ConfusionMatrix.of(predicted, truth, null);
        assertEquals(precision, m.precision(), EPS, "precision");
        assertEquals(recall, m.recall(), EPS, "recall");
        assertEquals(f1, m.f1(), EPS, "f1");
        assertEquals(iou, m.iou(), EPS, "iou");
        assertEquals(accuracy, m.accuracy(), EPS, "accuracy");
    }

    @Test
    void noPixelsAtAllIsNotAnError() {
        ConfusionMatrix m = ConfusionMatrix.empty();
        assertEquals(1.0, m.accuracy());
        assertEquals(0.0, m.falsePositiveRate());
        assertEquals(1.0, m.f1());
    }

    @Test
    void theAllBackgroundPredictorScoresZeroF1DespiteItsAccuracy() {
        byte[] truth = new byte[10_000];
        truth[42] = 1;
        ConfusionMatrix m = ConfusionMatrix.of(new byte[10_000], truth, null);
        assertEquals(0.9999, m.accuracy(), EPS);
        assertEquals(0.0, m.f1());
        assertEquals(0.0, m.iou());
    }

    @Test
    void matricesAddUp() {
        assertEquals(
                new ConfusionMatrix(4, 6, 8, 10),
                new ConfusionMatrix(1, 2, 3, 4).plus(new ConfusionMatrix(3, 4, 5, 6)));
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ConfusionMatrix(-1, 0, 0, 0));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new byte[3], new byte[4], null));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConfusionMatrix.of(new byte[4], new byte[4], new boolean[3]));
    }
}
