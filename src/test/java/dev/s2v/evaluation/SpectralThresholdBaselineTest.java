package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.s2v.evaluation.SpectralThresholdBaseline.Direction;
import dev.s2v.raster.SpectralBand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-threshold spectral baseline, fitted on hand-made pixel samples. */
class SpectralThresholdBaselineTest {
    private static final List<SpectralBand> RED_NIR = List.of(SpectralBand.B04, SpectralBand.B08);

    @Test
    void theSeparatingBandIsFoundWithTheThresholdMidway() {
        // Vessels are bright in B08 (0.3, 0.4 against water up to 0.1); B04 overlaps.
        float[][] samples = {
            {0.10f, 0.05f, 0.07f, 0.12f, 0.06f}, {0.30f, 0.40f, 0.05f, 0.10f, 0.08f}
        };
        byte[] truth = {1, 1, 0, 0, 0};
        SpectralThresholdBaseline b = SpectralThresholdBaseline.fit(RED_NIR, samples, truth);
        assertEquals(new SpectralFeature.Band(SpectralBand.B08), b.feature());
        assertEquals(Direction.AT_OR_ABOVE, b.direction());
        assertEquals(0.2, b.threshold(), 1e-7);
        assertEquals(1.0, b.trainingF1());
        assertEquals(5, b.trainingPixels());
        assertArrayEquals(truth, b.apply(samples));
    }

    @Test
    void darkVesselsGetAnUpperThreshold() {
        float[][] samples = {{0.01f, 0.02f, 0.05f, 0.06f}};
        SpectralThresholdBaseline b =
                SpectralThresholdBaseline.fit(
                        List.of(SpectralBand.B02), samples, new byte[] {1, 1, 0, 0});
        assertEquals(Direction.AT_OR_BELOW, b.direction());
        assertEquals(0.035, b.threshold(), 1e-7);
    }

    @Test
    void overlappingClassesGetTheF1BestCutByHand() {
        // From the top: >= 0.3 F1 2/3, >= 0.2 F1 1/2, >= 0.1 F1 4/5, >= 0.05 F1 2/3.
        float[][] samples = {{0.3f, 0.1f, 0.2f, 0.05f}};
        byte[] truth = {1, 1, 0, 0};
        SpectralThresholdBaseline b =
                SpectralThresholdBaseline.fit(List.of(SpectralBand.B08), samples, truth);
        assertEquals(0.8, b.trainingF1(), 1e-12);
        assertEquals(0.075, b.threshold(), 1e-7);
        // Each water sample standing for ten water pixels, false alarms cost ten times more:
        // >= 0.3 keeps F1 2 / (2 + 0 + 1) = 2/3, >= 0.1 drops to 4 / (4 + 10) = 0.29.
        SpectralThresholdBaseline weighted =
                SpectralThresholdBaseline.fit(List.of(SpectralBand.B08), samples, truth, 10);
        assertEquals(2.0 / 3, weighted.trainingF1(), 1e-12);
        assertEquals(0.25, weighted.threshold(), 1e-7);
    }

    @Test
    void theNormalisedDifferenceIsTriedWhenItsBandsAreThere() {
        // Neither band separates alone, their ratio does: vessels have B08 > B04. The index is
        // 1/3 and 1/7 on vessels, -1/5 and -1/3 on water: the cut lies at (1/7 - 1/5) / 2.
        float[][] samples = {{0.1f, 0.3f, 0.3f, 0.1f}, {0.2f, 0.4f, 0.2f, 0.05f}};
        byte[] truth = {1, 1, 0, 0};
        SpectralThresholdBaseline b = SpectralThresholdBaseline.fit(RED_NIR, samples, truth);
        assertEquals(
                new SpectralFeature.NormalizedDifference(SpectralBand.B08, SpectralBand.B04),
                b.feature());
        assertEquals(1.0, b.trainingF1());
        assertEquals((1.0 / 7 - 0.2) / 2, b.threshold(), 1e-7);
        assertArrayEquals(truth, b.apply(samples));
        assertEquals(
                "(B08 - B04) / (B08 + B04) >= -0.0286, fitted on 4 training pixels (training F1 1.000)",
                b.description());
    }

    @Test
    void noDataIsNeverAVessel() {
        SpectralThresholdBaseline b =
                new SpectralThresholdBaseline(
                        List.of(SpectralBand.B08),
                        new SpectralFeature.Band(SpectralBand.B08),
                        Direction.AT_OR_ABOVE,
                        0.1,
                        0.5,
                        10);
        assertArrayEquals(new byte[] {1, 0, 0}, b.apply(new float[][] {{0.2f, 0.05f, Float.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> b.apply(new float[2][3]));
    }

    @Test
    void aSampleWithoutVesselsIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        SpectralThresholdBaseline.fit(
                                List.of(SpectralBand.B08), new float[][] {{0.1f}}, new byte[1]));
        assertThrows(
                IllegalArgumentException.class,
                () ->
                        SpectralThresholdBaseline.fit(
                                RED_NIR, new float[][] {{0.1f}}, new byte[] {1}));
    }

    @Test
    void theAllBackgroundBaselinePredictsNothing() {
        assertArrayEquals(new byte[3], new AllBackgroundBaseline().apply(new float[2][3]));
        assertArrayEquals(new float[3], new AllBackgroundBaseline().scores(new float[1][3]));
    }
}
