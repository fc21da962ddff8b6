package dev.s2v.model.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.s2v.model.Torch;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every loss against values computed by hand on 2x2 tiles. */
@Tag("native")
class LossesTest {
    private static final double TOLERANCE = 1e-5;

    // Tile A: one vessel pixel found with 0.8, false alarms of 0.2 and 0.5.
    private static final float[] MASK_A = {1, 0, 0, 0};
    private static final float[] PROB_A = {0.8f, 0.2f, 0, 0.5f};
    // Tile E: empty mask, all-zero prediction.
    private static final float[] EMPTY = {0, 0, 0, 0};
    // Tile F: empty mask, a false alarm of 0.5.
    private static final float[] PROB_F = {0.5f, 0, 0, 0};
    // Tile M: two vessel pixels, all-zero prediction.
    private static final float[] MASK_M = {1, 1, 0, 0};

    static Stream<Arguments> handComputed() {
        double logEps = Math.log(1e-7);
        double log1mEps = Math.log1p(-1e-7);
        return Stream.of(
                // dice = 1 - (2 sum(py) + 1) / (sum(p) + sum(y) + 1), per tile, then the mean
                Arguments.of("dice", Map.of(), MASK_A, PROB_A, 1 - 2.6 / 3.5),
                Arguments.of("dice", Map.of(), EMPTY, EMPTY, 0.0),
                Arguments.of("dice", Map.of(), EMPTY, PROB_F, 1 - 1 / 1.5),
                Arguments.of("dice", Map.of(), MASK_M, EMPTY, 1 - 1 / 3.0),
                Arguments.of("dice", Map.of("smooth", 0.5), MASK_A, PROB_A, 1 - 2.1 / 3.0),
                // jaccard = 1 - (sum(py) + 1) / (sum(p) + sum(y) - sum(py) + 1)
                Arguments.of("jaccard", Map.of(), MASK_A, PROB_A, 1 - 1.8 / 2.7),
                Arguments.of("jaccard", Map.of(), EMPTY, EMPTY, 0.0),
                Arguments.of("jaccard", Map.of(), MASK_M, EMPTY, 1 - 1 / 3.0),
                // tversky(0.3, 0.7): TP 0.8, FP 0.7, FN 0.2
                Arguments.of("tversky", Map.of(), MASK_A, PROB_A, 1 - 1.8 / (1.8 + 0.21 + 0.14)),
                Arguments.of("tversky", Map.of(), EMPTY, EMPTY, 0.0),
                Arguments.of(
                        "tversky",
                        Map.of("alpha", 0.5, "beta", 0.5, "smooth", 0.5),
                        MASK_A,
                        PROB_A,
                        1 - 2.6 / 3.5),
                // bce: -mean(w y log p + (1 - y) log(1 - p)), p clamped to [1e-7, 1 - 1e-7]
                Arguments.of(
                        "bce",
                        Map.of(),
                        MASK_A,
                        PROB_A,
                        -(Math.log(0.8) + Math.log(0.8) + log1mEps + Math.log(0.5)) / 4),
                Arguments.of(
                        "bce",
                        Map.of("pos_weight", 3.0),
                        MASK_A,
                        PROB_A,
                        -(3 * Math.log(0.8) + Math.log(0.8) + log1mEps + Math.log(0.5)) / 4),
                Arguments.of("bce", Map.of(), EMPTY, EMPTY, -log1mEps),
                Arguments.of(
                        "bce",
                        Map.of("pos_weight", 2.0),
                        MASK_M,
                        EMPTY,
                        -(4 * logEps + 2 * log1mEps) / 4),
                // focal(2, 0.25): -mean(0.25 y (1-p)^2 log p + 0.75 (1-y) p^2 log(1-p))
                Arguments.of(
                        "focal",
                        Map.of(),
                        MASK_A,
                        PROB_A,
                        -(0.25 * 0.04 * Math.log(0.8)
                                        + 0.75 * 0.04 * Math.log(0.8)
                                        + 0.75 * 1e-14 * log1mEps
                                        + 0.75 * 0.25 * Math.log(0.5))
                                / 4),
                Arguments.of(
                        "focal",
                        Map.of(),
                        MASK_M,
                        EMPTY,
                        -(2 * 0.25 * Math.pow(1 - 1e-7, 2) * logEps + 2 * 0.75 * 1e-14 * log1mEps)
                                / 4),
                Arguments.of(
                        "focal",
                        Map.of("gamma", 0.0, "alpha", 0.5),
                        MASK_A,
                        PROB_A,
                        -(Math.log(0.8) + Math.log(0.8) + log1mEps + Math.log(0.5)) / 8),
                // dice_bce = dice + bce
                Arguments.of(
                        "dice_bce",
                        Map.of(),
                        MASK_A,
                        PROB_A,
                        1 - 2.6 / 3.5 - (2 * Math.log(0.8) + log1mEps + Math.log(0.5)) / 4),
                Arguments.of("dice_bce", Map.of(), EMPTY, EMPTY, -log1mEps));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("handComputed")
    void matchesHandComputedValueOnOneTile(
            String name, Map<String, Double> params, float[] mask, float[] prob, double expected) {
        Torch.assumeEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(expected, loss(m, name, params, List.of(mask), List.of(prob)), TOLERANCE);
        }
    }

