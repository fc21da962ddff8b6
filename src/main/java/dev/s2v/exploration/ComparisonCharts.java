package dev.s2v.exploration;

import static dev.s2v.exploration.ExplorationCharts.colour;
import static dev.s2v.exploration.ExplorationCharts.count;
import static dev.s2v.exploration.ExplorationCharts.reflectance;

import dev.s2v.charts.Charts;
import dev.s2v.exploration.DatasetComparison.BandPair;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The figures that compare an exploration's dataset (A) with another (B), in the house style of
 * {@link ExplorationCharts}: A drawn solid, B dashed, each class in its colour.
 */
public final class ComparisonCharts {
    /** Width of one of the four panels of a band's figure. */
    static final int PANEL_WIDTH = Charts.WIDTH / 2;

    /** Height of one of the four panels of a band's figure. */
    static final int PANEL_HEIGHT = Charts.HEIGHT / 2;

    /** The compared dataset's lines: as wide as A's solid ones, in long dashes. */
    static final BasicStroke DASHED =
            new BasicStroke(
                    3f,
                    BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER,
                    10f,
                    new float[] {12f, 7f},
                    0f);

    /** Alpha of the fill under A's density, so that B's dashed curve stays visible over it. */
    private static final int FILL_ALPHA = 45;

    private static final BasicStroke GAP = new BasicStroke(3f);

    /** The outline of the compared dataset's quartile range on the spectra. */
    private static final BasicStroke QUARTILES =
            new BasicStroke(
                    1.5f,
                    BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER,
                    10f,
                    new float[] {6f, 4f},
                    0f);

    /** The area between two cumulative distributions. */
    private static final Color BETWEEN = new Color(0, 0, 0, 40);

    private ComparisonCharts() {}

