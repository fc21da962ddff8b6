package dev.s2v.exploration;

import java.util.Locale;

/**
 * Rules of thumb for the bandwidth of a Gaussian kernel density estimate, both optimal for normal
 * data and stated in the charts so a reader knows how smooth the curves were made.
 */
public enum BandwidthRule {
    /**
     * Silverman (1986, eq. 3.31): {@code h = 0.9 min(s, IQR / 1.34) n^(-1/5)}. The robust spread
     * keeps heavy tails and second modes (land, cloud) from over-smoothing the main peak; where the
     * IQR is 0 (most values tied) it falls back to s.
     */
    SILVERMAN("Silverman's rule, h = 0.9 min(s, IQR/1.34) n^(-1/5)"),
    /** Scott (1992): {@code h = 1.06 s n^(-1/5)}, the normal reference rule. */
    SCOTT("Scott's rule, h = 1.06 s n^(-1/5)");

    private final String formula;

    BandwidthRule(String formula) {
        this.formula = formula;
    }

    /** The rule as charts and pages state it. */
    public String formula() {
        return formula;
    }

    /** The name used on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The rule's bandwidth for a sample: 0 when it has fewer than two values or no spread (the
     * caller then needs a floor, such as the data's quantisation step).
     */
    public double bandwidth(SortedSample sample) {
        if (sample.size() < 2) {
            return 0;
        }
        double s = sample.standardDeviation();
        double factor = Math.pow(sample.size(), -0.2);
        if (this == SCOTT) {
            return 1.06 * s * factor;
        }
        double robust = Math.min(s, sample.interquartileRange() / 1.34);
        return 0.9 * (robust > 0 ? robust : s) * factor;
    }

    /**
     * Parses {@code silverman} or {@code scott}.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static BandwidthRule parse(String text) {
        for (BandwidthRule rule : values()) {
            if (rule.key().equalsIgnoreCase(text.trim())) {
                return rule;
            }
        }
        throw new IllegalArgumentException(
                "unknown bandwidth rule '" + text + "'; allowed: silverman, scott");
    }
}
