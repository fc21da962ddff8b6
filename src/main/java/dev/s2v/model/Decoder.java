package dev.s2v.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a UNET decoder level doubles the resolution before it meets the skip connection. */
public enum Decoder {
    /**
     * A learned 3x3 stride-2 transposed convolution with Keras {@code padding='same'} semantics
     * (the original notebook's {@code Conv2DTranspose}), computed as four phase convolutions: see
     * {@link TransposedConv2d}.
     */
    TRANSPOSED,
    /**
     * Nearest-neighbour 2x upsampling followed by a 3x3 'same' convolution: as many parameters as
     * {@link #TRANSPOSED}, without its checkerboard artefacts, but a different network.
     */
    UPSAMPLE_CONV;

    /** The name used in configuration and {@code model.xml}, e.g. {@code transposed}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a key such as {@code transposed} or {@code upsample_conv}.
     *
     * @throws IllegalArgumentException naming the allowed keys
     */
    public static Decoder parse(String text) {
        for (Decoder decoder : values()) {
            if (decoder.key().equalsIgnoreCase(text.trim())) {
                return decoder;
            }
        }
        throw new IllegalArgumentException(
                "unknown decoder '"
                        + text
                        + "'; allowed: "
                        + Arrays.stream(values())
                                .map(Decoder::key)
                                .collect(Collectors.joining(", ")));
    }
}