    /**
     * One band's figure: per class (background left, vessel right) the density estimates of A and B
     * on one axis (top), and their cumulative distributions (bottom), on which the quantiles of the
     * table are marked and the Kolmogorov-Smirnov statistic is the longest vertical gap and the
     * Wasserstein-1 distance the area between the curves.
     *
     * @return the panels, by row
     */
    public static List<List<Chart<?, ?>>> band(DatasetComparison comparison, BandPair pair) {
        List<Chart<?, ?>> densities = new ArrayList<>();
        List<Chart<?, ?>> cumulative = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            double[] range =
                    BandAnalysis.shownRange(List.of(pair.a().sample(c), pair.b().sample(c)));
            densities.add(density(comparison, pair, c, range));
            cumulative.add(cumulative(comparison, pair, c, range));
        }
        return List.of(densities, cumulative);
    }

    /** A class's density estimates in A (solid, filled) and B (dashed) over the given range. */
    static XYChart density(
            DatasetComparison comparison, BandPair pair, PixelClass pixelClass, double[] range) {
        XYChart chart =
                panel(
                        pair.band().label() + ", " + pixelClass.label() + ": density",
                        comparison,
                        "density (per unit reflectance)",
                        range);
        double peak = 0;
        List<String> missing = new ArrayList<>();
        for (Side side : sides(comparison, pair)) {
            SortedSample s = side.analysis().sample(pixelClass);
            if (s.isEmpty()) {
                missing.add("no " + pixelClass.label() + " pixels in " + side.name());
                continue;
            }
            // The curves reach a little past the axis: XChart lays its ticks out at odd steps
            // when a series starts exactly at the axis minimum.
            double overhang = 0.01 * (range[1] - range[0]);
            XYSeries curve =
                    ExplorationCharts.densityCurve(
                            chart,
                            side.name() + ", n = " + count(s.size()) + " px",
                            side.analysis().density(pixelClass).orElseThrow(),
                            range[0] - overhang,
                            range[1] + overhang,
                            colour(pixelClass),
                            side.stroke());
            side.smoothIfDashed(curve);
            if (side.filled()) {
                curve.setXYSeriesRenderStyle(XYSeriesRenderStyle.Area);
                curve.setFillColor(Charts.translucent(colour(pixelClass), FILL_ALPHA));
            }
            peak = Math.max(peak, ExplorationCharts.max(curve.getYData()));
        }
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(peak > 0 ? 1.1 * peak : 1.0);
        if (!missing.isEmpty()) {
            ExplorationCharts.note(chart, missing);
        }
        return chart;
    }

    /**
     * A class's cumulative distributions in A (solid) and B (dashed), drawn through their
     * quantiles, with the five quantiles of the table marked and the Kolmogorov-Smirnov gap drawn
     * where it lies.
     */
    static XYChart cumulative(
            DatasetComparison comparison, BandPair pair, PixelClass pixelClass, double[] range) {
        XYChart chart =
                panel(
                        pair.band().label() + ", " + pixelClass.label() + ": cumulative share",
                        comparison,
                        "share at or below",
                        range);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setMarkerSize(9);
        List<Double> markX = new ArrayList<>();
        List<Double> markY = new ArrayList<>();
        double[] share = ExplorationCharts.grid(0, 1, ExplorationCharts.CURVE_POINTS);
        List<double[]> curves = new ArrayList<>();
        for (Side side : sides(comparison, pair)) {
            SortedSample s = side.analysis().sample(pixelClass);
            if (s.isEmpty()) {
                continue;
            }
            double[] x = new double[share.length];
            for (int i = 0; i < share.length; i++) {
                x[i] = s.quantile(share[i]);
            }
            curves.add(x);
            XYSeries curve = chart.addSeries(side.name() + " cumulative", x, share);
            curve.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            curve.setLineColor(colour(pixelClass));
            curve.setLineStyle(side.stroke());
            curve.setMarker(SeriesMarkers.NONE);
            side.smoothIfDashed(curve);
            // The density panel above names the datasets by the same line styles.
            curve.setShowInLegend(false);
            double[] q = Quantiles.of(s).values();
            for (int k = 0; k < q.length; k++) {
                markX.add(q[k]);
                markY.add(Quantiles.LEVELS.get(k));
            }
        }
        ClassComparison row = pair.compare(pixelClass);
        SampleDistance d = row.distance();
        if (d.defined()) {
            // Between the curves, slice by slice of the share: its area is the Wasserstein-1
            // distance, the integral over p of |quantile_A(p) - quantile_B(p)|.
            int n = share.length;
            double[] outlineX = new double[2 * n + 1];
            double[] outlineY = new double[2 * n + 1];
            for (int i = 0; i < n; i++) {
                outlineX[i] = curves.get(0)[i];
                outlineY[i] = share[i];
                outlineX[2 * n - 1 - i] = curves.get(1)[i];
                outlineY[2 * n - 1 - i] = share[i];
            }
            outlineX[2 * n] = outlineX[0];
            outlineY[2 * n] = outlineY[0];
            XYSeries area =
                    chart.addSeries(
                            "W1 " + reflectance(d.wasserstein1()) + " (grey area)",
                            outlineX,
                            outlineY);
            area.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
            area.setFillColor(BETWEEN);
            area.setLineColor(BETWEEN);
            area.setLineStyle(SeriesLines.NONE);
            area.setMarker(SeriesMarkers.NONE);
            double at = d.kolmogorovSmirnovAt();
            XYSeries gap =
                    chart.addSeries(
                            String.format(
                                    Locale.ROOT, "KS %.2f (black gap)", d.kolmogorovSmirnov()),
                            new double[] {at, at},
                            new double[] {
                                pair.a().sample(pixelClass).shareAtOrBelow(at),
                                pair.b().sample(pixelClass).shareAtOrBelow(at)
                            });
            gap.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
            gap.setLineColor(Color.BLACK);
            gap.setLineStyle(GAP);
            gap.setMarker(SeriesMarkers.NONE);
        } else {
            ExplorationCharts.note(chart, List.of("distance undefined: a dataset has no pixels"));
        }
        if (!markX.isEmpty()) {
            XYSeries marks =
                    chart.addSeries(
                            "p5 to p95",
                            ExplorationCharts.toArray(markX),
                            ExplorationCharts.toArray(markY));
            marks.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
            marks.setMarker(SeriesMarkers.CIRCLE);
            marks.setMarkerColor(colour(pixelClass));
        }
        return chart;
    }

    /**
     * The overview: per band and class, the Wasserstein-1 distance between A and B (top) and the
     * Kolmogorov-Smirnov statistic (bottom).
     *
     * @return the panels, by row
     */
    public static List<List<Chart<?, ?>>> distances(DatasetComparison comparison) {
        String pair = comparison.a().dataset() + " against " + comparison.b().dataset();
        CategoryChart wasserstein =
                ExplorationCharts.categoryChart(
                        Charts.WIDTH,
                        Charts.HEIGHT / 2,
                        "Wasserstein-1 distance, " + pair,
                        "band",
                        "reflectance");
        wasserstein.getStyler().setYAxisDecimalPattern("0.000");
        CategoryChart ks =
                ExplorationCharts.categoryChart(
                        Charts.WIDTH,
                        Charts.HEIGHT / 2,
                        "Kolmogorov-Smirnov statistic, " + pair,
                        "band",
                        "0 = same, 1 = apart");
        ks.getStyler().setYAxisDecimalPattern("0.00");
        List<String> names = comparison.bands().stream().map(b -> b.band().label()).toList();
        List<String> undefined = new ArrayList<>();
        List<Double> allDistances = new ArrayList<>();
        for (PixelClass c : PixelClass.values()) {
            List<Double> w1 = new ArrayList<>();
            List<Double> d = new ArrayList<>();
            for (BandPair p : comparison.bands()) {
                SampleDistance distance = p.compare(c).distance();
                if (!distance.defined() && !undefined.contains(c.label())) {
                    undefined.add(c.label());
                }
                w1.add(distance.defined() ? distance.wasserstein1() : 0);
                d.add(distance.defined() ? distance.kolmogorovSmirnov() : 0);
            }
            allDistances.addAll(w1);
            wasserstein.addSeries(c.label(), names, w1).setFillColor(colour(c));
            ks.addSeries(c.label(), names, d).setFillColor(colour(c));
        }
        ExplorationCharts.floorAxis(wasserstein, allDistances, 0.01);
        ks.getStyler().setYAxisMin(0.0).setYAxisMax(1.15);
        for (CategoryChart chart : List.of(wasserstein, ks)) {
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
            chart.getStyler().setLabelsVisible(true);
            chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            if (!undefined.isEmpty()) {
                ExplorationCharts.note(
                        chart,
                        List.of(
                                "undefined (bar left empty): "
                                        + String.join(", ", undefined)
                                        + ", missing from a dataset"));
            }
        }
        return List.of(List.of(wasserstein), List.of(ks));
    }

    /**
     * The median spectrum of each class in A (solid, the quartile range shaded) and B (dashed, the
     * quartile range outlined in thin dashes), on one chart.
     */
    public static XYChart spectra(DatasetComparison comparison) {
        List<BandAnalysis> a = comparison.bands().stream().map(BandPair::a).toList();
        List<BandAnalysis> b = comparison.bands().stream().map(BandPair::b).toList();
        List<BandAnalysis> both = new ArrayList<>(a);
        both.addAll(b);
        XYChart chart =
                ExplorationCharts.spectraChart(
                        "Spectra: median, 25-75 % shaded ("
                                + comparison.a().dataset()
                                + ") or outlined ("
                                + comparison.b().dataset()
                                + ")",
                        quantity(comparison),
                        both);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        for (PixelClass c : PixelClass.values()) {
            String nameA = comparison.a().dataset() + " " + c.label();
            String nameB = comparison.b().dataset() + " " + c.label();
            ExplorationCharts.addSpectrum(
                    chart, a, c, nameA, ExplorationCharts.CURVE, 60, SeriesLines.NONE);
            ExplorationCharts.addSpectrum(chart, b, c, nameB, DASHED, 0, QUARTILES);
            // The title says what the shading and outlines are; the legend names the medians.
            for (String name : List.of(nameA, nameB)) {
                XYSeries spread = chart.getSeriesMap().get(name + " 25-75 %");
                if (spread != null) {
                    spread.setShowInLegend(false);
                }
            }
        }
        return chart;
    }

    /** The axis title of values of both datasets: their quantity when they agree. */
    static String quantity(DatasetComparison comparison) {
        String a = comparison.a().quantity();
        return a.equals(comparison.b().quantity()) ? a : "reflectance (unitless)";
    }

    /** A panel of a band's figure: half the standard size, legend under the plot. */
    private static XYChart panel(
            String title, DatasetComparison comparison, String yTitle, double[] range) {
        XYChart chart =
                ExplorationCharts.xyChart(
                        PANEL_WIDTH, PANEL_HEIGHT, title, quantity(comparison), yTitle);
        Styler styler = chart.getStyler();
        styler.setChartTitleFont(styler.getChartTitleFont().deriveFont(17f));
        styler.setLegendFont(styler.getLegendFont().deriveFont(14f));
        styler.setLegendPadding(12);
        chart.getStyler().setAxisTitleFont(chart.getStyler().getAxisTitleFont().deriveFont(15f));
        chart.getStyler()
                .setAxisTickLabelsFont(chart.getStyler().getAxisTickLabelsFont().deriveFont(13f));
        chart.getStyler().setXAxisMin(range[0]).setXAxisMax(range[1]);
        chart.getStyler().setXAxisDecimalPattern("0.00#");
        return chart;
    }

    /** A dataset's side of a band pair and how it is drawn. */
    private record Side(String name, BandAnalysis analysis, BasicStroke stroke, boolean filled) {
        /**
         * Draws a dashed curve as one path: XChart draws a line that is not smooth one segment at a
         * time, each restarting the dash pattern, and segments of a dense curve are shorter than a
         * dash, so the line would look solid. Through this many points the smoothing changes
         * nothing visible.
         */
        void smoothIfDashed(XYSeries curve) {
            if (stroke == DASHED) {
                curve.setSmooth(true);
            }
        }
    }

    private static List<Side> sides(DatasetComparison comparison, BandPair pair) {
        return List.of(
                new Side(comparison.a().dataset(), pair.a(), ExplorationCharts.CURVE, true),
                new Side(comparison.b().dataset(), pair.b(), DASHED, false));
    }
}
