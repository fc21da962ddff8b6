package dev.s2v.inference;

import dev.s2v.dataset.SceneLabels;
import dev.s2v.evaluation.ConfusionMatrix;
import dev.s2v.evaluation.EvaluationScores;
import dev.s2v.evaluation.PixelBaseline;
import dev.s2v.evaluation.Threshold;
import dev.s2v.raster.ComponentTracker;
import dev.s2v.raster.InstanceObjects;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.MeasuredObjects;
import dev.s2v.raster.PixelWindow;
import dev.s2v.raster.RasterGrid;
import dev.s2v.raster.SpectralBand;
import dev.s2v.raster.WindowGrid;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scores one predicted scene against its labels strip by strip, for the model and the baselines
 * alike: the pixels feed each predictor's histogram and per-cell counts as they arrive, the true
 * and baseline masks feed object trackers, and when the scene is complete its vessels are matched
 * over the whole scene ({@link EvaluationScores#addScene}). Nothing of the scene's size is held.
 */
final class SceneScoring implements ScenePredictor.StripSink {
    private final String sceneId;
    private final SceneLabels labels;
    private final PixelWindow region;
    private final Threshold threshold;
    private final List<SpectralBand> modelBands;
    private final WindowGrid cells;
    private final Predictor model;
    private final List<Predictor> baselines = new ArrayList<>();
    private final double pixelSizeM;
    private final MeasuredObjects truth;
    private final ComponentTracker truthTracker;
    // Where the labels tell vessels apart, they are the true vessels, not the mask's components.
    private final InstanceObjects trueInstances;

    /** One predictor's scores and tallies over this scene. */
    private final class Predictor {
        final EvaluationScores scores;
        final PixelBaseline baseline;
        final long[][] counts;
        final MeasuredObjects objects;
        final ComponentTracker tracker;

        Predictor(EvaluationScores scores, PixelBaseline baseline, double pixelSizeM) {
            this.scores = scores;
            this.baseline = baseline;
            this.counts = new long[(int) cells.count()][4];
            this.objects = new MeasuredObjects(pixelSizeM);
            this.tracker = new ComponentTracker(region.width(), objects);
        }

        void add(Strip strip, float[] probability, byte[] predicted, byte[] truthMask) {
            scores.addPixels(probability, truthMask, strip.valid());
            PixelWindow rows = strip.rows();
            boolean[] valid = strip.valid();
            for (int i = 0; i < predicted.length; i++) {
                if (!valid[i]) {
                    continue;
                }
                int r = rows.row() - region.row() + i / rows.width();
                int c = i % rows.width();
                int cell = (r / cells.stridePx()) * cells.columns() + c / cells.stridePx();
                // 0 true positive, 1 false positive, 2 false negative, 3 true negative
                int kind =
                        predicted[i] != 0
                                ? (truthMask[i] != 0 ? 0 : 1)
                                : (truthMask[i] != 0 ? 2 : 3);
                counts[cell][kind]++;
            }
        }
    }

    /**
     * A scorer of one scene.
     *
     * @param sceneId the scene's identifier
     * @param labels its labels on the source's grid
     * @param region the predicted pixels in the source's grid
     * @param threshold the model's vessel threshold
     * @param modelBands the model's bands (the baselines read them)
     * @param cellPx the side of the report's cells ("tiles") of the scene
     * @param pixelSizeM the side of a pixel, metres
     * @param modelScores the model's running scores
     * @param baselines the baselines and their running scores, in the same order
     */
    SceneScoring(
            String sceneId,
            SceneLabels labels,
            PixelWindow region,
            Threshold threshold,
            List<SpectralBand> modelBands,
            int cellPx,
            double pixelSizeM,
            EvaluationScores modelScores,
            List<PixelBaseline> baselines,
            List<EvaluationScores> baselineScores) {
        this.sceneId = sceneId;
        this.labels = labels;
        this.region = region;
        this.threshold = threshold;
        this.modelBands = List.copyOf(modelBands);
        this.cells = WindowGrid.tiles(region.width(), region.height(), cellPx);
        this.model = new Predictor(modelScores, null, pixelSizeM);
        for (int i = 0; i < baselines.size(); i++) {
            this.baselines.add(new Predictor(baselineScores.get(i), baselines.get(i), pixelSizeM));
        }
        this.pixelSizeM = pixelSizeM;
        this.truth = new MeasuredObjects(pixelSizeM);
        this.truthTracker = new ComponentTracker(region.width(), truth);
        this.trueInstances = labels.hasInstances() ? new InstanceObjects(region.width()) : null;
    }

    @Override
    public void accept(Strip strip) throws IOException {
        PixelWindow rows = strip.rows();
        boolean[] valid = strip.valid();
        byte[] labelled = labels.read(rows);
        byte[] truthMask = new byte[labelled.length];
        boolean[] ignore = new boolean[labelled.length];
        for (int i = 0; i < labelled.length; i++) {
            truthMask[i] = (byte) (valid[i] && labelled[i] != 0 ? 1 : 0);
            ignore[i] = !valid[i];
        }
        if (trueInstances != null) {
            trueInstances.addRows(labels.readInstances(rows), ignore, rows.height());
        } else {
            truthTracker.addRows(truthMask, ignore, null, rows.height());
        }
        float[] probability = strip.probability();
        byte[] predicted = threshold.apply(probability, valid);
        model.add(strip, probability, predicted, truthMask);
        model.tracker.addRows(predicted, ignore, null, rows.height());
        if (baselines.isEmpty()) {
            return;
        }
        float[][] bands = new float[modelBands.size()][labelled.length];
        for (int b = 0; b < bands.length; b++) {
            Strip.BandRows band = strip.band(modelBands.get(b));
            for (int i = 0; i < labelled.length; i++) {
                bands[b][i] = band.at(i);
            }
        }
        for (Predictor p : baselines) {
            float[] scores = p.baseline.scores(bands);
            byte[] mask = EvaluationScores.BINARY.apply(scores, valid);
            p.add(strip, scores, mask, truthMask);
            p.tracker.addRows(mask, ignore, null, rows.height());
        }
    }

    /** Completes the scene: its vessels are matched and every predictor's cells are added. */
    void finish() {
        truthTracker.finish();
        List<MaskObject> trueVessels =
                trueInstances != null ? trueInstances.measure(pixelSizeM) : truth.inRasterOrder();
        for (Predictor p : allPredictors()) {
            p.tracker.finish();
            p.scores.addScene(sceneId, cellsOf(p), trueVessels, p.objects.inRasterOrder());
        }
    }

    private List<Predictor> allPredictors() {
        List<Predictor> all = new ArrayList<>();
        all.add(model);
        all.addAll(baselines);
        return all;
    }

    private List<EvaluationScores.SceneCell> cellsOf(Predictor p) {
        List<EvaluationScores.SceneCell> list = new ArrayList<>();
        for (int r = 0; r < cells.rows(); r++) {
            for (int c = 0; c < cells.columns(); c++) {
                long[] n = p.counts[r * cells.columns() + c];
                PixelWindow core = cells.core(r, c);
                list.add(
                        new EvaluationScores.SceneCell(
                                cellId(region, core),
                                core,
                                new ConfusionMatrix(n[0], n[1], n[2], n[3])));
            }
        }
        return list;
    }

    /**
     * The pixels of the cell a name of {@link #cellId} names, in a grid.
     *
     * @param cellPx the cells' side
     */
    static PixelWindow cellWindow(String cellId, int cellPx, RasterGrid grid) {
        int row = Integer.parseInt(cellId.substring(1, cellId.indexOf('_')));
        int col = Integer.parseInt(cellId.substring(cellId.indexOf("_c") + 2));
        return new PixelWindow(col, row, cellPx, cellPx).clippedTo(grid.width(), grid.height());
    }

    /** A cell's name: its first row and column in the source's grid, as dataset tiles are named. */
    static String cellId(PixelWindow region, PixelWindow cell) {
        return String.format(
                Locale.ROOT, "r%05d_c%05d", region.row() + cell.row(), region.col() + cell.col());
    }
}
