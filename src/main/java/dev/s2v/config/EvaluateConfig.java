package dev.s2v.config;

/**
 * The evaluation after training.
 *
 * @param split the held-out split to report on ({@code test} or {@code val})
 * @param threshold {@code auto} (the F1-best threshold on the validation split, frozen) or a
 *     probability in (0, 1)
 * @param matchRadiusPx how far apart (in pixels) a predicted and a true vessel's centroids may be
 *     and still match
 * @param minLengthM predicted objects shorter than this, metres, are set aside and true vessels
 *     shorter than it are optional (for labels that leave small craft out); 0 counts every object
 * @param nearM how close, metres, an unmatched prediction must be to a labelled vessel to count as
 *     a near false alarm rather than a far one
 */
public record EvaluateConfig(
        String split, String threshold, double matchRadiusPx, double minLengthM, double nearM) {

    /** Validates the values. */
    public EvaluateConfig {
        if (!"test".equals(split) && !"val".equals(split)) {
            throw new IllegalArgumentException("split must be test or val, got '" + split + "'");
        }
        if (!"auto".equals(threshold)) {
            double t;
            try {
                t = Double.parseDouble(threshold);
            } catch (NumberFormatException | NullPointerException e) {
                t = Double.NaN;
            }
            if (!(t > 0 && t < 1)) {
                throw new IllegalArgumentException(
                        "threshold must be auto or a probability between 0 and 1, got '"
                                + threshold
                                + "'");
            }
        }
        if (!(matchRadiusPx > 0)) {
            throw new IllegalArgumentException(
                    "match_radius_px must be positive, got " + matchRadiusPx);
        }
        if (!(minLengthM >= 0)) {
            throw new IllegalArgumentException(
                    "min_length_m must be 0 or more metres, got " + minLengthM);
        }
        if (!(nearM >= 0)) {
            throw new IllegalArgumentException("near_m must be 0 or more metres, got " + nearM);
        }
    }

    /**
     * The test split, the threshold chosen on validation, a 5 px (50 m) matching radius, every
     * object counted, near false alarms within 100 m.
     */
    public static EvaluateConfig defaults() {
        return new EvaluateConfig("test", "auto", 5, 0, 100);
    }
}
