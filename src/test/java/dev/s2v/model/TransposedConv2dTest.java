package dev.s2v.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The four-phase transposed convolution against plain loops with Keras semantics. */
@Tag("native")
class TransposedConv2dTest {
    // channel counts as in the UNET: libtorch is wrong for others
    // (UNetArchitecture.FILTER_MULTIPLE)
    private static final int N = 2;
    private static final int IN = 32;
    private static final int OUT = 16;
    private static final int H = 3;
    private static final int W = 4;
    private static final float TOLERANCE = 1e-4f;

    private final Random random = new Random(7);
    private final float[] x = randoms(N * IN * H * W);
    private final float[] weight = randoms(IN * OUT * 9);
    private final float[] bias = randoms(OUT);
    // dL/dy of L = sum(y * g): the gradients below are then plain sums of products
    private final float[] g = randoms(N * OUT * 2 * H * 2 * W);

    @Test
    void forwardAndGradientsMatchKerasConv2dTransposeSame() {
        Engine engine = Torch.assumeEngine();
        float[] expected = new float[g.length];
        float[] dx = new float[x.length];
        float[] dw = new float[weight.length];
        float[] db = new float[OUT];
        // Keras: out[2i + k] += x[i] w[k] for k = 0..2, outputs 0..2H-1 kept, plus the bias
        for (int n = 0; n < N; n++) {
            for (int o = 0; o < OUT; o++) {
                for (int r = 0; r < 2 * H; r++) {
                    for (int c = 0; c < 2 * W; c++) {
                        expected[yIndex(n, o, r, c)] = bias[o];
                        db[o] += g[yIndex(n, o, r, c)];
                    }
                }
            }
            for (int ci = 0; ci < IN; ci++) {
                for (int i = 0; i < H; i++) {
                    for (int j = 0; j < W; j++) {
                        for (int o = 0; o < OUT; o++) {
                            for (int kh = 0; kh < 3; kh++) {
                                for (int kw = 0; kw < 3; kw++) {
                                    int r = 2 * i + kh;
                                    int c = 2 * j + kw;
                                    if (r < 2 * H && c < 2 * W) {
                                        int xi = ((n * IN + ci) * H + i) * W + j;
                                        int wi = ((ci * OUT + o) * 3 + kh) * 3 + kw;
                                        int yi = yIndex(n, o, r, c);
                                        expected[yi] += x[xi] * weight[wi];
                                        dx[xi] += g[yi] * weight[wi];
                                        dw[wi] += g[yi] * x[xi];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        try (NDManager m = NDManager.newBaseManager()) {
            TransposedConv2d block = TransposedConv2d.builder().setFilters(OUT).build();
            block.setInitializer((mm, shape, type) -> mm.create(weight, shape), "weight");
            block.setInitializer((mm, shape, type) -> mm.create(bias, shape), "bias");
            block.initialize(m, DataType.FLOAT32, new Shape(N, IN, H, W));
            Parameter weightParameter = block.getParameters().get("weight");
            Parameter biasParameter = block.getParameters().get("bias");
            assertEquals(new Shape(IN, OUT, 3, 3), weightParameter.getShape());

            NDArray input = m.create(x, new Shape(N, IN, H, W));
            input.setRequiresGradient(true);
            NDArray output;
            try (GradientCollector collector = engine.newGradientCollector()) {
                output =
                        block.forward(new ParameterStore(m, false), new NDList(input), true)
                                .singletonOrThrow();
                collector.backward(output.mul(m.create(g, output.getShape())).sum());
            }
            assertEquals(new Shape(N, OUT, 2 * H, 2 * W), output.getShape());
            assertArrayEquals(expected, output.toFloatArray(), TOLERANCE);
            assertArrayEquals(dx, input.getGradient().toFloatArray(), TOLERANCE);
            assertArrayEquals(
                    dw, weightParameter.getArray().getGradient().toFloatArray(), TOLERANCE);
            assertArrayEquals(db, biasParameter.getArray().getGradient().toFloatArray(), TOLERANCE);
        }
    }

    @Test
    void refusesAKernelThatIsNotThreeByThree() {
        Torch.assumeEngine();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray input = m.zeros(new Shape(1, 2, 4, 4));
            NDArray kernel = m.zeros(new Shape(2, 1, 2, 2));
            IllegalArgumentException e =
                    assertThrows(
                            IllegalArgumentException.class,
                            () ->
                                    TransposedConv2d.transposedConv2d(
                                            input, kernel, m.zeros(new Shape(1))));
            assertEquals(
                    "transposed convolution needs input (N, C, H, W) and weight (C, out, 3, 3), got (1, 2, 4, 4) and (2, 1, 2, 2)",
                    e.getMessage());
        }
    }

    @Test
    void builderRequiresFilters() {
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class, () -> TransposedConv2d.builder().build());
        assertEquals("transposed convolution filters must be at least 1, got 0", e.getMessage());
    }

    private static int yIndex(int n, int o, int r, int c) {
        return ((n * OUT + o) * 2 * H + r) * 2 * W + c;
    }

    private float[] randoms(int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
