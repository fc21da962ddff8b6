package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.charts.Charts;
import dev.s2v.charts.NoteBox;
import dev.s2v.exploration.DatasetComparison.BandPair;
import dev.s2v.raster.SpectralBand;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;

class ComparisonChartsTest {
    private static final PixelSample A = TestSamples.of(3000, 300);

    /** B holds B08 before B04, its water 0.02 darker in B04 and its vessels 0.05 darker. */
    private static PixelSample otherSample(int vessels) {
        Random random = new Random(23);
        float[][] bg = new float[2][2000];
        float[][] v = new float[2][vessels];
        for (int i = 0; i < 2000; i++) {
            bg[0][i] = (float) (0.03 + 0.01 * random.nextGaussian());
            bg[1][i] = (float) (0.02 + 0.005 * random.nextGaussian());
        }
        for (int i = 0; i < vessels; i++) {
            v[0][i] = (float) (0.15 + 0.05 * random.nextGaussian());
            v[1][i] = (float) (0.10 + 0.04 * random.nextGaussian());
        }
        return new PixelSample(
                List.of(SpectralBand.B08, SpectralBand.B04),
                bg,
                v,
                TestSamples.summary(2000, vessels));
    }

    private static DatasetComparison comparison(PixelSample b) {
        List<BandAnalysis> analyses =
                TestSamples.BANDS.stream()
                        .map(band -> BandAnalysis.of(band, A, BandwidthRule.SILVERMAN))
                        .toList();
        ChartContext context =
                new ChartContext(
                        "synthetic",
                        SplitSelection.TRAIN,
                        b.summary(),
                        BandwidthRule.SILVERMAN,
                        "reflectance (unitless)");
        return DatasetComparison.of(TestSamples.context(A), analyses, context, b);
    }

    private static final DatasetComparison COMPARISON = comparison(otherSample(400));
    private static final BandPair RED = COMPARISON.bands().get(0);

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

    private static XYChart panel(BandPair pair, int row, PixelClass c) {
        List<List<Chart<?, ?>>> rows = ComparisonCharts.band(COMPARISON, pair);
        return (XYChart) rows.get(row).get(c.ordinal());
    }

