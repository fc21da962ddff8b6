package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.s2v.raster.SpectralBand;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingSampleTest {
    private static final List<SpectralBand> BANDS = List.of(SpectralBand.B04, SpectralBand.B08);

    @Test
    void keepingEveryPixelFitsAsTheWholeSampleDoes() {
        TrainingSample sample = new TrainingSample(2, 1, 1);
        float[][] a = {{0.1f, 0.4f, 0.05f, 0.3f}, {0.2f, 0.5f, 0.1f, 0.6f}};
        byte[] ta = {0, 1, 0, 1};
        boolean[] va = {true, true, true, false};
        float[][] b = {{0.02f, 0.35f}, {0.04f, 0.45f}};
        byte[] tb = {0, 1};
        sample.add(a, ta, va);
        sample.add(b, tb, new boolean[] {true, true});
        assertEquals(2, sample.vesselPixels());
        assertEquals(5, sample.pixelsSeen());
        // The invalid pixel (the vessel at 0.3 / 0.6) is left out.
        SpectralThresholdBaseline expected =
                SpectralThresholdBaseline.fit(
                        BANDS,
                        new float[][] {
                            {0.1f, 0.4f, 0.05f, 0.02f, 0.35f}, {0.2f, 0.5f, 0.1f, 0.04f, 0.45f}
                        },
                        new byte[] {0, 1, 0, 0, 1});
        assertEquals(expected, sample.fit(BANDS));
    }

    @Test
    void keptWaterIsWeightedByWaterSeenOverWaterKept() {
        // 1000 water pixels at 0.1 and 0.3 alternating, 10 vessels at 0.5; half the water kept.
        TrainingSample sample = new TrainingSample(1, 0.5, 3);
        float[][] values = new float[1][1010];
        byte[] truth = new byte[1010];
        boolean[] valid = new boolean[1010];
        for (int i = 0; i < 1010; i++) {
            valid[i] = true;
            if (i < 10) {
                values[0][i] = 0.5f;
                truth[i] = 1;
            } else {
                values[0][i] = i % 2 == 0 ? 0.1f : 0.3f;
            }
        }
        sample.add(values, truth, valid);
        SpectralThresholdBaseline fitted = sample.fit(List.of(SpectralBand.B08));
        long kept = fitted.trainingPixels() - 10;
        assertEquals(1010, sample.pixelsSeen());
        // A draw of 1000 coins keeps about half.
        assertEquals(500, kept, 60);
        // Vessels alone above 0.4: F1 1 at the midpoint between 0.3 and 0.5.
        assertEquals(1.0, fitted.trainingF1());
        assertEquals(0.4, fitted.threshold(), 1e-6);
    }

    @Test
    void aSampleWithoutVesselsCannotBeFitted() {
        TrainingSample sample = new TrainingSample(1, 1, 1);
        sample.add(new float[][] {{0.1f}}, new byte[] {0}, new boolean[] {true});
        assertThrows(IllegalArgumentException.class, () -> sample.fit(List.of(SpectralBand.B08)));
    }
}
