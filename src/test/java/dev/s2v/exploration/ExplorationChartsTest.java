package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.charts.Charts;
import dev.s2v.raster.SpectralBand;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ExplorationChartsTest {
    private static final PixelSample SAMPLE = TestSamples.of(3000, 300);
    private static final ChartContext CONTEXT = TestSamples.context(SAMPLE);
    private static final BandAnalysis RED =
            BandAnalysis.of(SpectralBand.B04, SAMPLE, BandwidthRule.SILVERMAN);
    private static final BandAnalysis NIR =
            BandAnalysis.of(SpectralBand.B08, SAMPLE, BandwidthRule.SILVERMAN);

    private static XYSeries series(XYChart chart, String prefix) {
        return chart.getSeriesMap().values().stream()
                .filter(s -> s.getName().startsWith(prefix))
                .findFirst()
                .orElseThrow(
                        () ->
                                new AssertionError(
                                        "no series "
                                                + prefix
                                                + " in "
                                                + chart.getSeriesMap().keySet()));
    }

    @Test
    void distributionHasAHistogramAndADensityPerClassWithTheSampleSizes() {
        XYChart chart = ExplorationCharts.distribution(RED, CONTEXT, false);
        assertEquals(
                List.of(
                        "background histogram, n = 3,000 px",
                        "vessel histogram, n = 300 px",
                        "background kernel density, h = "
                                + ExplorationCharts.reflectance(
                                        RED.density(PixelClass.BACKGROUND)
                                                .orElseThrow()
                                                .bandwidth()),
                        "vessel kernel density, h = "
                                + ExplorationCharts.reflectance(
                                        RED.density(PixelClass.VESSEL).orElseThrow().bandwidth())),
                new ArrayList<>(chart.getSeriesMap().keySet()));
        assertTrue(chart.getTitle().startsWith("B04 665 nm (red)"), chart.getTitle());
        assertEquals("TOA reflectance (L1C, unitless)", chart.getXAxisTitle());
        assertEquals(Charts.WIDTH, chart.getWidth());
        assertEquals(Charts.HEIGHT, chart.getHeight());
        // The histogram's outline holds the share of the class inside the shown range.
        XYSeries bars = series(chart, "vessel histogram");
        Histogram h = RED.histogram(PixelClass.VESSEL);
        assertEquals(300, h.total());
        assertEquals(h.inRange() / 300.0, area(bars.getXData(), bars.getYData()), 1e-9);
        XYSeries curve = series(chart, "background kernel density");
        assertEquals(1, area(curve.getXData(), curve.getYData()), 0.01);
    }

    @Test
    void aLogarithmicAxisDropsWhatItCannotShow() {
        XYChart chart = ExplorationCharts.distribution(RED, CONTEXT, true);
        assertTrue(chart.getStyler().isYAxisLogarithmic());
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double y : s.getYData()) {
                assertTrue(
                        Double.isNaN(y) || y >= chart.getStyler().getYAxisMin(),
                        s.getName() + " " + y);
            }
        }
    }

    @Test
    void violinsAreSymmetricAndMarkMedianAndQuartiles() {
        XYChart chart = ExplorationCharts.violin(RED, CONTEXT);
        for (PixelClass c : PixelClass.values()) {
            XYSeries outline = series(chart, c.label());
            double centre = ExplorationCharts.VIOLIN_CENTRES[c.ordinal()];
            double[] x = outline.getXData();
            double[] y = outline.getYData();
            int points = (x.length - 1) / 2;
            for (int i = 0; i < points; i++) {
                int mirror = 2 * points - 1 - i;
                assertEquals(y[i], y[mirror]);
                assertEquals(x[i] - centre, centre - x[mirror], 1e-12);
            }
        }
        XYSeries median = series(chart, "median");
        // Two segments (background, vessel) separated by NaN, each at its class's median.
        assertEquals(RED.sample(PixelClass.BACKGROUND).median(), median.getYData()[0], 1e-12);
        assertEquals(RED.sample(PixelClass.VESSEL).median(), median.getYData()[3], 1e-12);
        assertTrue(Double.isNaN(median.getYData()[2]));
        XYSeries quartiles = series(chart, "quartiles");
        assertEquals(
                RED.sample(PixelClass.BACKGROUND).quantile(0.25), quartiles.getYData()[0], 1e-12);
        assertEquals(
                RED.sample(PixelClass.BACKGROUND).quantile(0.75), quartiles.getYData()[3], 1e-12);
    }

    @Test
    void theAllBandsFigureHasOneViolinPerBandAndClass() {
        XYChart chart = ExplorationCharts.violins(List.of(RED, NIR), CONTEXT);
        for (String name : List.of("background (left)", "vessel (right)")) {
            long gaps = 0;
            for (double x : series(chart, name).getXData()) {
                gaps += Double.isNaN(x) ? 1 : 0;
            }
            assertEquals(1, gaps, name + ": two violins, one gap");
        }
    }

    @Test
    void scatterDrawsAtMostItsQuotaOfPixelsInsideTheAxes() {
        PixelSample big = TestSamples.of(10_000, 50);
        BandAnalysis x = BandAnalysis.of(SpectralBand.B04, big, BandwidthRule.SILVERMAN);
        BandAnalysis y = BandAnalysis.of(SpectralBand.B08, big, BandwidthRule.SILVERMAN);
        XYChart chart = ExplorationCharts.scatter(big, x, y, TestSamples.context(big));
        XYSeries background = series(chart, "background, 4,000 of 10,000 sampled px");
        XYSeries vessel = series(chart, "vessel, 50 of 50 sampled px");
        assertTrue(background.getXData().length <= ExplorationCharts.SCATTER_POINTS);
        assertTrue(background.getXData().length > 3900, "only the extreme tails are cut");
        assertTrue(vessel.getXData().length <= 50);
        for (double v : background.getXData()) {
            assertTrue(v >= x.lower() && v <= x.upper());
        }
        assertEquals("B04 665 nm TOA reflectance (L1C, unitless)", chart.getXAxisTitle());
    }

    @Test
    void withoutVesselPixelsOnlyTheBackgroundIsDrawn() {
        PixelSample noVessels = TestSamples.of(500, 0);
        BandAnalysis band = BandAnalysis.of(SpectralBand.B04, noVessels, BandwidthRule.SCOTT);
        assertFalse(band.separability().defined());
        assertTrue(Double.isNaN(band.separability().bhattacharyya()));
        ChartContext context = TestSamples.context(noVessels);
        for (XYChart chart :
                List.of(
                        ExplorationCharts.distribution(band, context, false),
                        ExplorationCharts.violin(band, context),
                        ExplorationCharts.violins(List.of(band), context),
                        ExplorationCharts.scatter(
                                noVessels,
                                band,
                                BandAnalysis.of(SpectralBand.B08, noVessels, BandwidthRule.SCOTT),
                                context),
                        ExplorationCharts.spectra(List.of(band), context))) {
            for (String name : chart.getSeriesMap().keySet()) {
                assertFalse(name.startsWith("vessel"), chart.getTitle() + ": " + name);
            }
        }
        List<List<Chart<?, ?>>> separability =
                ExplorationCharts.separability(List.of(band), context);
        CategoryChart auc = (CategoryChart) separability.get(0).get(0);
        assertEquals(0.5, auc.getSeriesMap().get("AUC").getYData().iterator().next().doubleValue());
        assertTrue(
                ExplorationCaptions.distribution(band, context)
                        .contains("There are no vessel pixels in the train split"));
        assertTrue(
                ExplorationCaptions.separability(List.of(band))
                        .contains("undefined without vessel pixels"));
    }

    @Test
    void separabilityChartsCarryTheBandNumbers() {
        List<List<Chart<?, ?>>> rows = ExplorationCharts.separability(List.of(RED, NIR), CONTEXT);
        CategoryChart auc = (CategoryChart) rows.get(0).get(0);
        CategoryChart distance = (CategoryChart) rows.get(1).get(0);
        CategorySeries a = auc.getSeriesMap().get("AUC");
        assertEquals(List.of("B04 665 nm", "B08 842 nm"), a.getXData());
        List<? extends Number> values = new ArrayList<>(a.getYData());
        assertEquals(RED.separability().thresholdAuc(), values.get(0).doubleValue(), 1e-12);
        assertEquals(NIR.separability().thresholdAuc(), values.get(1).doubleValue(), 1e-12);
        List<? extends Number> d =
                new ArrayList<>(distance.getSeriesMap().get("Bhattacharyya distance").getYData());
        assertEquals(RED.separability().bhattacharyya(), d.get(0).doubleValue(), 1e-12);
        // Bright vessels on dark water: well apart in both bands.
        assertTrue(RED.separability().auc() > 0.95);
        assertEquals("brighter", RED.separability().vesselsAre());
    }

    @Test
    void spectraPlotTheMediansAtTheWavelengths() {
        XYChart chart = ExplorationCharts.spectra(List.of(RED, NIR), CONTEXT);
        XYSeries vessel = series(chart, "vessel median");
        assertEquals(665, vessel.getXData()[0]);
        assertEquals(842, vessel.getXData()[1]);
        assertEquals(NIR.sample(PixelClass.VESSEL).median(), vessel.getYData()[1], 1e-12);
    }

    @Test
    void classImbalanceComesFromTheStatisticsAndSurvivesEmptySplits() {
        Table balance =
                Table.create(
                        "class balance",
                        StringColumn.create("split", "train", "val", "test", "all"),
                        IntColumn.create("tiles", 10, 0, 4, 14),
                        IntColumn.create("tiles_with_vessels", 3, 0, 0, 3),
                        IntColumn.create("tiles_without_vessels", 7, 0, 4, 11),
                        LongColumn.create("valid_pixels", 40_000, 0, 16_000, 56_000),
                        LongColumn.create("vessel_pixels", 400, 0, 0, 400),
                        DoubleColumn.create("vessel_fraction", 0.01, Double.NaN, 0, 400 / 56_000.0),
                        DoubleColumn.create(
                                "positive_class_weight", 99, Double.NaN, Double.NaN, 139),
                        LongColumn.create("vessel_objects", 5, 0, 0, 5));
        Table objects =
                Table.create(
                        "objects",
                        StringColumn.create(
                                "split", "train", "train", "val", "val", "test", "test", "all",
                                "all"),
                        StringColumn.create(
                                "length_bin",
                                "<25 m",
                                ">=25 m",
                                "<25 m",
                                ">=25 m",
                                "<25 m",
                                ">=25 m",
                                "<25 m",
                                ">=25 m"),
                        IntColumn.create("objects", 2, 3, 0, 0, 0, 0, 2, 3));
        List<List<Chart<?, ?>>> rows = ExplorationCharts.classImbalance(balance, objects);
        CategoryChart share = (CategoryChart) rows.get(0).get(0);
        CategorySeries s = share.getSeriesMap().get("vessel pixels");
        assertEquals(List.of("train", "val", "test", "all"), s.getXData());
        List<? extends Number> percent = new ArrayList<>(s.getYData());
        assertEquals(1.0, percent.get(0).doubleValue(), 1e-12);
        assertEquals(0.0, percent.get(1).doubleValue());
        assertEquals(100 * 400 / 56_000.0, percent.get(3).doubleValue(), 1e-12);
        CategoryChart tiles = (CategoryChart) rows.get(0).get(1);
        assertEquals(
                List.of(3.0, 0.0, 0.0, 3.0),
                tiles.getSeriesMap().get("with vessels").getYData().stream()
                        .map(Number::doubleValue)
                        .toList());
        CategoryChart lengths = (CategoryChart) rows.get(1).get(0);
        assertEquals(List.of("<25 m", ">=25 m"), lengths.getSeriesMap().get("train").getXData());
        assertEquals(
                List.of(2.0, 3.0),
                lengths.getSeriesMap().get("train").getYData().stream()
                        .map(Number::doubleValue)
                        .toList());
        assertEquals(Charts.WIDTH, share.getWidth() + tiles.getWidth());
        assertEquals(Charts.HEIGHT, share.getHeight() + lengths.getHeight());
    }

    private static double area(double[] x, double[] y) {
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return area;
    }
}
