package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The threshold comes from validation scores and nothing else. */
class ThresholdSelectionTest {

    private static ValidationScores validation(float[] p, byte[] t) {
        ValidationScores v = new ValidationScores();
        v.add(p, t, null);
        return v;
    }

    @Test
    void separableScoresGetTheMiddleOfTheGap() {
        // Water up to 0.3 (bin 3000), vessels from 0.8 (bin 8000): F1 = 1 for steps 3001..8000.
        ThresholdChoice choice =
                ThresholdSelection.f1Best(
                        validation(new float[] {0.1f, 0.3f, 0.8f, 0.9f}, new byte[] {0, 0, 1, 1}));
        assertEquals(new Threshold(3001 + 4999 / 2), choice.threshold());
        assertEquals(1.0, choice.validation().f1());
        assertEquals(ThresholdSelection.F1_BEST_RULE, choice.rule());
    }

    @Test
    void overlappingScoresGetTheF1BestRangeByHand() {
        // Ranked v w v v w v w w: F1 of the top k is .4, .33, .57, .75, .67, .8, .73, .67; the
        // top six (down to 0.35, bin 3499; 0.25 is bin 2500) win: steps 2501..3499.
        ThresholdChoice choice =
                ThresholdSelection.f1Best(
                        validation(
                                new float[] {
                                    0.95f, 0.85f, 0.75f, 0.65f, 0.55f, 0.35f, 0.25f, 0.15f
                                },
                                new byte[] {1, 0, 1, 1, 0, 1, 0, 0}));
        assertEquals(new Threshold(3000), choice.threshold());
        assertEquals(0.8, choice.validation().f1(), 1e-12);
        assertEquals(new ConfusionMatrix(4, 2, 0, 2), choice.validation());
    }

    @Test
    void validationWithoutVesselsIsRefused() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () ->
                                ThresholdSelection.f1Best(
                                        validation(new float[] {0.2f}, new byte[1])));
        assertTrue(e.getMessage().contains("no vessel pixel"), e.getMessage());
    }

    @Test
    void changingTestLabelsDoesNotChangeTheThreshold() {
        Random random = new Random(21);
        float[] validationP = new float[4096];
        byte[] validationT = new byte[validationP.length];
        float[] testP = new float[4096];
        byte[] testLabelsA = new byte[testP.length];
        byte[] testLabelsB = new byte[testP.length];
        for (int i = 0; i < validationP.length; i++) {
            validationT[i] = (byte) (random.nextDouble() < 0.05 ? 1 : 0);
            validationP[i] = clamp(0.2 + 0.5 * validationT[i] + 0.2 * random.nextGaussian());
            testLabelsA[i] = (byte) (random.nextDouble() < 0.05 ? 1 : 0);
            testLabelsB[i] = (byte) (random.nextDouble() < 0.3 ? 1 : 0);
            testP[i] = clamp(0.2 + 0.5 * testLabelsA[i] + 0.2 * random.nextGaussian());
        }
        ThresholdChoice before = ThresholdSelection.f1Best(validation(validationP, validationT));

        EvaluationScores testA = score(before, testP, testLabelsA);
        ThresholdChoice between = ThresholdSelection.f1Best(validation(validationP, validationT));
        EvaluationScores testB = score(between, testP, testLabelsB);
        ThresholdChoice after = ThresholdSelection.f1Best(validation(validationP, validationT));

        assertEquals(before, between);
        assertEquals(before, after);
        assertEquals(before.threshold(), testA.result("m", "").pixels().threshold());
        assertEquals(before.threshold(), testB.result("m", "").pixels().threshold());
        // The test labels do reach the test scores, just not the threshold.
        assertNotEquals(
                testA.result("m", "").pixels().confusion(),
                testB.result("m", "").pixels().confusion());
    }

    @Test
    void theOnlyWayInIsTheValidationScoresType() {
        for (Method m : ThresholdSelection.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers())) {
                assertEquals(
                        Arrays.asList(ValidationScores.class),
                        Arrays.asList(m.getParameterTypes()),
                        m.toString());
            }
        }
        for (Constructor<?> c : ValidationScores.class.getConstructors()) {
            assertEquals(0, c.getParameterCount(), "ValidationScores cannot wrap other scores");
        }
        for (Method m : EvaluationScores.class.getMethods()) {
            assertNotEquals(ValidationScores.class, m.getReturnType(), m.toString());
        }
    }

    private static EvaluationScores score(ThresholdChoice choice, float[] p, byte[] t) {
        EvaluationScores scores =
                new EvaluationScores(choice.threshold(), ObjectMatching.defaults(), 10);
        scores.add("scene", "tile", 64, p, t, null);
        return scores;
    }

    private static float clamp(double p) {
        return (float) Math.min(1, Math.max(0, p));
    }
}
