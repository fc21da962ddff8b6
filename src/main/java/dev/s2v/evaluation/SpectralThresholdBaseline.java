package dev.s2v.evaluation;

import dev.s2v.raster.SpectralBand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The spectral baseline: one threshold on one per-pixel feature, fitted on training pixels. Ships
 * are brighter than open water in the near infrared and red, so a single band often separates them
 * fairly well; this is the bar a network has to clear.
 *
 * @param bandOrder the bands of the tiles it applies to, in order
 * @param feature the feature thresholded
 * @param direction whether vessels lie at or above the threshold, or at or below it
 * @param threshold the threshold on the feature
 * @param trainingF1 the pixel F1 it reached on the training sample (background weighted)
 * @param trainingPixels pixels of the training sample with a defined feature
 */
public record SpectralThresholdBaseline(
        List<SpectralBand> bandOrder,
        SpectralFeature feature,
        Direction direction,
        double threshold,
        double trainingF1,
        long trainingPixels)
        implements PixelBaseline {

    /** Which side of the threshold vessels are on. */
    public enum Direction {
        /** feature >= threshold is a vessel. */
        AT_OR_ABOVE(">="),
        /** feature <= threshold is a vessel. */
        AT_OR_BELOW("<=");

        private final String symbol;

        Direction(String symbol) {
            this.symbol = symbol;
        }

        /** The comparison as a symbol. */
        public String symbol() {
            return symbol;
        }
    }

    /** Validates and copies. */
    public SpectralThresholdBaseline {
        bandOrder = List.copyOf(bandOrder);
        if (feature == null || direction == null || !Double.isFinite(threshold)) {
            throw new IllegalArgumentException(
                    "a spectral baseline needs a feature, a direction and a finite threshold");
        }
    }

    /**
     * Fits on an unbiased sample of training pixels (e.g. every pixel of some training tiles).
     *
     * @see #fit(List, float[][], byte[], double)
     */
    public static SpectralThresholdBaseline fit(
            List<SpectralBand> bandOrder, float[][] samples, byte[] truth) {
        return fit(bandOrder, samples, truth, 1);
    }

    /**
     * Tries every band, and the normalised differences (B08 - B04) / (B08 + B04) and (B03 - B08) /
     * (B03 + B08) when their bands are there, each with vessels above and below every threshold
     * that changes the prediction, and keeps the one with the best F1 on the sample (the first on
     * ties). A threshold lies midway between the two sample values it separates.
     *
     * @param bandOrder the bands of the samples, in order
     * @param samples reflectances, {@code samples[band][pixel]}; pixels where the feature is NaN
     *     are left out of that feature's fit
     * @param truth per pixel, nonzero = vessel
     * @param backgroundWeight how many background pixels each background sample stands for (1 for
     *     an unbiased sample; k when only one in k water pixels was kept), so that the F1 is that
     *     of the whole population
     * @throws IllegalArgumentException when the sizes disagree or the sample has no vessel pixel
     */
    public static SpectralThresholdBaseline fit(
            List<SpectralBand> bandOrder,
            float[][] samples,
            byte[] truth,
            double backgroundWeight) {
        if (samples.length != bandOrder.size() || samples.length == 0) {
            throw new IllegalArgumentException(
                    "samples have "
                            + samples.length
                            + " bands, the band order names "
                            + bandOrder.size());
        }
        for (float[] band : samples) {
            if (band.length != truth.length) {
                throw new IllegalArgumentException(
                        "a sample band has " + band.length + " pixels, the truth " + truth.length);
            }
        }
        if (!(backgroundWeight > 0) || Double.isInfinite(backgroundWeight)) {
            throw new IllegalArgumentException(
                    "backgroundWeight must be positive and finite, got " + backgroundWeight);
        }
        SpectralThresholdBaseline best = null;
        for (SpectralFeature feature : candidates(bandOrder)) {
            float[] values = feature.compute(samples, bandOrder);
            for (Direction direction : Direction.values()) {
                SpectralThresholdBaseline fitted =
                        fitOne(bandOrder, feature, direction, values, truth, backgroundWeight);
                if (best == null || fitted.trainingF1 > best.trainingF1) {
                    best = fitted;
                }
            }
        }
        return best;
    }

    private static List<SpectralFeature> candidates(List<SpectralBand> bandOrder) {
        List<SpectralFeature> features = new ArrayList<>();
        for (SpectralBand band : bandOrder) {
            features.add(new SpectralFeature.Band(band));
        }
        if (bandOrder.contains(SpectralBand.B08) && bandOrder.contains(SpectralBand.B04)) {
            features.add(
                    new SpectralFeature.NormalizedDifference(SpectralBand.B08, SpectralBand.B04));
        }
        if (bandOrder.contains(SpectralBand.B03) && bandOrder.contains(SpectralBand.B08)) {
            features.add(
                    new SpectralFeature.NormalizedDifference(SpectralBand.B03, SpectralBand.B08));
        }
        return features;
    }

    /**
     * The F1-best threshold of one feature in one direction: "at or below t" is "at or above -t" on
     * negated values, so one sweep from the top serves both.
     */
    private static SpectralThresholdBaseline fitOne(
            List<SpectralBand> bandOrder,
            SpectralFeature feature,
            Direction direction,
            float[] values,
            byte[] truth,
            double backgroundWeight) {
        double sign = direction == Direction.AT_OR_ABOVE ? 1 : -1;
        double[] vessel = new double[truth.length];
        double[] water = new double[truth.length];
        int nv = 0;
        int nw = 0;
        for (int i = 0; i < truth.length; i++) {
            if (!Float.isNaN(values[i])) {
                if (truth[i] != 0) {
                    vessel[nv++] = sign * values[i];
                } else {
                    water[nw++] = sign * values[i];
                }
            }
        }
        if (nv == 0) {
            throw new IllegalArgumentException(
                    "the training sample has no vessel pixel with a defined "
                            + feature.name()
                            + "; the spectral baseline cannot be fitted");
        }
        vessel = Arrays.copyOf(vessel, nv);
        water = Arrays.copyOf(water, nw);
        Arrays.sort(vessel);
        Arrays.sort(water);
        // Walk the distinct values from the top; everything at or above the current one is
        // predicted a vessel.
        int v = nv;
        int w = nw;
        double bestF1 = -1;
        double bestThreshold = Double.NaN;
        while (v > 0) {
            double value = Math.max(vessel[v - 1], w > 0 ? water[w - 1] : Double.NEGATIVE_INFINITY);
            while (v > 0 && vessel[v - 1] == value) {
                v--;
            }
            while (w > 0 && water[w - 1] == value) {
                w--;
            }
            double tp = nv - v;
            double fp = (nw - w) * backgroundWeight;
            double f1 = 2 * tp / (2 * tp + fp + v);
            if (f1 > bestF1) {
                double below =
                        Math.max(
                                v > 0 ? vessel[v - 1] : Double.NEGATIVE_INFINITY,
                                w > 0 ? water[w - 1] : Double.NEGATIVE_INFINITY);
                bestF1 = f1;
                bestThreshold = below == Double.NEGATIVE_INFINITY ? value : (value + below) / 2;
            }
        }
        return new SpectralThresholdBaseline(
                bandOrder, feature, direction, sign * bestThreshold, bestF1, (long) nv + nw);
    }

    @Override
    public String name() {
        return "spectral threshold";
    }

    @Override
    public String description() {
        return String.format(
                Locale.ROOT,
                "%s %s %.4f, fitted on %d training pixels (training F1 %.3f)",
                feature.name(),
                direction.symbol(),
                threshold,
                trainingPixels,
                trainingF1);
    }

    /**
     * The vessel mask of a tile: 1 where the feature is on the vessel side of the threshold, 0
     * elsewhere and where it is NaN.
     *
     * @throws IllegalArgumentException when the tile's bands do not match {@link #bandOrder}
     */
    @Override
    public byte[] apply(float[][] bands) {
        if (bands.length != bandOrder.size()) {
            throw new IllegalArgumentException(
                    "the baseline needs "
                            + bandOrder
                            + " but the tile has "
                            + bands.length
                            + " bands");
        }
        float[] values = feature.compute(bands, bandOrder);
        byte[] mask = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            boolean vessel =
                    direction == Direction.AT_OR_ABOVE
                            ? values[i] >= threshold
                            : values[i] <= threshold;
            mask[i] = (byte) (vessel ? 1 : 0);
        }
        return mask;
    }
}
