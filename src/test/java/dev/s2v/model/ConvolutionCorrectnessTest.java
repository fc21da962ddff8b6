package dev.s2v.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * libtorch's convolution, forward and both gradients, against plain loops for every kind of
 * convolution the UNET runs. It guards {@link UNetArchitecture#FILTER_MULTIPLE}: on this platform
 * (libtorch 2.7.1, oneDNN 3.7.1, AVX-512) a batch of two through a 3x3 convolution with 8 output
 * channels, or with 24 input channels, gives wrong input gradients or even wrong outputs, while the
 * multiples of 16 below are right. Should a libtorch upgrade break these, the UNET is wrong too.
 */
@Tag("native")
class ConvolutionCorrectnessTest {

    static Stream<Arguments> unetConvolutions() {
        return Stream.of(
                // in, out, kernel h, kernel w, padding, tile side
                Arguments.of(7, 16, 3, 3, 1, 8), // first level, Sentinel-2's 7 bands
                Arguments.of(13, 32, 3, 3, 1, 8), // all 13 bands
                Arguments.of(16, 16, 3, 3, 1, 8),
                Arguments.of(16, 32, 3, 3, 1, 4), // down to the bottleneck
                Arguments.of(32, 16, 3, 3, 1, 8), // decoder, after [up, skip]
                Arguments.of(32, 16, 2, 2, 0, 4), // the transposed convolution's phases
                Arguments.of(32, 16, 2, 1, 0, 4),
                Arguments.of(32, 16, 1, 2, 0, 4),
                Arguments.of(32, 16, 1, 1, 0, 4),
                Arguments.of(16, 1, 1, 1, 0, 8)); // the head
    }

    @ParameterizedTest(name = "{0}->{1} {2}x{3}")
    @MethodSource("unetConvolutions")
    void forwardAndGradientsMatchLoops(int in, int out, int kh, int kw, int pad, int side) {
        Engine engine = Torch.assumeEngine();
        int n = 2;
        int padH = Math.min(pad, kh / 2);
        int padW = Math.min(pad, kw / 2);
        int outH = side + 2 * padH - kh + 1;
        int outW = side + 2 * padW - kw + 1;
        Random random = new Random(in * 1000 + out * 10 + kh + kw);
        float[] x = gaussians(random, n * in * side * side);
        float[] w = gaussians(random, out * in * kh * kw);
        float[] g = gaussians(random, n * out * outH * outW);
        float[] y = new float[g.length];
        float[] dx = new float[x.length];
        float[] dw = new float[w.length];
        for (int b = 0; b < n; b++) {
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    for (int p = 0; p < outH; p++) {
                        for (int q = 0; q < outW; q++) {
                            int yi = ((b * out + o) * outH + p) * outW + q;
                            for (int u = 0; u < kh; u++) {
                                for (int v = 0; v < kw; v++) {
                                    int r = p + u - padH;
                                    int c = q + v - padW;
                                    if (r >= 0 && c >= 0 && r < side && c < side) {
                                        int xi = ((b * in + i) * side + r) * side + c;
                                        int wi = ((o * in + i) * kh + u) * kw + v;
                                        y[yi] += x[xi] * w[wi];
                                        dx[xi] += g[yi] * w[wi];
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
            NDArray input = m.create(x, new Shape(n, in, side, side));
            NDArray weight = m.create(w, new Shape(out, in, kh, kw));
            input.setRequiresGradient(true);
            weight.setRequiresGradient(true);
            NDArray output;
            try (GradientCollector collector = engine.newGradientCollector()) {
                output =
                        Conv2d.conv2d(input, weight, null, new Shape(1, 1), new Shape(padH, padW))
                                .singletonOrThrow();
                collector.backward(output.mul(m.create(g, output.getShape())).sum());
            }
            assertArrayEquals(y, output.toFloatArray(), tolerance(y), "forward");
            assertArrayEquals(dx, input.getGradient().toFloatArray(), tolerance(dx), "dx");
            assertArrayEquals(dw, weight.getGradient().toFloatArray(), tolerance(dw), "dw");
        }
    }

    /** float32 rounding of sums of a few hundred products. */
    private static float tolerance(float[] reference) {
        float max = 0;
        for (float value : reference) {
            max = Math.max(max, Math.abs(value));
        }
        return 1e-5f * Math.max(1, max);
    }

    private static float[] gaussians(Random random, int size) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
