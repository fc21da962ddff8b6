package dev.s2v.dataset;

import java.util.Locale;

/** The three parts of a dataset: what a model learns from, tunes on, and is judged on. */
public enum Split {
    /** Fits the weights and the normalisation. */
    TRAIN,
    /** Chooses epochs, learning rates and the decision threshold. */
    VAL,
    /** Held out: reported once, never tuned on. */
    TEST;

    /** The name used in files and on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses {@code train}, {@code val} or {@code test}.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static Split parse(String text) {
        for (Split split : values()) {
            if (split.key().equalsIgnoreCase(text.trim())) {
                return split;
            }
        }
        throw new IllegalArgumentException(
                "unknown split '" + text + "'; allowed: train, val, test");
    }
}
