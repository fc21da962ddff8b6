package dev.s2v.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.s2v.model.loss.Losses;
import dev.s2v.model.loss.SegmentationLoss;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("native")
class UNetBlockTest {

    @Test
    void countsParametersAsKerasDoes() {
        Torch.assumeEngine();
        // the notebook's Keras model.summary() for 7 bands, depth 4
        assertCounts(UNetBlock.builder().setInputBands(7).optBaseFilters(64).build(), 34_539_201);
        assertCounts(UNetBlock.builder().setInputBands(7).optBaseFilters(16).build(), 2_165_169);
        assertCounts(
                UNetBlock.builder()
                        .setInputBands(7)
                        .optBaseFilters(16)
                        .optDecoder(Decoder.UPSAMPLE_CONV)
                        .build(),
                2_165_169);
        // without batch norm: 2 x 4 x (16 + 32 + 64 + 128 + 256 + 128 + 64 + 32 + 16) fewer
        assertCounts(
                UNetBlock.builder().setInputBands(7).optBaseFilters(16).optBatchNorm(false).build(),
                2_165_169 - 8 * 736);
    }

    private static void assertCounts(UNetBlock block, long expected) {
        assertEquals(expected, block.architecture().parameterCount(), "formula");
        // zeros are quicker to make than 34 million Gaussian numbers
        block.setInitializer(Initializer.ZEROS, Parameter.Type.WEIGHT);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 7, 16, 16));
            assertEquals(expected, block.countParameters(), "DJL");
        }
    }

    @Test
    void predictsOneProbabilityPerPixel() {
        Torch.assumeEngine();
        for (Decoder decoder : Decoder.values()) {
            UNetBlock block =
                    UNetBlock.builder()
                            .setInputBands(7)
                            .optBaseFilters(16)
                            .optDepth(2)
                            .optDecoder(decoder)
                            .build();
            try (NDManager m = NDManager.newBaseManager()) {
                block.initialize(m, DataType.FLOAT32, new Shape(2, 7, 12, 8));
                NDArray x = m.randomUniform(0, 1, new Shape(2, 7, 12, 8));
                NDArray y =
                        block.forward(new ParameterStore(m, false), new NDList(x), false)
                                .singletonOrThrow();
                assertEquals(new Shape(2, 1, 12, 8), y.getShape(), decoder.key());
                assertEquals(
                        new Shape(2, 1, 12, 8),
                        block.getOutputShapes(new Shape[] {x.getShape()})[0]);
                assertTrue(y.min().getFloat() > 0 && y.max().getFloat() < 1, decoder.key());
            }
        }
    }

    @Test
    void refusesTilesThatDoNotHalveDepthTimesAndWrongBands() {
        Torch.assumeEngine();
        UNetBlock block = UNetBlock.builder().setInputBands(7).optBaseFilters(16).build();
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, new Shape(1, 7, 16, 16));
            ParameterStore store = new ParameterStore(m, false);
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    block.forward(
                                            store,
                                            new NDList(m.zeros(new Shape(1, 7, 24, 16))),
                                            false));
            assertEquals(
                    "UNET input must be (N, 7, H, W) with H and W positive multiples of 16 (2^depth), got (1, 7, 24, 16)",
                    e.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () ->
                            block.forward(
                                    store, new NDList(m.zeros(new Shape(1, 4, 16, 16))), false));
        }
    }

    @Test
    void builderValidatesEverySetting() {
        assertEquals(
                "inputBands must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> UNetBlock.builder().build())
                        .getMessage());
        assertEquals(
                "filters must be a positive multiple of 16 (16, 32, 64, ...), got 8: libtorch's CPU"
                        + " convolutions compute wrong gradients for other channel counts",
                assertThrows(
                                IllegalArgumentException.class,
                                () ->
                                        UNetBlock.builder()
                                                .setInputBands(7)
                                                .optBaseFilters(8)
                                                .build())
                        .getMessage());
        assertEquals(
                "depth must be 1 to 8, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> UNetBlock.builder().setInputBands(7).optDepth(0).build())
                        .getMessage());
        assertEquals(
                "dropout must be in [0, 1), got 1.0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> UNetBlock.builder().setInputBands(7).optDropout(1).build())
                        .getMessage());
        assertEquals(
                new UNetArchitecture(7, 64, 4, 0.25, true, Decoder.TRANSPOSED),
                UNetBlock.builder().setInputBands(7).build().architecture());
    }

    @Test
    void nearestUpsamplingRepeatsEachPixelTwiceEachWay() {
        Torch.assumeEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            assertArrayEquals(
                    new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4},
                    UNetBlock.nearest2x(x).toFloatArray());
        }
    }

    @Test
    void aFewAdamStepsLowerTheDiceLoss() {
        Engine engine = Torch.assumeEngine();
        UNetBlock block =
                UNetBlock.builder()
                        .setInputBands(3)
                        .optBaseFilters(16)
                        .optDepth(2)
                        .optDropout(0)
                        .build();
        SegmentationLoss dice = Losses.create("dice", Map.of());
        try (Model model = Model.newInstance("unet", engine.getEngineName())) {
            model.setBlock(block);
            DefaultTrainingConfig config =
                    new DefaultTrainingConfig(dice)
                            .optOptimizer(
                                    Optimizer.adam()
                                            .optLearningRateTracker(Tracker.fixed(0.01f))
                                            .build());
            try (Trainer trainer = model.newTrainer(config)) {
                Shape shape = new Shape(2, 3, 16, 16);
                trainer.initialize(shape);
                NDManager m = trainer.getManager();
                NDArray x = m.randomUniform(0, 1, shape);
                // vessels where the first band is bright
                NDArray mask = x.get(":, 0:1, :, :").gt(0.7f).toType(DataType.FLOAT32, false);
                float first = Float.NaN;
                float last = Float.NaN;
                for (int step = 0; step < 12; step++) {
                    try (NDManager stepManager = m.newSubManager();
                            GradientCollector collector = trainer.newGradientCollector()) {
                        NDArray batch = x.duplicate();
                        batch.attach(stepManager);
                        NDArray probabilities =
                                trainer.forward(new NDList(batch)).singletonOrThrow();
                        NDArray loss = dice.evaluate(new NDList(mask), new NDList(probabilities));
                        collector.backward(loss);
                        last = loss.getFloat();
                        if (step == 0) {
                            first = last;
                        }
                    }
                    trainer.step();
                }
                assertTrue(last < first / 2, "dice loss " + first + " -> " + last);
            }
        }
    }

    @Test
    void forwardPassesLeaveNothingInTheParametersManager() {
        Engine engine = Torch.assumeEngine();
        UNetBlock block =
                UNetBlock.builder().setInputBands(3).optBaseFilters(16).optDepth(2).build();
        Shape shape = new Shape(2, 3, 16, 16);
        try (NDManager root = NDManager.newBaseManager()) {
            NDManager parameters = root.newSubManager();
            block.initialize(parameters, DataType.FLOAT32, shape);
            ParameterStore store = new ParameterStore(parameters, false);
            int before = parameters.getManagedArrays().size();
            for (int step = 0; step < 3; step++) {
                try (NDManager stepManager = root.newSubManager()) {
                    NDArray x = stepManager.randomUniform(0, 1, shape);
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        collector.backward(
                                block.forward(store, new NDList(x), true)
                                        .singletonOrThrow()
                                        .mean());
                    }
                    block.forward(store, new NDList(x), false);
                }
            }
            assertEquals(before, parameters.getManagedArrays().size());
            // the pitfall is real: an op whose first operand is a weight lands in its manager
            block.getParameters().valueAt(0).getArray().transpose();
            assertEquals(before + 1, parameters.getManagedArrays().size());
        }
    }
}
