package dev.s2v.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Keras {@code Conv2DTranspose(filters, 3, strides=2, padding='same')} for DJL's PyTorch engine,
 * which does not implement {@code Conv2dTranspose}.
 *
 * <p>Along each axis Keras computes {@code out[2i + k] += x[i] * w[k]} for {@code k = 0..2} and
 * keeps outputs {@code 0..2H-1}. Even outputs are therefore {@code out[2m] = x[m] w[0] + x[m-1]
 * w[2]} and odd outputs {@code out[2m+1] = x[m] w[1]}. The block pads the input with one zero row
 * on top and one zero column on the left, runs four stride-1 convolutions on the low-resolution
 * input with kernels sliced from the one 3x3 weight (2x2 for even/even, 2x1 and 1x2 for the mixed
 * phases, 1x1 for odd/odd) and interleaves their outputs. That is exactly the arithmetic, the
 * parameters and the gradients of a real transposed convolution, with none of the multiplications
 * by zero of the zero-stuffing formulation. (PyTorch's {@code ConvTranspose2d(padding=1,
 * output_padding=1)} would be shifted by one pixel from Keras.)
 *
 * <p>The weight has the layout of PyTorch's {@code ConvTranspose2d}, {@code (in, out, 3, 3)}, which
 * is the Keras kernel {@code (3, 3, out, in)} permuted by {@code (3, 2, 0, 1)}; the bias has {@code
 * out} values.
 */
public final class TransposedConv2d extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final int KERNEL = 3;

    private final int filters;
    private final Parameter weight;
    private final Parameter bias;

    private TransposedConv2d(Builder builder) {
        super(VERSION);
        filters = builder.filters;
        weight =
                addParameter(
                        Parameter.builder()
                                .setName("weight")
                                .setType(Parameter.Type.WEIGHT)
                                .build());
        bias =
                addParameter(
                        Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    /** A builder; {@link Builder#setFilters(int)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Output channels. */
    public int filters() {
        return filters;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        weight.setShape(new Shape(inputShapes[0].get(1), filters, KERNEL, KERNEL));
        bias.setShape(new Shape(filters));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), filters, 2 * in.get(2), 2 * in.get(3))};
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore,
            NDList inputs,
            boolean training,
            PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        NDArray weightArray = parameterStore.getValue(weight, input.getDevice(), training);
        NDArray biasArray = parameterStore.getValue(bias, input.getDevice(), training);
        return new NDList(transposedConv2d(input, weightArray, biasArray));
    }

    /**
     * The transposed convolution of {@code input (N, in, H, W)} with {@code weight (in, out, 3, 3)}
     * and {@code bias (out)}, giving {@code (N, out, 2H, 2W)} in the input's manager.
     *
     * <p>Ops whose first operand is the weight would put their results into the parameters'
     * manager, which lives as long as the model: every intermediate is created inside an {@link
     * NDScope} that closes them, and only the result escapes it. Autograd keeps what the backward
     * pass needs on its own.
     */
    public static NDArray transposedConv2d(NDArray input, NDArray weight, NDArray bias) {
        if (input.getShape().dimension() != 4
                || weight.getShape().dimension() != 4
                || input.getShape().get(1) != weight.getShape().get(0)
                || weight.getShape().get(2) != KERNEL
                || weight.getShape().get(3) != KERNEL) {
            throw new IllegalArgumentException(
                    "transposed convolution needs input (N, C, H, W) and weight (C, out, 3, 3), got "
                            + input.getShape()
                            + " and "
                            + weight.getShape());
        }
        try (NDScope scope = new NDScope()) {
            // (out, in, 3, 3), flipped: the kernel of the equivalent stride-1 convolution, whose
            // phase kernels are then plain stride-2 slices (views).
            NDArray kernel = weight.transpose(1, 0, 2, 3).flip(2, 3);
            // One zero row on top and one zero column on the left: x[m-1] for the even phases.
            NDArray padded = input.pad(new Shape(1, 0, 1, 0), 0);
            NDArray evenEven = conv(padded, kernel.get(":, :, ::2, ::2"), bias);
            NDArray evenOdd = conv(padded.get(":, :, :, 1:"), kernel.get(":, :, ::2, 1:2"), bias);
            NDArray oddEven = conv(padded.get(":, :, 1:, :"), kernel.get(":, :, 1:2, ::2"), bias);
            NDArray oddOdd = conv(input, kernel.get(":, :, 1:2, 1:2"), bias);
            Shape phase = evenEven.getShape();
            long n = phase.get(0);
            long c = phase.get(1);
            long h = phase.get(2);
            long w = phase.get(3);
            NDArray evenRows = evenEven.stack(evenOdd, 4).reshape(n, c, h, 2 * w);
            NDArray oddRows = oddEven.stack(oddOdd, 4).reshape(n, c, h, 2 * w);
            NDArray output = evenRows.stack(oddRows, 3).reshape(n, c, 2 * h, 2 * w);
            NDScope.unregister(output);
            scope.suppressNotUsedWarning();
            return output;
        }
    }

    private static NDArray conv(NDArray input, NDArray kernel, NDArray bias) {
        return Conv2d.conv2d(input, kernel, bias).singletonOrThrow();
    }

    /** Builds a {@link TransposedConv2d}. */
    public static final class Builder {
        private int filters;

        private Builder() {}

        /** Sets the number of output channels (required, at least 1). */
        public Builder setFilters(int filters) {
            this.filters = filters;
            return this;
        }

        /**
         * Builds the block.
         *
         * @throws IllegalArgumentException when the filters are not set or not positive
         */
        public TransposedConv2d build() {
            if (filters < 1) {
                throw new IllegalArgumentException(
                        "transposed convolution filters must be at least 1, got " + filters);
            }
            return new TransposedConv2d(this);
        }
    }
}
