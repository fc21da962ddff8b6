package dev.s2v.exploration;

import dev.s2v.raster.SpectralBand;
import java.util.List;
import java.util.Random;

/** Pixel samples built in memory, for tests of the analysis and the charts. */
final class TestSamples {
    /** The bands of {@link #of}: red and near infrared. */
    static final List<SpectralBand> BANDS = List.of(SpectralBand.B04, SpectralBand.B08);

    private TestSamples() {}

    /**
     * Water-like background (B04 near 0.04, B08 near 0.03) and bright vessels (near 0.15 and 0.20),
     * normally distributed, with a fixed seed.
     */
    static PixelSample of(int background, int vessel) {
        Random random = new Random(17);
        float[][] bg = new float[2][background];
        float[][] v = new float[2][vessel];
        for (int i = 0; i < background; i++) {
            bg[0][i] = (float) (0.04 + 0.01 * random.nextGaussian());
            bg[1][i] = (float) (0.03 + 0.01 * random.nextGaussian());
        }
        for (int i = 0; i < vessel; i++) {
            v[0][i] = (float) (0.15 + 0.04 * random.nextGaussian());
            v[1][i] = (float) (0.20 + 0.05 * random.nextGaussian());
        }
        return new PixelSample(BANDS, bg, v, summary(background, vessel));
    }

    static SamplingSummary summary(int background, int vessel) {
        return new SamplingSummary(3, 3, 7, 7, vessel, background, 0, 1000, 42, 0.1);
    }

    static ChartContext context(PixelSample sample) {
        return new ChartContext(
                "test",
                SplitSelection.TRAIN,
                sample.summary(),
                BandwidthRule.SILVERMAN,
                "TOA reflectance (L1C, unitless)");
    }
}
