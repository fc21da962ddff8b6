package dev.s2v.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * The original notebook's Keras UNET in DJL: input {@code (N, bands, H, W)} float32, output vessel
 * probabilities {@code (N, 1, H, W)}.
 *
 * <p>Encoder level {@code i} ({@code i = 0..depth-1}): [3x3 'same' convolution, batch norm, ReLU]
 * twice with {@code base * 2^i} filters (the skip connection), 2x2 max pooling, dropout.
 * Bottleneck: the same double convolution with {@code base * 2^depth} filters. Decoder level {@code
 * i}, deepest first: 2x up-sampling to {@code base * 2^i} filters ({@link Decoder}), concatenation
 * {@code [up, skip]} along channels, dropout, double convolution. Head: 1x1 convolution to one
 * channel and a sigmoid. Batch normalisation uses Keras' momentum 0.99 and epsilon 1e-3;
 * convolutions have biases, as in Keras.
 *
 * <p>H and W must be multiples of {@code 2^depth}. Build with {@link #builder()} or {@link
 * #of(UNetArchitecture)}.
 */
public final class UNetBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final Shape POOL = new Shape(2, 2);
    private static final Shape NO_PADDING = new Shape(0, 0);
    private static final float BATCH_NORM_MOMENTUM = 0.99f;
    private static final float BATCH_NORM_EPSILON = 1e-3f;

    private final UNetArchitecture architecture;
    private final Block[] encoders;
    private final Block bottleneck;
    private final Block[] upsamplers;
    private final Block[] decoders;
    private final Block head;

    private UNetBlock(UNetArchitecture architecture) {
        super(VERSION);
        this.architecture = architecture;
        int depth = architecture.depth();
        encoders = new Block[depth];
        upsamplers = new Block[depth];
        decoders = new Block[depth];
        for (int level = 0; level < depth; level++) {
            encoders[level] =
                    addChildBlock("encoder" + level, doubleConv(architecture.filters(level)));
        }
        bottleneck = addChildBlock("bottleneck", doubleConv(architecture.filters(depth)));
        for (int level = depth - 1; level >= 0; level--) {
            int filters = architecture.filters(level);
            upsamplers[level] = addChildBlock("up" + level, upsampler(filters));
            decoders[level] = addChildBlock("decoder" + level, doubleConv(filters));
        }
        head =
                addChildBlock(
                        "head",
                        Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(1).build());
    }

    /** A UNET of the given architecture, not yet initialised. */
    public static UNetBlock of(UNetArchitecture architecture) {
        return new UNetBlock(architecture);
    }

    /** A builder; {@link Builder#setInputBands(int)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The hyper-parameters this network was built from. */
    public UNetArchitecture architecture() {
        return architecture;
    }

    /**
     * The number of values in this block's parameters, as DJL holds them (batch normalisation's
     * running statistics included).
     *
     * @throws IllegalStateException when the block is not initialised
     */
    public long countParameters() {
        if (!isInitialized()) {
            throw new IllegalStateException("the UNET is not initialised");
        }
        long total = 0;
        for (Pair<String, Parameter> parameter : getParameters()) {
            total += parameter.getValue().getArray().size();
        }
        return total;
    }

    /**
     * Checks that an input shape fits this network.
     *
     * @throws IllegalArgumentException naming the expected and the actual shape
     */
    public void checkInputShape(Shape shape) {
        int multiple = architecture.tileMultiple();
        if (shape.dimension() != 4
                || shape.get(1) != architecture.inputBands()
                || shape.get(2) % multiple != 0
                || shape.get(3) % multiple != 0
                || shape.get(2) == 0
                || shape.get(3) == 0) {
            throw new IllegalArgumentException(
                    "UNET input must be (N, "
                            + architecture.inputBands()
                            + ", H, W) with H and W positive multiples of "
                            + multiple
                            + " (2^depth), got "
                            + shape);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), 1, in.get(2), in.get(3))};
    }

    @Override
    protected void initializeChildBlocks(
            NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        checkInputShape(shape);
        Shape[] skips = new Shape[architecture.depth()];
        for (int level = 0; level < encoders.length; level++) {
            shape = initialize(encoders[level], manager, dataType, shape);
            skips[level] = shape;
            shape = new Shape(shape.get(0), shape.get(1), shape.get(2) / 2, shape.get(3) / 2);
        }
        shape = initialize(bottleneck, manager, dataType, shape);
        for (int level = encoders.length - 1; level >= 0; level--) {
            shape = initialize(upsamplers[level], manager, dataType, shape);
            Shape concatenated =
                    new Shape(
                            shape.get(0),
                            shape.get(1) + skips[level].get(1),
                            shape.get(2),
                            shape.get(3));
            shape = initialize(decoders[level], manager, dataType, concatenated);
        }
        initialize(head, manager, dataType, shape);
    }

    private static Shape initialize(
            Block block, NDManager manager, DataType dataType, Shape input) {
        block.initialize(manager, dataType, input);
        return block.getOutputShapes(new Shape[] {input})[0];
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        checkInputShape(input.getShape());
        Stages stages = new Stages(parameterStore, training, params);
        NDArray x = input;
        NDArray[] skips = new NDArray[encoders.length];
        for (int level = 0; level < encoders.length; level++) {
            skips[level] = stages.apply(encoders[level], x);
            if (x != input) {
                stages.release(x);
            }
            x = dropout(Pool.maxPool2d(skips[level], POOL, POOL, NO_PADDING, false), training);
        }
        x = stages.then(bottleneck, x);
        for (int level = encoders.length - 1; level >= 0; level--) {
            NDArray up = stages.then(upsamplers[level], x);
            x = dropout(up.concat(skips[level], 1), training);
            stages.release(up);
            stages.release(skips[level]);
            x = stages.then(decoders[level], x);
        }
        x = stages.then(head, x);
        NDArray probabilities = Activation.sigmoid(x);
        stages.release(x);
        return new NDList(probabilities);
    }

    /**
     * Runs the child blocks. In training every intermediate array must live until the backward
     * pass. In inference none need to: each block runs in an {@link NDScope} that closes its
     * intermediates at once, and the caller releases a block's input as soon as nothing reads it,
     * so a forward pass over a 512 px window holds a few arrays at a time rather than every array
     * it made (about 400 MB less at base 16).
     */
    private static final class Stages {
        private final ParameterStore parameterStore;
        private final boolean training;
        private final PairList<String, Object> params;

        Stages(ParameterStore parameterStore, boolean training, PairList<String, Object> params) {
            this.parameterStore = parameterStore;
            this.training = training;
            this.params = params;
        }

        NDArray apply(Block block, NDArray x) {
            if (training) {
                return forward(block, x);
            }
            try (NDScope scope = new NDScope()) {
                NDArray y = forward(block, x);
                NDScope.unregister(y);
                return y;
            }
        }

        /** Applies a block to an array nothing else reads, which is then released. */
        NDArray then(Block block, NDArray x) {
            NDArray y = apply(block, x);
            release(x);
            return y;
        }

        void release(NDArray x) {
            if (!training) {
                x.close();
            }
        }

        private NDArray forward(Block block, NDArray x) {
            return block.forward(parameterStore, new NDList(x), training, params)
                    .singletonOrThrow();
        }
    }

    private NDArray dropout(NDArray x, boolean training) {
        if (!training || architecture.dropout() == 0) {
            return x;
        }
        return Dropout.dropout(x, (float) architecture.dropout(), true).singletonOrThrow();
    }

    private Block doubleConv(int filters) {
        SequentialBlock block = new SequentialBlock();
        for (int i = 0; i < 2; i++) {
            block.add(
                    Conv2d.builder()
                            .setKernelShape(new Shape(3, 3))
                            .optPadding(new Shape(1, 1))
                            .setFilters(filters)
                            .build());
            if (architecture.batchNorm()) {
                block.add(
                        BatchNorm.builder()
                                .optMomentum(BATCH_NORM_MOMENTUM)
                                .optEpsilon(BATCH_NORM_EPSILON)
                                .build());
            }
            block.add(Activation.reluBlock());
        }
        return block;
    }

    private Block upsampler(int filters) {
        return switch (architecture.decoder()) {
            case TRANSPOSED -> TransposedConv2d.builder().setFilters(filters).build();
            case UPSAMPLE_CONV ->
                    new SequentialBlock()
                            .add(LambdaBlock.singleton(UNetBlock::nearest2x, "nearest2x"))
                            .add(
                                    Conv2d.builder()
                                            .setKernelShape(new Shape(3, 3))
                                            .optPadding(new Shape(1, 1))
                                            .setFilters(filters)
                                            .build());
        };
    }

    /** Nearest-neighbour 2x up-sampling of {@code (N, C, H, W)}: each pixel becomes 2x2. */
    static NDArray nearest2x(NDArray x) {
        return x.repeat(2, 2).repeat(3, 2);
    }

    /** Builds a {@link UNetBlock}; defaults are the notebook's (64 filters, depth 4). */
    public static final class Builder {
        private int inputBands;
        private int baseFilters = 64;
        private int depth = 4;
        private double dropout = 0.25;
        private boolean batchNorm = true;
        private Decoder decoder = Decoder.TRANSPOSED;

        private Builder() {}

        /** Sets the number of input bands (required). */
        public Builder setInputBands(int inputBands) {
            this.inputBands = inputBands;
            return this;
        }

        /** Sets the filters of the first level (default 64). */
        public Builder optBaseFilters(int baseFilters) {
            this.baseFilters = baseFilters;
            return this;
        }

        /** Sets the number of down-sampling levels (default 4). */
        public Builder optDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** Sets the dropout rate (default 0.25). */
        public Builder optDropout(double dropout) {
            this.dropout = dropout;
            return this;
        }

        /** Sets whether convolutions are batch-normalised (default true). */
        public Builder optBatchNorm(boolean batchNorm) {
            this.batchNorm = batchNorm;
            return this;
        }

        /** Sets the decoder's up-sampling (default {@link Decoder#TRANSPOSED}). */
        public Builder optDecoder(Decoder decoder) {
            this.decoder = decoder;
            return this;
        }

        /**
         * Validates the settings and builds the block.
         *
         * @throws IllegalArgumentException naming the first invalid setting
         */
        public UNetBlock build() {
            return new UNetBlock(
                    new UNetArchitecture(
                            inputBands, baseFilters, depth, dropout, batchNorm, decoder));
        }
    }
}
