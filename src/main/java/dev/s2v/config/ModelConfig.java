package dev.s2v.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The UNET.
 *
 * @param filters filters of the first level (the reference model has 64), doubled at each level; a
 *     multiple of 16
 * @param depth number of down-sampling levels (the reference has 4)
 * @param dropout dropout rate after each pooling and concatenation, 0 to below 1
 * @param batchNorm whether each convolution is followed by batch normalisation
 * @param decoder {@code transposed} (3x3 stride-2 transposed convolutions, the reference) or {@code
 *     upsample_conv} (nearest-neighbour upsampling then a 3x3 convolution)
 * @param initFrom a model folder whose weights start the training (layers matched by name and
 *     shape), e.g. a synthetic pre-training before real fine-tuning; relative to the experiment
 *     file's folder unless absolute; absent: random weights
 */
public record ModelConfig(
        int filters,
        int depth,
        double dropout,
        boolean batchNorm,
        String decoder,
        String initFrom) {

    /** The decoders offered. */
    public static final String DECODERS = "transposed, upsample_conv";

    /** Validates the architecture. */
    public ModelConfig {
        // libtorch 2.7.1's oneDNN computes wrong input gradients on x86 for convolutions whose
        // output channels are not a multiple of 16 (measured here; see ConvolutionCorrectnessTest).
        if (filters < 16 || filters > 1024 || filters % 16 != 0) {
            throw new IllegalArgumentException(
                    "filters must be a multiple of 16 from 16 to 1024 (16, 32, 64, ...), got "
                            + filters);
        }
        if (depth < 1 || depth > 6) {
            throw new IllegalArgumentException("depth must be 1..6, got " + depth);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        decoder = decoder == null ? null : decoder.toLowerCase(Locale.ROOT);
        if (!"transposed".equals(decoder) && !"upsample_conv".equals(decoder)) {
            throw new IllegalArgumentException(
                    "decoder must be one of " + DECODERS + ", got '" + decoder + "'");
        }
    }

    /** The model folder to start from, if any. */
    public Optional<String> initialWeights() {
        return Optional.ofNullable(initFrom);
    }

    /** The same network started from another folder (resolved paths are absolute). */
    public ModelConfig withInitFrom(String folder) {
        return new ModelConfig(filters, depth, dropout, batchNorm, decoder, folder);
    }

    /** Base 16, depth 4, dropout 0.25, batch norm, transposed-convolution decoder. */
    public static ModelConfig defaults() {
        return new ModelConfig(16, 4, 0.25, true, "transposed", null);
    }
}
