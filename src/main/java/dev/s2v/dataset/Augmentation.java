package dev.s2v.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The exact transforms of a square tile: rotations by multiples of 90 degrees and mirror flips.
 * Each is a permutation of pixel positions, applied identically to every band and to the mask, so
 * no value is interpolated and labels stay exactly on their pixels.
 */
public enum Augmentation {
    /** The tile as it is. */
    IDENTITY("identity"),
    /** Rotated 90 degrees clockwise. */
    ROT90("rot90"),
    /** Rotated 180 degrees. */
    ROT180("rot180"),
    /** Rotated 270 degrees clockwise (90 counter-clockwise). */
    ROT270("rot270"),
    /** Mirrored left to right (x becomes width - 1 - x). */
    FLIP_X("flip_x"),
    /** Mirrored top to bottom (y becomes height - 1 - y). */
    FLIP_Y("flip_y");

    private final String key;

    Augmentation(String key) {
        this.key = key;
    }

    /** The name in configuration files. */
    public String key() {
        return key;
    }

    /**
     * Parses a configuration name ({@code rot90}, {@code flip_x}, ...).
     *
     * @throws IllegalArgumentException naming the allowed names
     */
    public static Augmentation parse(String text) {
        for (Augmentation a : values()) {
            if (a.key.equals(text.trim().toLowerCase(Locale.ROOT)) && a != IDENTITY) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                "unknown augmentation '"
                        + text
                        + "'; allowed: rot90, rot180, rot270, flip_x, flip_y");
    }

    /** The identity followed by the configured transforms, each once, in the given order. */
    public static List<Augmentation> variants(List<String> configured) {
        List<Augmentation> result = new ArrayList<>();
        result.add(IDENTITY);
        for (String name : configured) {
            Augmentation a = parse(name);
            if (!result.contains(a)) {
                result.add(a);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * The source position of every output position of an {@code n x n} tile, row-major: {@code
     * out[i] = in[permutation[i]]}.
     */
    public int[] permutation(int n) {
        int[] p = new int[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                int sr;
                int sc;
                switch (this) {
                    case ROT90 -> {
                        // Clockwise: the output's top row is the input's left column, read upwards.
                        sr = n - 1 - c;
                        sc = r;
                    }
                    case ROT180 -> {
                        sr = n - 1 - r;
                        sc = n - 1 - c;
                    }
                    case ROT270 -> {
                        sr = c;
                        sc = n - 1 - r;
                    }
                    case FLIP_X -> {
                        sr = r;
                        sc = n - 1 - c;
                    }
                    case FLIP_Y -> {
                        sr = n - 1 - r;
                        sc = c;
                    }
                    default -> {
                        sr = r;
                        sc = c;
                    }
                }
                p[r * n + c] = sr * n + sc;
            }
        }
        return p;
    }

    /** Applies a permutation from {@link #permutation} to one band or mask. */
    public static void apply(int[] permutation, float[] in, float[] out) {
        for (int i = 0; i < permutation.length; i++) {
            out[i] = in[permutation[i]];
        }
    }
}
