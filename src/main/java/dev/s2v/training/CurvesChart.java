package dev.s2v.training;

import dev.s2v.charts.Charts;
import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** {@code curves.png}: losses per epoch beside the validation scores, best epoch marked. */
final class CurvesChart {
    private CurvesChart() {}

    /**
     * Draws the curves of a run's history.
     *
     * @param bestEpoch the epoch of the best checkpoint (0: none)
     * @throws IOException when the PNG cannot be written
     */
    static void write(Path file, String title, List<EpochMetrics> history, int bestEpoch)
            throws IOException {
        XYChart losses = chart(title + ": loss", "loss (lower is better)");
        series(losses, "training loss", history, EpochMetrics::trainLoss);
        series(losses, "validation loss", history, EpochMetrics::valLoss);
        XYChart scores = chart(title + ": validation scores", "score (higher is better)");
        series(scores, "soft Dice", history, EpochMetrics::valDice);
        series(scores, "F1 at threshold", history, EpochMetrics::valF1);
        series(scores, "precision", history, EpochMetrics::valPrecision);
        series(scores, "recall", history, EpochMetrics::valRecall);
        scores.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        if (bestEpoch > 0) {
            for (XYChart chart : List.of(losses, scores)) {
                XYSeries best =
                        chart.addSeries(
                                "best epoch (" + bestEpoch + ")",
                                new double[] {bestEpoch, bestEpoch},
                                chart == scores ? new double[] {0, 1} : lossRange(history));
                best.setMarker(SeriesMarkers.NONE);
                best.setLineColor(Charts.PALETTE[7]);
                best.setLineStyle(
                        new BasicStroke(
                                1.5f,
                                BasicStroke.CAP_BUTT,
                                BasicStroke.JOIN_MITER,
                                10f,
                                new float[] {6f, 6f},
                                0f));
            }
        }
        Charts.writePng(Charts.paintGrid(List.of(List.of(losses, scores))), file);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart =
                new XYChartBuilder()
                        .width(Charts.WIDTH / 2 + 100)
                        .height(Charts.HEIGHT * 3 / 4)
                        .title(title)
                        .xAxisTitle("epoch")
                        .yAxisTitle(yTitle)
                        .build();
        Charts.style(chart.getStyler());
        chart.getStyler().setXAxisDecimalPattern("0");
        return chart;
    }

    private static void series(
            XYChart chart,
            String name,
            List<EpochMetrics> history,
            ToDoubleFunction<EpochMetrics> value) {
        double[] x = history.stream().mapToDouble(EpochMetrics::epoch).toArray();
        double[] y = history.stream().mapToDouble(value).toArray();
        chart.addSeries(name, x, y).setMarker(SeriesMarkers.CIRCLE);
    }

    private static double[] lossRange(List<EpochMetrics> history) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (EpochMetrics m : history) {
            min = Math.min(min, Math.min(m.trainLoss(), m.valLoss()));
            max = Math.max(max, Math.max(m.trainLoss(), m.valLoss()));
        }
        return new double[] {min, max};
    }
}
