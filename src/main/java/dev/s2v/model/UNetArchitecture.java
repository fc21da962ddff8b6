package dev.s2v.model;

/**
 * The hyper-parameters that fix a UNET's structure and therefore its weights' shapes.
 *
 * <p>Encoder level {@code i} (0-based) has {@code baseFilters * 2^i} filters, the bottleneck {@code
 * baseFilters * 2^depth}; tiles must be a multiple of {@code 2^depth} pixels on each side.
 *
 * @param inputBands number of input channels (spectral bands), at least 1
 * @param baseFilters filters of the first encoder level, a positive multiple of {@value
 *     #FILTER_MULTIPLE}
 * @param depth number of 2x down-sampling levels, 1 to {@value #MAX_DEPTH}
 * @param dropout dropout rate after each pooling and each skip concatenation, in [0, 1)
 * @param batchNorm whether each convolution is followed by batch normalisation
 * @param decoder how the decoder up-samples
 */
public record UNetArchitecture(
        int inputBands,
        int baseFilters,
        int depth,
        double dropout,
        boolean batchNorm,
        Decoder decoder) {

    /**
     * Every convolution's channel count (the bands aside) must be a multiple of this. libtorch
     * 2.7.1's oneDNN convolutions on CPU (AVX-512, 16-float channel blocks) give wrong results for
     * other counts on the machines s2v runs on: input gradients when a 3x3 or 2x2 convolution has
     * an output channel count that is not a multiple of 16, and even the forward pass when its
     * input count is above 16 and not a multiple of 16 (see {@code ConvolutionCorrectnessTest}).
     */
    public static final int FILTER_MULTIPLE = 16;

    /** The deepest network accepted: 2^8 = 256-pixel tiles at least. */
    public static final int MAX_DEPTH = 8;

    /** Validates every component. */
    public UNetArchitecture {
        if (inputBands < 1) {
            throw new IllegalArgumentException("inputBands must be at least 1, got " + inputBands);
        }
        if (baseFilters < 1 || baseFilters % FILTER_MULTIPLE != 0) {
            throw new IllegalArgumentException(
                    "filters must be a positive multiple of "
                            + FILTER_MULTIPLE
                            + " (16, 32, 64, ...), got "
                            + baseFilters
                            + ": libtorch's CPU convolutions compute wrong gradients for other"
                            + " channel counts");
        }
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException(
                    "depth must be 1 to " + MAX_DEPTH + ", got " + depth);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (decoder == null) {
            throw new IllegalArgumentException("decoder must be given");
        }
        if ((long) baseFilters << depth > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "filters " + baseFilters + " at depth " + depth + " overflow the bottleneck");
        }
    }

    /**
     * Whether the two networks have the same layers with the same shapes, so that weights of one
     * fit the other: everything but the dropout rate agrees.
     */
    public boolean sameLayers(UNetArchitecture other) {
        return inputBands == other.inputBands
                && baseFilters == other.baseFilters
                && depth == other.depth
                && batchNorm == other.batchNorm
                && decoder == other.decoder;
    }

    /**
     * The network in words, e.g. "5 bands, 16 filters, depth 4, batch norm, transposed decoder".
     */
    public String summary() {
        return inputBands
                + " bands, "
                + baseFilters
                + " filters, depth "
                + depth
                + (batchNorm ? ", batch norm" : ", no batch norm")
                + ", "
                + decoder.key()
                + " decoder";
    }

    /** Filters of encoder/decoder level {@code level}; {@code level == depth} is the bottleneck. */
    public int filters(int level) {
        return baseFilters << level;
    }

    /** The tile side in pixels must be a multiple of this: {@code 2^depth}. */
    public int tileMultiple() {
        return 1 << depth;
    }

    /**
     * The number of parameters, counted as Keras counts them (batch normalisation's moving mean and
     * variance included, as DJL also counts them). Each 3x3 convolution has a bias, as in the
     * notebook's Keras model.
     */
    public long parameterCount() {
        long total = 0;
        long in = inputBands;
        for (int level = 0; level <= depth; level++) {
            long f = filters(level);
            total += doubleConv(in, f);
            in = f;
        }
        for (int level = depth - 1; level >= 0; level--) {
            long f = filters(level);
            // up-sampling 3x3 (transposed or plain) convolution, then a double conv over [up, skip]
            total += conv3x3(in, f) + doubleConv(2 * f, f);
            in = f;
        }
        return total + in + 1; // the 1x1 output convolution
    }

    private long doubleConv(long in, long out) {
        long batchNormParameters = batchNorm ? 4 * out : 0;
        return conv3x3(in, out) + conv3x3(out, out) + 2 * batchNormParameters;
    }

    private static long conv3x3(long in, long out) {
        return 9 * in * out + out;
    }
}
