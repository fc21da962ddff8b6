package dev.s2v.synth;

import java.util.List;
import java.util.Locale;

/**
 * Kinds of vessel, with the proportions and speeds typical of each. Length-to-beam ratios follow
 * naval-architecture norms: large merchant ships 5.5-8 (a 366 m container ship is 51 m wide),
 * working boats 3.5-5, leisure craft about 3-4.
 */
enum VesselKind {
    LEISURE(3.0, 4.2, 4, 25),
    FISHING(3.8, 5.2, 3, 12),
    TUG(3.2, 4.0, 5, 13),
    PATROL(5.0, 7.0, 8, 28),
    PASSENGER(5.5, 7.0, 12, 24),
    CARGO(5.5, 7.0, 9, 15),
    BULK(5.5, 6.8, 9, 15),
    TANKER(5.3, 6.5, 9, 15),
    CONTAINER(6.5, 8.0, 14, 22);

    private final double minRatio;
    private final double maxRatio;
    private final double minSpeedKn;
    private final double maxSpeedKn;

    VesselKind(double minRatio, double maxRatio, double minSpeedKn, double maxSpeedKn) {
        this.minRatio = minRatio;
        this.maxRatio = maxRatio;
        this.minSpeedKn = minSpeedKn;
        this.maxSpeedKn = maxSpeedKn;
    }

    /** The name written into the labels, e.g. {@code container}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A beam for a hull of this kind and length. */
    double width(double lengthM, Draws draws) {
        return lengthM / draws.uniform(minRatio, maxRatio);
    }

    /** A service speed for this kind underway. */
    double speedKn(Draws draws) {
        return draws.uniform(minSpeedKn, maxSpeedKn);
    }

    /**
     * A kind for a vessel of a given length, with the mix seen in coastal waters: small craft are
     * leisure and fishing boats, mid-sized ones fishing, tugs, ferries and coasters, the largest
     * container ships, bulk carriers and tankers.
     */
    static VesselKind forLength(double lengthM, Draws draws) {
        if (lengthM < 20) {
            return draws.weighted(List.of(LEISURE, FISHING), new double[] {0.7, 0.3});
        }
        if (lengthM < 45) {
            return draws.weighted(
                    List.of(FISHING, TUG, LEISURE, PATROL), new double[] {0.45, 0.2, 0.2, 0.15});
        }
        if (lengthM < 120) {
            return draws.weighted(
                    List.of(FISHING, CARGO, PASSENGER, TANKER, BULK, PATROL),
                    new double[] {0.15, 0.35, 0.15, 0.15, 0.1, 0.1});
        }
        if (lengthM < 200) {
            return draws.weighted(
                    List.of(CONTAINER, BULK, TANKER, CARGO, PASSENGER),
                    new double[] {0.25, 0.25, 0.25, 0.15, 0.1});
        }
        return draws.weighted(
                List.of(CONTAINER, BULK, TANKER, PASSENGER), new double[] {0.4, 0.3, 0.25, 0.05});
    }
}
