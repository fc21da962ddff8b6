package dev.s2v.evaluation;

import dev.s2v.raster.SpectralBand;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training pixels for fitting the {@link SpectralThresholdBaseline}: every valid vessel pixel and a
 * seeded random share of the valid water pixels, so that a large training split fits in memory. The
 * fit weighs each kept water pixel by (water seen) / (water kept), which makes its F1 that of all
 * the water pixels seen. Not thread-safe.
 */
final class TrainingSample {
    private final double waterShare;
    private final SplittableRandom random;
    private float[][] values;
    private byte[] truth;
    private int count;
    private long vessels;
    private long waterSeen;
    private long waterKept;

    /**
     * An empty sample.
     *
     * @param bands bands per pixel
     * @param waterShare the probability that a water pixel is kept, in (0, 1]
     * @param seed seed of the water draws
     */
    TrainingSample(int bands, double waterShare, long seed) {
        if (!(waterShare > 0 && waterShare <= 1)) {
            throw new IllegalArgumentException("waterShare must be in (0, 1], got " + waterShare);
        }
        this.waterShare = waterShare;
        this.random = new SplittableRandom(seed);
        this.values = new float[bands][1024];
        this.truth = new byte[1024];
    }

    /**
     * Adds a tile's valid pixels.
     *
     * @param reflectance per band, row-major
     * @param tileTruth row-major, nonzero = vessel
     * @param valid row-major, false = left out
     */
    void add(float[][] reflectance, byte[] tileTruth, boolean[] valid) {
        for (int i = 0; i < tileTruth.length; i++) {
            if (!valid[i]) {
                continue;
            }
            boolean vessel = tileTruth[i] != 0;
            if (vessel) {
                vessels++;
            } else {
                waterSeen++;
                if (waterShare < 1 && random.nextDouble() >= waterShare) {
                    continue;
                }
                waterKept++;
            }
            if (count == truth.length) {
                truth = Arrays.copyOf(truth, count * 2);
                for (int b = 0; b < values.length; b++) {
                    values[b] = Arrays.copyOf(values[b], count * 2);
                }
            }
            for (int b = 0; b < values.length; b++) {
                values[b][count] = reflectance[b][i];
            }
            truth[count++] = (byte) (vessel ? 1 : 0);
        }
    }

    /** Vessel pixels seen (all kept). */
    long vesselPixels() {
        return vessels;
    }

    /** Valid pixels seen, vessel and water. */
    long pixelsSeen() {
        return vessels + waterSeen;
    }

    /**
     * Fits the baseline on the sample.
     *
     * @param order the bands of the sample
     * @throws IllegalArgumentException when the sample has no vessel pixel
     */
    SpectralThresholdBaseline fit(List<SpectralBand> order) {
        float[][] samples = new float[values.length][];
        for (int b = 0; b < values.length; b++) {
            samples[b] = Arrays.copyOf(values[b], count);
        }
        double weight = waterKept == 0 ? 1 : (double) waterSeen / waterKept;
        return SpectralThresholdBaseline.fit(order, samples, Arrays.copyOf(truth, count), weight);
    }
}
