package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Chart series and data (never PNG bytes). */
class EvaluationChartsTest {

    @Test
    void stepsRiseOrFallAtTheOldRecallThenRunToTheNext() {
        List<PrPoint> curve =
                List.of(new PrPoint(0.9, 0, 1), new PrPoint(0.8, 0.5, 1), new PrPoint(0.3, 1, 0.5));
        double[][] steps = EvaluationCharts.steps(curve);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, steps[0]);
        assertArrayEquals(new double[] {1, 1, 1, 0.5, 0.5}, steps[1]);
    }

    @Test
    void thePrChartHasEveryPredictorAndTheOperatingPoint() {
        EvaluationResult r = TestEvaluations.run().result();
        XYChart chart = EvaluationCharts.precisionRecall(r);
        assertEquals(1200, chart.getWidth());
        assertEquals(800, chart.getHeight());
        assertEquals("Recall", chart.getXAxisTitle());
        assertEquals("Precision", chart.getYAxisTitle());
        assertTrue(chart.getTitle().contains("test split"));
        List<String> names = List.copyOf(chart.getSeriesMap().keySet());
        assertEquals(4, names.size());
        assertTrue(names.get(0).startsWith("model (AP "), names.get(0));
        assertTrue(names.get(3).contains("chosen on validation"), names.get(3));
        XYSeries model = chart.getSeriesMap().get(names.get(0));
        double[][] steps = EvaluationCharts.steps(r.model().pixels().precisionRecallCurve());
        assertArrayEquals(steps[0], model.getXData());
        assertArrayEquals(steps[1], model.getYData());
        XYSeries point = chart.getSeriesMap().get(names.get(3));
        ConfusionMatrix m = r.model().pixels().confusion();
        assertArrayEquals(new double[] {m.recall()}, point.getXData());
        assertArrayEquals(new double[] {m.precision()}, point.getYData());
    }

    @Test
    void theConfusionChartShowsShareOfEachTrueClass() {
        EvaluationResult r = TestEvaluations.run().result();
        HeatMapChart chart = EvaluationCharts.confusion(r);
        assertEquals(1200, chart.getWidth());
        assertEquals("Predicted", chart.getXAxisTitle());
        assertEquals("True", chart.getYAxisTitle());
        ConfusionMatrix m = r.model().pixels().confusion();
        List<Number[]> cells = List.copyOf(chart.getHeatMapSeries().getHeatData());
        double vessels = m.truePositives() + m.falseNegatives();
        assertEquals(100.0 * m.truePositives() / vessels, cells.get(0)[2].doubleValue(), 1e-9);
        assertEquals(100.0 * m.falseNegatives() / vessels, cells.get(1)[2].doubleValue(), 1e-9);
        assertEquals(
                100.0,
                cells.get(2)[2].doubleValue() + cells.get(3)[2].doubleValue(),
                1e-9,
                "background row adds up to 100 %");
        assertTrue(chart.getHeatMapSeries().getYData().get(1).toString().startsWith("vessel ("));
    }
}
