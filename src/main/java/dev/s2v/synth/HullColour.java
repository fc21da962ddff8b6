package dev.s2v.synth;

import java.util.Locale;

/** Colours hulls are painted, with their paint spectra (see {@link Materials}). */
enum HullColour {
    WHITE(Materials.PAINT_WHITE),
    DARK(Materials.PAINT_BLACK),
    RUST(Materials.PAINT_RED_OXIDE),
    GREY(Materials.PAINT_GREY),
    BLUE(Materials.PAINT_BLUE),
    GREEN(Materials.PAINT_GREEN),
    ORANGE(Materials.PAINT_ORANGE);

    private final Spectrum spectrum;

    HullColour(Spectrum spectrum) {
        this.spectrum = spectrum;
    }

    Spectrum spectrum() {
        return spectrum;
    }

    /** The name written into the labels, e.g. {@code rust}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
