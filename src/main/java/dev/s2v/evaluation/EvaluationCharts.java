package dev.s2v.evaluation;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts (XChart), built from an {@link EvaluationResult}. */
final class EvaluationCharts {
    /** Chart width, pixels. */
    static final int WIDTH = 1200;

    /** Chart height, pixels. */
    static final int HEIGHT = 800;

    private EvaluationCharts() {}

    /**
     * Precision against recall for the model and each baseline, drawn as the steps that average
     * precision sums, and the model's operating point at the threshold chosen on validation.
     */
    static XYChart precisionRecall(EvaluationResult result) {
        XYChart chart =
                new XYChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title("Precision-recall curve, pixels of " + result.settings().scope())
                        .xAxisTitle("Recall")
                        .yAxisTitle("Precision")
                        .build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        List<PredictorResult> predictors = new ArrayList<>();
        predictors.add(result.model());
        predictors.addAll(result.baselines());
        for (PredictorResult p : predictors) {
            List<PrPoint> curve = p.pixels().precisionRecallCurve();
            if (curve.isEmpty()) {
                continue;
            }
            double[][] steps = steps(curve);
            XYSeries series =
                    chart.addSeries(
                            p.name()
                                    + " (AP "
                                    + ReportText.ratio(p.pixels().averagePrecision())
                                    + ")",
                            steps[0],
                            steps[1]);
            series.setMarker(SeriesMarkers.NONE);
        }
        ConfusionMatrix atThreshold = result.model().pixels().confusion();
        XYSeries point =
                chart.addSeries(
                        "model at threshold "
                                + result.threshold().threshold()
                                + " (chosen on validation)",
                        new double[] {atThreshold.recall()},
                        new double[] {atThreshold.precision()});
        point.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        point.setMarker(SeriesMarkers.CIRCLE);
        point.setMarkerColor(Color.BLACK);
        chart.getStyler().setMarkerSize(12);
        return chart;
    }

    /**
     * The vertices of the step curve through the points (recall rising): from each point, up or
     * down to the next precision at the same recall, then across to the next recall. The area under
     * it is the average precision.
     */
    static double[][] steps(List<PrPoint> curve) {
        int n = curve.size();
        double[] x = new double[2 * n - 1];
        double[] y = new double[2 * n - 1];
        x[0] = curve.get(0).recall();
        y[0] = curve.get(0).precision();
        for (int i = 1; i < n; i++) {
            x[2 * i - 1] = curve.get(i - 1).recall();
            y[2 * i - 1] = curve.get(i).precision();
            x[2 * i] = curve.get(i).recall();
            y[2 * i] = curve.get(i).precision();
        }
        return new double[][] {x, y};
    }

    /**
     * The model's confusion matrix at the chosen threshold: each cell coloured and labelled by its
     * share of the true class (row), the counts in the axis labels.
     */
    static HeatMapChart confusion(EvaluationResult result) {
        ConfusionMatrix m = result.model().pixels().confusion();
        HeatMapChart chart =
                new HeatMapChartBuilder()
                        .width(WIDTH)
                        .height(HEIGHT)
                        .title(
                                "Confusion matrix at threshold "
                                        + result.threshold().threshold()
                                        + ", "
                                        + result.settings().scope()
                                        + " (% of each true class)")
                        .xAxisTitle("Predicted")
                        .yAxisTitle("True")
                        .build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setMin(0).setMax(100);
        // A quoted '%' is a literal; unquoted, DecimalFormat would multiply by 100.
        chart.getStyler().setHeatMapValueDecimalPattern("0.00##' %'");
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        chart.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 18));
        chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 16));
        chart.getStyler().setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        chart.getStyler()
                .setRangeColors(new Color[] {new Color(247, 251, 255), new Color(107, 174, 214)});
        chart.getStyler().setValueFontColor(Color.BLACK);
        List<String> predicted =
                List.of(
                        "vessel (" + (m.truePositives() + m.falsePositives()) + " px)",
                        "background (" + (m.falseNegatives() + m.trueNegatives()) + " px)");
        List<String> truth =
                List.of(
                        "background (" + (m.falsePositives() + m.trueNegatives()) + " px)",
                        "vessel (" + m.positives() + " px)");
        double vessels = m.positives();
        double background = m.falsePositives() + m.trueNegatives();
        List<Number[]> cells =
                List.of(
                        cell(0, 1, m.truePositives(), vessels),
                        cell(1, 1, m.falseNegatives(), vessels),
                        cell(0, 0, m.falsePositives(), background),
                        cell(1, 0, m.trueNegatives(), background));
        chart.addSeries("share of true class, %", predicted, truth, cells);
        return chart;
    }

    private static Number[] cell(int x, int y, long count, double rowTotal) {
        return new Number[] {x, y, rowTotal == 0 ? 0.0 : 100.0 * count / rowTotal};
    }
}
