package dev.s2v.exploration;

import dev.s2v.raster.SpectralBand;

/**
 * One class's reflectance in one band of two datasets, A (the dataset explored) and B (the one it
 * is compared with): five quantiles of each and how far apart the two samples lie.
 *
 * @param band the band
 * @param pixelClass the class
 * @param pixelsA pixels of A's sample
 * @param pixelsB pixels of B's sample
 * @param a A's quantiles (NaN without pixels)
 * @param b B's quantiles (NaN without pixels)
 * @param distance Kolmogorov-Smirnov statistic and Wasserstein-1 distance between the samples
 */
public record ClassComparison(
        SpectralBand band,
        PixelClass pixelClass,
        int pixelsA,
        int pixelsB,
        Quantiles a,
        Quantiles b,
        SampleDistance distance) {

    /** Checks that every part is there and the counts are not negative. */
    public ClassComparison {
        if (band == null || pixelClass == null || a == null || b == null || distance == null) {
            throw new IllegalArgumentException("band, class, quantiles and distance are needed");
        }
        if (pixelsA < 0 || pixelsB < 0) {
            throw new IllegalArgumentException(
                    "pixel counts must not be negative, got " + pixelsA + " and " + pixelsB);
        }
    }

    /** Whether both datasets had pixels of the class, so that the distance is defined. */
    public boolean defined() {
        return distance.defined();
    }

    /** B's median less A's: positive when B is brighter at the median. */
    public double medianShift() {
        return b.median() - a.median();
    }
}