    @Test
    void overlapLossesAverageTilesNotPixels() {
        Torch.assumeEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            // tile A (1 - 2.6/3.5) and a perfect empty tile (0): the mean of the two
            assertEquals(
                    (1 - 2.6 / 3.5) / 2,
                    loss(m, "dice", Map.of(), List.of(MASK_A, EMPTY), List.of(PROB_A, EMPTY)),
                    TOLERANCE);
            // over the batch it would be 1 - (1.6 + 1) / (1.5 + 1 + 1)
            assertEquals(
                    (1 - 1.8 / 2.7 + 1 - 1 / 3.0) / 2,
                    loss(m, "jaccard", Map.of(), List.of(MASK_A, MASK_M), List.of(PROB_A, EMPTY)),
                    TOLERANCE);
        }
    }

    @Test
    void gradientFlowsToPredictionsAndIsFiniteAtSaturation() {
        var engine = Torch.assumeEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mask = m.create(new float[] {1, 0, 1, 0}, new Shape(1, 1, 2, 2));
            for (String name : Losses.names()) {
                NDArray prob = m.create(new float[] {1, 0, 0.3f, 1}, new Shape(1, 1, 2, 2));
                prob.setRequiresGradient(true);
                try (var collector = engine.newGradientCollector()) {
                    collector.backward(
                            Losses.create(name, Map.of())
                                    .evaluate(new NDList(mask), new NDList(prob)));
                }
                float[] gradient = prob.getGradient().toFloatArray();
                for (float g : gradient) {
                    assertTrue(Float.isFinite(g), name + " gradient " + g);
                }
                assertTrue(gradient[2] < 0, name + ": raising a missed vessel must lower the loss");
            }
        }
    }

    @Test
    void integerMasksAreAccepted() {
        Torch.assumeEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mask = m.create(new byte[] {1, 0, 0, 0}, new Shape(1, 1, 2, 2));
            NDArray prob = m.create(PROB_A, new Shape(1, 1, 2, 2));
            NDArray value =
                    Losses.create("dice", Map.of()).evaluate(new NDList(mask), new NDList(prob));
            assertEquals(1 - 2.6 / 3.5, value.getFloat(), TOLERANCE);
        }
    }

    @Test
    void refusesMismatchedShapes() {
        Torch.assumeEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mask = m.zeros(new Shape(1, 1, 2, 2));
            NDArray prob = m.zeros(new Shape(1, 1, 2, 3));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    Losses.create("dice", Map.of())
                                            .evaluate(new NDList(mask), new NDList(prob)));
            assertEquals(
                    "loss dice needs mask and probabilities of one shape (N, 1, H, W), got (1, 1, 2, 2) and (1, 1, 2, 3)",
                    e.getMessage());
        }
    }

    @Test
    void factoryFillsDefaultsAndKeepsTheDocumentedOrder() {
        assertEquals(
                List.of("dice", "bce", "dice_bce", "jaccard", "focal", "tversky"), Losses.names());
        assertEquals(Map.of("smooth", 1.0), LossSpec.of("dice").params());
        assertEquals(
                List.of("alpha", "beta", "smooth"),
                List.copyOf(new LossSpec("TVERSKY", Map.of("beta", 0.9)).params().keySet()));
        assertEquals(0.9, new LossSpec("tversky", Map.of("beta", 0.9)).param("beta"));
        assertEquals("tversky", new LossSpec(" TVERSKY ", Map.of()).name());
        assertEquals(
                new LossSpec("focal", Map.of("gamma", 2.0, "alpha", 0.25)),
                Losses.create("focal", Map.of()).spec());
        assertInstanceOf(DiceBceLoss.class, Losses.create("dice_bce", Map.of()));
        assertEquals("dice_bce", Losses.create("dice_bce", Map.of()).getName());
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "dcie",
                        Map.of(),
                        "unknown loss 'dcie'; allowed: dice, bce, dice_bce, jaccard, focal, tversky"),
                Arguments.of(
                        "focal",
                        Map.of("gama", 2.0),
                        "loss focal has no parameter 'gama'; allowed: gamma, alpha"),
                Arguments.of(
                        "focal",
                        Map.of("alpha", 1.5),
                        "loss focal parameter alpha must be in [0, 1], got 1.5"),
                Arguments.of(
                        "dice",
                        Map.of("smooth", 0.0),
                        "loss dice parameter smooth must be positive, got 0.0"),
                Arguments.of(
                        "bce",
                        Map.of("pos_weight", Double.NaN),
                        "loss bce parameter pos_weight must be positive, got NaN"),
                Arguments.of(
                        "focal",
                        Map.of("gamma", -1.0),
                        "loss focal parameter gamma must be at least 0, got -1.0"),
                Arguments.of(
                        "tversky",
                        Map.of("alpha", 0.0, "beta", 0.0),
                        "loss tversky needs alpha + beta > 0, got alpha 0 and beta 0"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("refusals")
    void refusesUnknownNamesAndParametersInOneLine(
            String name, Map<String, Double> params, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Losses.create(name, params));
        assertEquals(message, e.getMessage());
    }

    private static double loss(
            NDManager m,
            String name,
            Map<String, Double> params,
            List<float[]> masks,
            List<float[]> probs) {
        Shape shape = new Shape(masks.size(), 1, 2, 2);
        NDArray mask = m.create(concat(masks), shape);
        NDArray prob = m.create(concat(probs), shape);
        return Losses.create(name, params).evaluate(new NDList(mask), new NDList(prob)).getFloat();
    }

    private static float[] concat(List<float[]> tiles) {
        float[] all = new float[tiles.size() * 4];
        for (int i = 0; i < tiles.size(); i++) {
            System.arraycopy(tiles.get(i), 0, all, 4 * i, 4);
        }
        return all;
    }
}
