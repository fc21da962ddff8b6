package dev.s2v.synth;

import java.util.Locale;

/** What a vessel is doing: only vessels underway leave a wake. */
enum VesselState {
    UNDERWAY,
    DRIFTING,
    ANCHORED,
    MOORED;

    /** The name written into the labels, e.g. {@code moored}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
