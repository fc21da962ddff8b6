package dev.s2v.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.s2v.config.Normalization;
import dev.s2v.model.loss.LossSpec;
import dev.s2v.raster.ProductLevel;
import dev.s2v.raster.SpectralBand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Untrained model folders for tests of later steps: a base-16, depth-2 UNET (the smallest the
 * oneDNN canary allows) with seeded weights, one training-mode pass so that batch normalisation's
 * running statistics are not the identity.
 */
public final class TestModels {
    private TestModels() {}

    /**
     * Exports a model folder (skips the test when libtorch is missing).
     *
     * @param folder the folder to create
     * @param bands the input bands
     * @param tileSizePx the tile side recorded in model.xml
     * @param normalization the model's normalisation
     * @throws IOException when the folder cannot be written
     */
    public static Path export(
            Path folder, List<SpectralBand> bands, int tileSizePx, Normalization normalization)
            throws IOException {
        return export(folder, bands, tileSizePx, normalization, false);
    }

    /**
     * Exports a model that gives the same probability to every pixel whatever its input: every
     * weight is zero (batch normalisation included, so no input reaches the head) but the head's
     * bias, the logit of {@code probability}.
     *
     * @throws IOException when the folder cannot be written
     */
    public static Path exportConstant(
            Path folder,
            List<SpectralBand> bands,
            int tileSizePx,
            Normalization normalization,
            float probability)
            throws IOException {
        Torch.assumeEngine();
        UNetArchitecture architecture =
                new UNetArchitecture(bands.size(), 16, 2, 0, true, Decoder.TRANSPOSED);
        UNetBlock block = UNetBlock.of(architecture);
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(
                    m, DataType.FLOAT32, new Shape(1, bands.size(), tileSizePx, tileSizePx));
            for (var p : block.getParameters()) {
                NDArray array = p.getValue().getArray();
                boolean headBias = p.getKey().contains("head") && p.getKey().endsWith("bias");
                array.set(
                        array.zerosLike()
                                .add(headBias ? Math.log(probability / (1 - probability)) : 0)
                                .toFloatArray());
            }
            TrainedModel.export(
                    folder, block, descriptor(bands, tileSizePx, normalization, architecture));
        }
        return folder;
    }

    /**
     * Exports a model folder whose weights, when {@code broken}, hold a NaN (as a diverged training
     * run leaves them).
     *
     * @throws IOException when the folder cannot be written
     */
    public static Path export(
            Path folder,
            List<SpectralBand> bands,
            int tileSizePx,
            Normalization normalization,
            boolean broken)
            throws IOException {
        Engine engine = Torch.assumeEngine();
        UNetArchitecture architecture =
                new UNetArchitecture(bands.size(), 16, 2, 0, true, Decoder.TRANSPOSED);
        ModelDescriptor descriptor = descriptor(bands, tileSizePx, normalization, architecture);
        UNetBlock block = UNetBlock.of(architecture);
        int side = architecture.tileMultiple() * 4;
        Shape shape = new Shape(2, bands.size(), side, side);
        float[] input = new float[(int) shape.size()];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < input.length; i++) {
            input[i] = (float) random.nextDouble();
        }
        try (NDManager m = NDManager.newBaseManager()) {
            block.initialize(m, DataType.FLOAT32, shape);
            try (NDManager step = m.newSubManager();
                    GradientCollector collector = engine.newGradientCollector()) {
                NDArray x = step.create(input, shape);
                collector.backward(
                        block.forward(new ParameterStore(m, false), new NDList(x), true)
                                .singletonOrThrow()
                                .mean());
            }
            if (broken) {
                block.getParameters().get(0).getValue().getArray().set(new NDIndex("0"), Float.NaN);
            }
            TrainedModel.export(folder, block, descriptor);
        }
        return folder;
    }

    private static ModelDescriptor descriptor(
            List<SpectralBand> bands,
            int tileSizePx,
            Normalization normalization,
            UNetArchitecture architecture) {
        return new ModelDescriptor(
                bands,
                tileSizePx,
                true,
                Optional.of(ProductLevel.L1C),
                normalization,
                architecture,
                LossSpec.of("dice"),
                0.5,
                "test-dataset",
                "datasets/test-dataset",
                "test",
                Instant.parse("2026-11-25T10:15:30Z"),
                "0.1.0");
    }
}
