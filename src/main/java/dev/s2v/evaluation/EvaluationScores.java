package dev.s2v.evaluation;

import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.MaskObject;
import dev.s2v.raster.PixelWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scores of one predictor on the split being evaluated, streamed tile by tile at a threshold
 * fixed beforehand: the pixel histogram (every threshold, for the curves), the counts at the
 * threshold per tile and per scene, the per-tile Dice, and the vessel matching.
 *
 * <p>For the model the threshold is the one {@link ThresholdSelection} chose on validation; a
 * binary predictor (a baseline whose scores are 0 or 1) is scored at {@link #BINARY}, where any
 * threshold in (0, 1] gives the same mask.
 *
 * <p>Not thread-safe.
 */
public final class EvaluationScores {
    /** The threshold for predictors whose scores are 0 or 1. */
    public static final Threshold BINARY = Threshold.of(0.5);

    private final Threshold threshold;
    private final double pixelSizeM;
    private final PixelHistogram histogram = new PixelHistogram();
    private final ObjectAccumulator objects;
    private final List<TileRow> tiles = new ArrayList<>();
    private double diceSum;
    private long tilesCounted;

    /**
     * Empty scores.
     *
     * @param threshold the threshold for masks, counts and vessels
     * @param matching how predicted objects are matched to true vessels
     * @param pixelSizeM pixel side, metres, for vessel lengths
     */
    public EvaluationScores(Threshold threshold, ObjectMatching matching, double pixelSizeM) {
        if (!(pixelSizeM > 0) || Double.isInfinite(pixelSizeM)) {
            throw new IllegalArgumentException(
                    "pixelSizeM must be positive and finite, got " + pixelSizeM);
        }
        this.threshold = threshold;
        this.pixelSizeM = pixelSizeM;
        this.objects = new ObjectAccumulator(matching);
    }

    /**
     * Scores one tile whose true vessels are the 8-connected objects of its truth mask (invalid
     * pixels excluded).
     *
     * @param sceneId the scene of the tile
     * @param tileId the tile
     * @param width columns of the tile; the arrays are row-major
     * @param probability vessel probabilities, 0..1
     * @param truth nonzero = vessel
     * @param valid false = no data (not counted, never a vessel); null when every pixel counts
     * @return the tile's row
     * @throws IllegalArgumentException when the sizes disagree or a probability is outside 0..1
     */
    public TileRow add(
            String sceneId,
            String tileId,
            int width,
            float[] probability,
            byte[] truth,
            boolean[] valid) {
        int height = heightOf(width, probability.length);
        PixelHistogram.requireSameLength(probability.length, truth, valid);
        List<MaskObject> trueObjects =
                ConnectedComponents.label(truth, invert(valid), width, height, pixelSizeM)
                        .objects();
        return add(sceneId, tileId, width, probability, truth, valid, trueObjects);
    }

    /**
     * Scores one tile against given true vessels (e.g. from label polygons).
     *
     * @param sceneId the scene of the tile
     * @param tileId the tile
     * @param width columns of the tile; the arrays are row-major
     * @param probability vessel probabilities, 0..1
     * @param truth nonzero = vessel
     * @param valid false = no data (not counted, never a vessel); null when every pixel counts
     * @param trueObjects the true vessels, in the tile's pixel grid
     * @return the tile's row
     * @throws IllegalArgumentException when the sizes disagree or a probability is outside 0..1
     */
    public TileRow add(
            String sceneId,
            String tileId,
            int width,
            float[] probability,
            byte[] truth,
            boolean[] valid,
            List<MaskObject> trueObjects) {
        int height = heightOf(width, probability.length);
        histogram.add(probability, truth, valid);
        byte[] predicted = threshold.apply(probability, valid);
        ConfusionMatrix confusion = ConfusionMatrix.of(predicted, truth, valid);
        List<MaskObject> predictedObjects =
                ConnectedComponents.label(predicted, width, height, pixelSizeM).objects();
        ObjectAccumulator.Outcome outcome = objects.addMatched(trueObjects, predictedObjects);
        if (confusion.total() > 0) {
            diceSum += confusion.f1();
            tilesCounted++;
        }
        TileRow row =
                new TileRow(
                        sceneId, tileId, confusion, outcome.overall(), outcome.farFalseAlarms());
        tiles.add(row);
        return row;
    }

    /**
     * Adds part of a whole scene to the histogram behind the curves; its counts and vessels come
     * with {@link #addScene}.
     *
     * @param probability vessel probabilities, 0..1 where valid
     * @param truth nonzero = vessel
     * @param valid false = no data (not counted)
     */
    public void addPixels(float[] probability, byte[] truth, boolean[] valid) {
        histogram.add(probability, truth, valid);
    }

    /**
     * One cell of a whole scene, the report's "tile" there.
     *
     * @param cellId the cell's name in the report
     * @param window the cell's pixels in the scene's grid
     * @param confusion its pixel counts at the threshold
     */
    public record SceneCell(String cellId, PixelWindow window, ConfusionMatrix confusion) {}

    /**
     * Scores a whole scene: its vessels matched over the whole scene, so that a vessel crossing a
     * cell or strip border is still one vessel, and one row per cell with its pixel counts and the
     * vessels whose centroids lie in it.
     *
     * @param sceneId the scene
     * @param cells its cells, covering it: equal squares laid from its corner, those at the far
     *     edges cut short
     * @param truth the true vessels, in the scene's pixel grid
     * @param predicted the predicted objects, in the same grid
     */
    public void addScene(
            String sceneId,
            List<SceneCell> cells,
            List<MaskObject> truth,
            List<MaskObject> predicted) {
        ObjectAccumulator.Outcome outcome = objects.addMatched(truth, predicted);
        ObjectScores[] perCell = new ObjectScores[cells.size()];
        Arrays.fill(perCell, ObjectScores.empty());
        long[] farPerCell = new long[cells.size()];
        CellIndex index = new CellIndex(cells);
        for (int i = 0; i < truth.size(); i++) {
            if (outcome.truthCounted()[i]) {
                int c = index.of(truth.get(i));
                perCell[c] =
                        perCell[c].plus(
                                new ObjectScores(1, outcome.truthMatched()[i] ? 1 : 0, 0, 0));
            }
        }
        for (int j = 0; j < predicted.size(); j++) {
            if (outcome.predictedCounted()[j]) {
                int c = index.of(predicted.get(j));
                perCell[c] =
                        perCell[c].plus(
                                new ObjectScores(0, 0, 1, outcome.predictedMatched()[j] ? 1 : 0));
                farPerCell[c] += outcome.predictedFar()[j] ? 1 : 0;
            }
        }
        for (int c = 0; c < cells.size(); c++) {
            ConfusionMatrix confusion = cells.get(c).confusion();
            if (confusion.total() > 0) {
                diceSum += confusion.f1();
                tilesCounted++;
            }
            tiles.add(
                    new TileRow(
                            sceneId, cells.get(c).cellId(), confusion, perCell[c], farPerCell[c]));
        }
    }

    /**
     * Finds the cell holding each object's centroid (the pixel the centroid falls in), cells being
     * equal squares laid from the scene's corner (those at the far edges cut short).
     */
    private static final class CellIndex {
        private final int width;
        private final int height;
        private final Map<Long, Integer> byOrigin = new HashMap<>();

        CellIndex(List<SceneCell> cells) {
            width = cells.stream().mapToInt(c -> c.window().width()).max().orElse(1);
            height = cells.stream().mapToInt(c -> c.window().height()).max().orElse(1);
            for (int i = 0; i < cells.size(); i++) {
                PixelWindow w = cells.get(i).window();
                byOrigin.put(key(w.row() / height, w.col() / width), i);
            }
        }

        int of(MaskObject object) {
            int row = (int) Math.floor(object.centroidRow() + 0.5);
            int col = (int) Math.floor(object.centroidCol() + 0.5);
            Integer cell = byOrigin.get(key(row / height, col / width));
            if (cell == null) {
                throw new IllegalArgumentException(
                        "no cell holds the object at row " + row + ", column " + col);
            }
            return cell;
        }

        private static long key(int row, int col) {
            return ((long) row << 32) | (col & 0xFFFFFFFFL);
        }
    }

    private static int heightOf(int width, int pixels) {
        if (width < 1 || pixels == 0 || pixels % width != 0) {
            throw new IllegalArgumentException(
                    "a tile of width " + width + " cannot hold " + pixels + " pixels");
        }
        return pixels / width;
    }

    private static boolean[] invert(boolean[] valid) {
        if (valid == null) {
            return null;
        }
        boolean[] ignore = new boolean[valid.length];
        for (int i = 0; i < valid.length; i++) {
            ignore[i] = !valid[i];
        }
        return ignore;
    }

    /**
     * The results so far.
     *
     * @param name short name for tables
     * @param description how the predictor predicts, in words
     */
    public PredictorResult result(String name, String description) {
        ConfusionMatrix total = ConfusionMatrix.empty();
        for (TileRow row : tiles) {
            total = total.plus(row.confusion());
        }
        PixelMetrics pixels =
                new PixelMetrics(
                        threshold,
                        total,
                        tilesCounted == 0 ? Double.NaN : diceSum / tilesCounted,
                        tilesCounted,
                        histogram.averagePrecision(),
                        histogram.rocAuc(),
                        histogram.precisionRecallCurve(),
                        histogram.rocCurve());
        return new PredictorResult(name, description, pixels, objects.metrics(), sceneRows());
    }

    /** The histogram of every pixel scored so far. */
    public PixelHistogram histogram() {
        return histogram;
    }

    /** One row per tile, in the order they were added. */
    public List<TileRow> tileRows() {
        return List.copyOf(tiles);
    }

    /** One row per scene (sums of its tiles), in the order scenes first appeared. */
    public List<SceneRow> sceneRows() {
        Map<String, SceneRow> scenes = new LinkedHashMap<>();
        for (TileRow t : tiles) {
            scenes.merge(
                    t.sceneId(),
                    new SceneRow(t.sceneId(), 1, t.confusion(), t.objects()),
                    (a, b) ->
                            new SceneRow(
                                    a.sceneId(),
                                    a.tiles() + b.tiles(),
                                    a.confusion().plus(b.confusion()),
                                    a.objects().plus(b.objects())));
        }
        return List.copyOf(scenes.values());
    }

    /**
     * The tiles for the report's gallery: the {@code worst} worst tiles with at least one valid
     * pixel ({@link TileRow#WORST_FIRST}), then up to {@code far} others with the most far false
     * alarms, so that an analyst sees whether they are unlabelled craft or real mistakes.
     */
    public GallerySelection gallery(int worst, int far) {
        List<TileRow> worstRows =
                tiles.stream()
                        .filter(t -> t.confusion().total() > 0)
                        .sorted(TileRow.WORST_FIRST)
                        .limit(worst)
                        .toList();
        List<TileRow> farRows =
                tiles.stream()
                        .filter(t -> t.farFalseAlarms() > 0 && !worstRows.contains(t))
                        .sorted(
                                Comparator.comparingLong(TileRow::farFalseAlarms)
                                        .reversed()
                                        .thenComparing(TileRow.WORST_FIRST))
                        .limit(far)
                        .toList();
        return new GallerySelection(worstRows, farRows);
    }

    /**
     * Tiles chosen for the gallery.
     *
     * @param worst the worst tiles, worst first
     * @param farFalseAlarms the tiles with the most far false alarms among the others, most first
     */
    public record GallerySelection(List<TileRow> worst, List<TileRow> farFalseAlarms) {}
}
