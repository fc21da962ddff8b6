package dev.s2v.exploration;

import dev.s2v.raster.SpectralBand;

/**
 * How well one band alone tells vessel pixels from background pixels.
 *
 * @param band the band
 * @param vesselPixels vessel pixels measured
 * @param backgroundPixels background pixels measured
 * @param auc probability that a vessel pixel is brighter than a background pixel (ties half): the
 *     ROC AUC of "vessel when brighter than a threshold"; NaN without pixels of both classes
 * @param bhattacharyya Bhattacharyya distance between the two classes' density estimates (0:
 *     identical, infinite: no overlap); NaN without pixels of both classes
 */
public record BandSeparability(
        SpectralBand band,
        int vesselPixels,
        int backgroundPixels,
        double auc,
        double bhattacharyya) {

    /**
     * The AUC of the better direction of a single-band threshold, {@code max(auc, 1 - auc)}: 0.5
     * for a band that carries no signal, 1 for one that separates the classes perfectly.
     */
    public double thresholdAuc() {
        return Double.isNaN(auc) ? Double.NaN : Math.max(auc, 1 - auc);
    }

    /**
     * "brighter" or "darker": how vessels differ from background in this band; "n/a" without data.
     */
    public String vesselsAre() {
        if (Double.isNaN(auc)) {
            return "n/a";
        }
        return auc >= 0.5 ? "brighter" : "darker";
    }

    /** Whether both classes had pixels, so that the numbers are defined. */
    public boolean defined() {
        return !Double.isNaN(auc);
    }
}
