package dev.s2v.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.dataset.BandHistograms.BandSummary;
import dev.s2v.dataset.DatasetDescriptor.NormalizationParameters;
import dev.s2v.raster.SpectralBand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class DatasetStatisticsTest {
    private static final double EPS = 1e-6;

    /** Stored values of the given reflectances. */
    static short[] stored(double... reflectances) {
        short[] s = new short[reflectances.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = TileCodec.encode((float) reflectances[i]);
        }
        return s;
    }

    @Test
    void bandSummaryIsExactWithNearestRankPercentiles() {
        BandHistograms h = new BandHistograms(1);
        h.add(Split.TRAIN, new short[][] {stored(0.03, 0.01, 0.10, 0.04, 0.02)}, new byte[5]);
        BandSummary s = h.summary(0, new Split[] {Split.TRAIN}, BandHistograms.BACKGROUND);
        assertEquals(5, s.pixels());
        assertEquals(0.04, s.mean(), EPS);
        // sqrt((0.03^2 + 0.02^2 + 0.01^2 + 0 + 0.06^2) / 5) = sqrt(0.001)
        assertEquals(Math.sqrt(0.001), s.std(), EPS);
        assertEquals(0.01, s.min(), EPS);
        assertEquals(0.10, s.max(), EPS);
        // ranks ceil(p/100 * 5): 1, 1, 2, 3, 4, 5, 5
        assertArrayEquals(
                new double[] {0.01, 0.01, 0.02, 0.03, 0.04, 0.10, 0.10}, s.percentiles(), EPS);
    }

    @Test
    void noDataIsLeftOutAndClassesAreSeparate() {
        BandHistograms h = new BandHistograms(2);
        short[][] bands = {stored(0.1, 0.2, 0.3, 0.4), stored(0.5, Double.NaN, 0.7, 0.8)};
        h.add(Split.VAL, bands, new byte[] {0, 1, 1, 0});
        BandSummary vesselB1 = h.summary(1, new Split[] {Split.VAL}, BandHistograms.VESSEL);
        assertEquals(1, vesselB1.pixels());
        assertEquals(0.7, vesselB1.mean(), EPS);
        BandSummary backgroundB0 = h.summary(0, new Split[] {Split.VAL}, BandHistograms.BACKGROUND);
        assertEquals(2, backgroundB0.pixels());
        assertEquals(0.25, backgroundB0.mean(), EPS);
        BandSummary empty = h.summary(0, new Split[] {Split.TRAIN}, BandHistograms.VESSEL);
        assertEquals(0, empty.pixels());
        assertTrue(Double.isNaN(empty.mean()));
    }

    /**
     * Four 16 x 16 tiles: train with 16 vessel pixels and train with 56 no-data pixels, val with 64
     * vessel pixels in 2 objects, test without vessels.
     */
    static DatasetStatistics tinyDataset() {
        List<TileRecord> records =
                List.of(
                        new TileRecord("a", "S1", Split.TRAIN, 0, 0, 16, 0, 1),
                        new TileRecord("b", "S1", Split.TRAIN, 0, 16, 0, 56, 0),
                        new TileRecord("c", "S2", Split.VAL, 0, 0, 64, 0, 2),
                        new TileRecord("d", "S3", Split.TEST, 0, 0, 0, 0, 0));
        BandHistograms h = new BandHistograms(1);
        h.add(Split.TRAIN, new short[][] {stored(0.02, 0.04, 0.30)}, new byte[] {0, 0, 1});
        // A brighter validation pixel must not reach the normalisation.
        h.add(Split.VAL, new short[][] {stored(0.90)}, new byte[] {1});
        return new DatasetStatistics(
                List.of(SpectralBand.B08),
                16,
                records,
                h,
                Map.of(Split.TRAIN, List.of(30.0), Split.VAL, List.of(12.0, 150.0)));
    }

    @Test
    void classBalanceMatchesHandCounts() {
        Table t = tinyDataset().classBalance();
        assertEquals(List.of("train", "val", "test", "all"), t.stringColumn("split").asList());
        assertEquals(List.of(2, 1, 1, 4), t.intColumn("tiles").asList());
        assertEquals(List.of(1, 1, 0, 2), t.intColumn("tiles_with_vessels").asList());
        assertEquals(List.of(456L, 256L, 256L, 968L), t.longColumn("valid_pixels").asList());
        assertEquals(List.of(16L, 64L, 0L, 80L), t.longColumn("vessel_pixels").asList());
        assertEquals(16 / 456.0, t.doubleColumn("vessel_fraction").getDouble(0), EPS);
        assertEquals(80 / 968.0, t.doubleColumn("vessel_fraction").getDouble(3), EPS);
        assertEquals(27.5, t.doubleColumn("positive_class_weight").getDouble(0), EPS);
        assertEquals(3.0, t.doubleColumn("positive_class_weight").getDouble(1), EPS);
        assertTrue(Double.isNaN(t.doubleColumn("positive_class_weight").getDouble(2)));
        assertEquals(List.of(1L, 2L, 0L, 3L), t.longColumn("vessel_objects").asList());
        assertEquals(27.5, tinyDataset().positiveClassWeight(), EPS);
    }

    @Test
    void tileVesselFractionQuantilesMatchHandValues() {
        Table t = tinyDataset().tileVesselFraction();
        int all = 3;
        assertEquals(2, t.intColumn("tiles_with_vessels").get(all));
        // (0.0625 + 0 + 0.25 + 0) / 4
        assertEquals(0.078125, t.doubleColumn("mean_all_tiles").getDouble(all), EPS);
        // Commons Math's default: position p (n + 1) / 100 = 1.5 between 0.0625 and 0.25.
        assertEquals(0.15625, t.doubleColumn("p50").getDouble(all), EPS);
        assertEquals(0.0625, t.doubleColumn("p10").getDouble(all), EPS);
        assertEquals(0.25, t.doubleColumn("p90").getDouble(all), EPS);
        assertEquals(0.25, t.doubleColumn("max").getDouble(all), EPS);
        assertEquals(0.0625, t.doubleColumn("p50").getDouble(0), EPS);
        assertTrue(Double.isNaN(t.doubleColumn("p50").getDouble(2)), "test has no vessel tiles");
    }

    @Test
    void objectsAreBinnedByLength() {
        Table t = tinyDataset().objectSizes();
        Table all = t.where(t.stringColumn("split").isEqualTo("all"));
        assertEquals(
                List.of("<25 m", "25-50 m", "50-100 m", ">=100 m"),
                all.stringColumn("length_bin").asList());
        assertEquals(List.of(1, 1, 0, 1), all.intColumn("objects").asList());
        assertEquals(1, DatasetStatistics.lengthBin(25.0));
        assertEquals(3, DatasetStatistics.lengthBin(100.0));
    }

    @Test
    void normalisationComesFromTheTrainingSplitOnly() {
        NormalizationParameters n = tinyDataset().normalization();
        assertEquals(0.30, n.max().get(0), EPS);
        assertEquals(0.12, n.mean().get(0), EPS);
        // population std of 0.02, 0.04, 0.30
        assertEquals(Math.sqrt((0.01 + 0.0064 + 0.0324) / 3), n.std().get(0), EPS);
    }

    @Test
    void bandStatisticsHaveOneRowPerSplitBandAndClass() {
        Table t = tinyDataset().bandStatistics();
        assertEquals(4 * 1 * 2, t.rowCount());
        Table valVessel =
                t.where(
                        t.stringColumn("split")
                                .isEqualTo("val")
                                .and(t.stringColumn("class").isEqualTo("vessel")));
        assertEquals(0.90, valVessel.doubleColumn("mean").getDouble(0), EPS);
        assertEquals(1L, valVessel.longColumn("pixels").get(0));
    }
}
