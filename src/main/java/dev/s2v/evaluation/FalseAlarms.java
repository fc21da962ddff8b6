package dev.s2v.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What became of predictions that are not vessels of the labels, for labels that leave small craft
 * out: predictions shorter than the minimum length, set aside; false alarms near a labelled vessel
 * (fragments or doubles of it); and false alarms far from any (clutter, or craft the labels omit).
 *
 * @param setAsideShort predictions shorter than the minimum length, not scored
 * @param near unmatched predictions within the near distance of a labelled vessel
 * @param far unmatched predictions farther from every labelled vessel
 */
public record FalseAlarms(long setAsideShort, long near, long far) {

    /** Validates the counts. */
    public FalseAlarms {
        Ratios.requireCount("setAsideShort", setAsideShort);
        Ratios.requireCount("near", near);
        Ratios.requireCount("far", far);
    }

    /**
     * Precision if only the far false alarms counted against it: matched / (matched + far); 1 with
     * neither.
     *
     * @param matched matched predictions
     */
    public double precisionCountingFarOnly(long matched) {
        return Ratios.of(matched, matched + far, 1);
    }

    /** Every unmatched prediction that was scored. */
    @JsonProperty
    public long total() {
        return near + far;
    }
}
