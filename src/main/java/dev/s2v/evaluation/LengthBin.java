package dev.s2v.evaluation;

/**
 * Vessel length classes for the object metrics: small boats, fishing vessels and tugs, coasters,
 * and ships. Lower bounds are inclusive: a 25 m vessel is in {@link #FROM_25_TO_50_M}.
 */
public enum LengthBin {
    /** Shorter than 25 m (at 10 m pixels: one to two pixels long). */
    UNDER_25_M(0, 25, "< 25 m"),
    /** 25 m to under 50 m. */
    FROM_25_TO_50_M(25, 50, "25-50 m"),
    /** 50 m to under 100 m. */
    FROM_50_TO_100_M(50, 100, "50-100 m"),
    /** 100 m and longer. */
    OVER_100_M(100, Double.POSITIVE_INFINITY, ">= 100 m");

    private final double fromM;
    private final double toM;
    private final String label;

    LengthBin(double fromM, double toM, String label) {
        this.fromM = fromM;
        this.toM = toM;
        this.label = label;
    }

    /** The label for tables, e.g. {@code 25-50 m}. */
    public String label() {
        return label;
    }

    /**
     * The bin of a length.
     *
     * @throws IllegalArgumentException for a negative or non-finite length
     */
    public static LengthBin of(double lengthM) {
        if (!(lengthM >= 0) || Double.isInfinite(lengthM)) {
            throw new IllegalArgumentException(
                    "a vessel length must be finite and not negative, got " + lengthM);
        }
        for (LengthBin bin : values()) {
            if (lengthM >= bin.fromM && lengthM < bin.toM) {
                return bin;
            }
        }
        throw new IllegalStateException("no length bin holds " + lengthM);
    }
}
