package dev.s2v.exploration;

import dev.s2v.dataset.Split;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The splits an exploration looks at: one of them, or all together. */
public enum SplitSelection {
    /** The training split: what the model will learn from (the default, keeping test unseen). */
    TRAIN(EnumSet.of(Split.TRAIN)),
    /** The validation split. */
    VAL(EnumSet.of(Split.VAL)),
    /** The test split. */
    TEST(EnumSet.of(Split.TEST)),
    /** Every tile of the dataset. */
    ALL(EnumSet.allOf(Split.class));

    private final Set<Split> splits;

    SplitSelection(Set<Split> splits) {
        this.splits = splits;
    }

    /** The splits chosen. */
    public Set<Split> splits() {
        return EnumSet.copyOf(splits);
    }

    /** The name used on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Where pixels came from, inside a sentence: "the train split", "all splits". */
    public String phrase() {
        return this == ALL ? label() : "the " + label();
    }

    /** How charts name it: "train split", "all splits". */
    public String label() {
        return this == ALL ? "all splits" : key() + " split";
    }

    /**
     * Parses train, val, test or all.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static SplitSelection parse(String text) {
        for (SplitSelection s : values()) {
            if (s.key().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown split '" + text + "'; allowed: train, val, test, all");
    }
}