    /** The lines of a chart's notes (XChart keeps annotations in a field without a getter). */
    private static List<String> notes(Chart<?, ?> chart) {
        List<String> lines = new ArrayList<>();
        try {
            Field field = Chart.class.getDeclaredField("annotations");
            field.setAccessible(true);
            for (Object a : (List<?>) field.get(chart)) {
                if (a instanceof NoteBox note) {
                    lines.addAll(note.lines());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return lines;
    }

    @Test
    void aBandFigureHasDensitiesOverCumulativeSharesPerClassAtTheStandardSize() {
        List<List<Chart<?, ?>>> rows = ComparisonCharts.band(COMPARISON, RED);
        assertEquals(2, rows.size());
        int width = 0;
        for (Chart<?, ?> chart : rows.get(0)) {
            width += chart.getWidth();
            assertEquals(Charts.HEIGHT / 2, chart.getHeight());
        }
        assertEquals(Charts.WIDTH, width);
        assertTrue(rows.get(0).get(1).getTitle().startsWith("B04 665 nm, vessel: density"));
        assertTrue(rows.get(1).get(0).getTitle().startsWith("B04 665 nm, background: cumul"));
    }

    @Test
    void densitiesAreTheEstimatesOfBothDatasetsSolidAndDashed() {
        XYChart chart = panel(RED, 0, PixelClass.BACKGROUND);
        XYSeries a = series(chart, "test, n = 3,000 px");
        XYSeries b = series(chart, "synthetic, n = 2,000 px");
        assertEquals(XYSeriesRenderStyle.Area, a.getXYSeriesRenderStyle());
        assertEquals(ExplorationCharts.CURVE, a.getLineStyle());
        assertEquals(ComparisonCharts.DASHED, b.getLineStyle());
        assertTrue(b.isSmooth(), "a dense dashed curve is drawn as one path");
        KernelDensity kde = RED.b().density(PixelClass.BACKGROUND).orElseThrow();
        double[] x = b.getXData();
        double[] y = b.getYData();
        for (int i = 0; i < x.length; i += 37) {
            assertEquals(kde.at(x[i]), y[i], 1e-12);
        }
        // Both classes' curves lie in the class colour; the axis holds both datasets' samples.
        assertEquals(ExplorationCharts.colour(PixelClass.BACKGROUND), b.getLineColor());
        double[] range =
                BandAnalysis.shownRange(
                        List.of(
                                RED.a().sample(PixelClass.BACKGROUND),
                                RED.b().sample(PixelClass.BACKGROUND)));
        assertEquals(range[0], chart.getStyler().getXAxisMin());
        assertEquals(range[1], chart.getStyler().getXAxisMax());
    }

    @Test
    void cumulativeSharesMarkTheQuantilesTheGapAndTheAreaOfTheDistances() {
        XYChart chart = panel(RED, 1, PixelClass.VESSEL);
        ClassComparison row = RED.compare(PixelClass.VESSEL);
        SortedSample a = RED.a().sample(PixelClass.VESSEL);
        XYSeries curve = series(chart, "test cumulative");
        assertEquals(a.quantile(0.5), curve.getXData()[(curve.getXData().length - 1) / 2], 1e-3);
        assertFalse(curve.isShowInLegend());

        XYSeries marks = series(chart, "p5 to p95");
        double[] expectedX = new double[10];
        double[] expectedY = new double[10];
        double[] qa = row.a().values();
        double[] qb = row.b().values();
        for (int k = 0; k < 5; k++) {
            expectedX[k] = qa[k];
            expectedX[5 + k] = qb[k];
            expectedY[k] = Quantiles.LEVELS.get(k);
            expectedY[5 + k] = Quantiles.LEVELS.get(k);
        }
        assertArrayEquals(expectedX, marks.getXData(), 1e-12);
        assertArrayEquals(expectedY, marks.getYData(), 1e-12);

        SampleDistance d = row.distance();
        XYSeries gap = series(chart, "KS ");
        assertEquals(
                String.format(java.util.Locale.ROOT, "KS %.2f (black gap)", d.kolmogorovSmirnov()),
                gap.getName());
        assertArrayEquals(
                new double[] {d.kolmogorovSmirnovAt(), d.kolmogorovSmirnovAt()}, gap.getXData());
        assertEquals(d.kolmogorovSmirnov(), Math.abs(gap.getYData()[1] - gap.getYData()[0]), 1e-12);

        // The shaded area between the curves is the Wasserstein-1 distance (up to the grid).
        XYSeries area = series(chart, "W1 ");
        assertEquals(
                "W1 " + ExplorationCharts.reflectance(d.wasserstein1()) + " (grey area)",
                area.getName());
        assertEquals(XYSeriesRenderStyle.PolygonArea, area.getXYSeriesRenderStyle());
        assertEquals(d.wasserstein1(), shoelace(area), 0.02 * d.wasserstein1());
    }

    /** The area of a polygon whose two halves do not cross: the sum of its slices. */
    private static double shoelace(XYSeries polygon) {
        double[] x = polygon.getXData();
        double[] y = polygon.getYData();
        double twice = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            twice += x[i] * y[i + 1] - x[i + 1] * y[i];
        }
        return Math.abs(twice) / 2;
    }

    @Test
    void theOverviewHoldsEachBandsDistancesPerClass() {
        List<List<Chart<?, ?>>> rows = ComparisonCharts.distances(COMPARISON);
        CategoryChart w1 = (CategoryChart) rows.get(0).get(0);
        CategoryChart ks = (CategoryChart) rows.get(1).get(0);
        for (PixelClass c : PixelClass.values()) {
            List<Double> expectedW1 = new ArrayList<>();
            List<Double> expectedKs = new ArrayList<>();
            for (BandPair p : COMPARISON.bands()) {
                expectedW1.add(p.compare(c).distance().wasserstein1());
                expectedKs.add(p.compare(c).distance().kolmogorovSmirnov());
            }
            assertEquals(expectedW1, yData(w1, c.label()));
            assertEquals(expectedKs, yData(ks, c.label()));
            assertEquals(
                    ExplorationCharts.colour(c), w1.getSeriesMap().get(c.label()).getFillColor());
        }
        assertEquals(
                List.of("B04 665 nm", "B08 842 nm"), w1.getSeriesMap().get("vessel").getXData());
    }

    private static List<Double> yData(CategoryChart chart, String name) {
        List<Double> out = new ArrayList<>();
        chart.getSeriesMap().get(name).getYData().forEach(v -> out.add(v.doubleValue()));
        return out;
    }

    @Test
    void theSpectraDrawEachDatasetsMediansSolidAndDashed() {
        XYChart chart = ComparisonCharts.spectra(COMPARISON);
        XYSeries a = series(chart, "test vessel median");
        XYSeries b = series(chart, "synthetic vessel median");
        assertArrayEquals(new double[] {665, 842}, b.getXData());
        assertArrayEquals(
                new double[] {
                    RED.b().sample(PixelClass.VESSEL).median(),
                    COMPARISON.bands().get(1).b().sample(PixelClass.VESSEL).median()
                },
                b.getYData(),
                1e-12);
        assertEquals(ExplorationCharts.CURVE, a.getLineStyle());
        assertEquals(ComparisonCharts.DASHED, b.getLineStyle());
        assertFalse(series(chart, "synthetic vessel 25-75 %").isShowInLegend());
    }

    @Test
    void aClassMissingFromTheComparedDatasetIsDrawnForTheOtherAndSaysSo() {
        DatasetComparison none = comparison(otherSample(0));
        BandPair pair = none.bands().get(0);
        List<List<Chart<?, ?>>> rows = ComparisonCharts.band(none, pair);
        XYChart density = (XYChart) rows.get(0).get(PixelClass.VESSEL.ordinal());
        assertEquals(List.of("test, n = 300 px"), List.copyOf(density.getSeriesMap().keySet()));
        assertEquals(List.of("no vessel pixels in synthetic"), notes(density));
        XYChart cumulative = (XYChart) rows.get(1).get(PixelClass.VESSEL.ordinal());
        assertEquals(
                List.of("test cumulative", "p5 to p95"),
                List.copyOf(cumulative.getSeriesMap().keySet()));
        assertEquals(List.of("distance undefined: a dataset has no pixels"), notes(cumulative));
        CategoryChart w1 = (CategoryChart) ComparisonCharts.distances(none).get(0).get(0);
        assertEquals(List.of(0.0, 0.0), yData(w1, "vessel"));
        assertEquals(
                List.of("undefined (bar left empty): vessel, missing from a dataset"), notes(w1));
    }
}
