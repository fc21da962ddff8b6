package dev.s2v.synth;

/**
 * A non-vessel object painted into the scene: harbour structures, and the distractors a vessel
 * detector must learn to reject (rocks, islets, buoys, platforms, wind turbines). Never labelled.
 *
 * @param kind what it is
 * @param footprint what it paints
 */
record Fixture(Kind kind, Footprint footprint) {

    /** Kinds of fixture. */
    enum Kind {
        TERMINAL(false),
        PIER(false),
        BREAKWATER(false),
        PONTOON(false),
        ROCK(true),
        ISLET(true),
        BUOY(true),
        PLATFORM(true),
        WIND_TURBINE(true);

        private final boolean distractor;

        Kind(boolean distractor) {
            this.distractor = distractor;
        }

        /** Whether this is a vessel-like object at sea rather than harbour infrastructure. */
        boolean distractor() {
            return distractor;
        }
    }
}
