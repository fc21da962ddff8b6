package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.SpectralBand;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DatasetComparisonTest {
    private static final List<SpectralBand> BANDS_A = List.of(SpectralBand.B04, SpectralBand.B08);

    /** B holds B04 last and a band A lacks first: only names can match the bands. */
    private static final List<SpectralBand> BANDS_B =
            List.of(SpectralBand.B11, SpectralBand.B08, SpectralBand.B04);

    private static final float[] WATER = {
        0.01f, 0.02f, 0.03f, 0.04f, 0.05f, 0.06f, 0.07f, 0.08f, 0.09f, 0.10f, 0.11f
    };

    private static float[] plus(float[] values, float shift) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] + shift;
        }
        return out;
    }

    /** A: water 0.01..0.11 in both bands, vessels 0.2, 0.3, 0.4. */
    private static PixelSample sampleA() {
        float[] vessel = {0.2f, 0.3f, 0.4f};
        return new PixelSample(
                BANDS_A,
                new float[][] {WATER, WATER},
                new float[][] {vessel, vessel},
                TestSamples.summary(11, 3));
    }

    /** B: B04 water 0.02 brighter and vessels 0.1, 0.2; B08 water as A's; B11 far off. */
    private static PixelSample sampleB(boolean vessels) {
        float[][] vessel =
                vessels
                        ? new float[][] {{0.9f, 0.9f}, {0.2f, 0.3f}, {0.1f, 0.2f}}
                        : new float[][] {{}, {}, {}};
        return new PixelSample(
                BANDS_B,
                new float[][] {plus(WATER, 0.5f), WATER, plus(WATER, 0.02f)},
                vessel,
                TestSamples.summary(11, vessel[0].length));
    }

    private static ChartContext context(String name, PixelSample sample) {
        return new ChartContext(
                name,
                SplitSelection.TRAIN,
                sample.summary(),
                BandwidthRule.SILVERMAN,
                "reflectance (unitless)");
    }

    private static DatasetComparison compare(PixelSample a, PixelSample b) {
        List<BandAnalysis> analyses =
                a.bands().stream()
                        .map(band -> BandAnalysis.of(band, a, BandwidthRule.SILVERMAN))
                        .toList();
        return DatasetComparison.of(context("synthetic", a), analyses, context("real", b), b);
    }

    @Test
    void bandsAreMatchedByNameInTheOrderOfTheExploredDataset() {
        assertEquals(BANDS_A, DatasetComparison.commonBands(BANDS_A, BANDS_B));
        assertEquals(
                List.of(SpectralBand.B08),
                DatasetComparison.commonBands(BANDS_B, List.of(SpectralBand.B08)));
        DatasetComparison c = compare(sampleA(), sampleB(true));
        assertEquals(BANDS_A, c.bands().stream().map(DatasetComparison.BandPair::band).toList());
        // B's B04 (its third band) is A's water 0.02 brighter: matched by position, it would be
        // B11 (0.5 brighter) or B08 (the same).
        ClassComparison red = c.bands().get(0).compare(PixelClass.BACKGROUND);
        assertEquals(0.02, red.distance().wasserstein1(), 1e-6);
        ClassComparison nir = c.bands().get(1).compare(PixelClass.BACKGROUND);
        assertEquals(0, nir.distance().kolmogorovSmirnov());
        assertEquals(0, nir.distance().wasserstein1());
    }

    @Test
    void theTableHoldsQuantilesAndDistancesComputedByHand() {
        Table t = compare(sampleA(), sampleB(true)).table();
        assertEquals(
                List.of(
                        "band",
                        "wavelength_nm",
                        "class",
                        "a_pixels",
                        "a_p5",
                        "a_p25",
                        "a_median",
                        "a_p75",
                        "a_p95",
                        "b_pixels",
                        "b_p5",
                        "b_p25",
                        "b_median",
                        "b_p75",
                        "b_p95",
                        "kolmogorov_smirnov",
                        "wasserstein_1"),
                t.columnNames());
        assertEquals(4, t.rowCount());
        Table water =
                t.where(
                        t.stringColumn("band")
                                .isEqualTo("B04")
                                .and(t.stringColumn("class").isEqualTo("background")));
        assertEquals(1, water.rowCount());
        assertEquals(665, water.intColumn("wavelength_nm").get(0));
        assertEquals(11, water.intColumn("a_pixels").get(0));
        // Type 7 quantiles of 0.01..0.11: positions 0.5, 2.5, 5, 7.5 and 9.5 of 11 values.
        assertArrayEquals(new double[] {0.015, 0.035, 0.06, 0.085, 0.105}, row(water, "a_"), 1e-6);
        assertArrayEquals(new double[] {0.035, 0.055, 0.08, 0.105, 0.125}, row(water, "b_"), 1e-6);
        // A shift of two steps of 0.01: F - G is 1/11 or 2/11 from 0.01 to 0.13, W1 the shift.
        assertEquals(0.181818, water.doubleColumn("kolmogorov_smirnov").get(0));
        assertEquals(0.02, water.doubleColumn("wasserstein_1").get(0), 1e-6);

        Table ships =
                t.where(
                        t.stringColumn("band")
                                .isEqualTo("B04")
                                .and(t.stringColumn("class").isEqualTo("vessel")));
        // {0.2, 0.3, 0.4} against {0.1, 0.2}: |F - G| is 1/2 on [0.1, 0.2), 2/3 on [0.2, 0.3),
        // 1/3 on [0.3, 0.4): area 0.05 + 0.0667 + 0.0333 = 0.15, the difference of the means.
        assertArrayEquals(new double[] {0.21, 0.25, 0.3, 0.35, 0.39}, row(ships, "a_"), 1e-6);
        assertArrayEquals(new double[] {0.105, 0.125, 0.15, 0.175, 0.195}, row(ships, "b_"), 1e-6);
        assertEquals(0.666667, ships.doubleColumn("kolmogorov_smirnov").get(0));
        assertEquals(0.15, ships.doubleColumn("wasserstein_1").get(0), 1e-6);
        assertEquals(2, ships.intColumn("b_pixels").get(0));
    }

    @Test
    void aClassMissingFromOneDatasetIsLeftUndefined() {
        DatasetComparison c = compare(sampleA(), sampleB(false));
        ClassComparison ships = c.bands().get(0).compare(PixelClass.VESSEL);
        assertEquals(0, ships.pixelsB());
        assertTrue(Double.isNaN(ships.b().median()));
        assertTrue(Double.isNaN(ships.distance().wasserstein1()));
        Table t = c.table();
        assertTrue(t.doubleColumn("wasserstein_1").isMissing(1));
        assertEquals(2, t.doubleColumn("wasserstein_1").countMissing());
    }

    @Test
    void noBandInCommonIsRefusedNamingBothLists() {
        PixelSample onlySwir =
                new PixelSample(
                        List.of(SpectralBand.B11, SpectralBand.B12),
                        new float[][] {WATER, WATER},
                        new float[][] {{0.3f}, {0.3f}},
                        TestSamples.summary(11, 1));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> compare(sampleA(), onlySwir));
        assertEquals(
                "real has no band in common with synthetic: it has B11, B12, the bands compared"
                        + " are B04, B08",
                e.getMessage());
    }

    private static double[] row(Table oneRow, String prefix) {
        return Quantiles.NAMES.stream()
                .mapToDouble(q -> oneRow.doubleColumn(prefix + q).get(0))
                .toArray();
    }
}
