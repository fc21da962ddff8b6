package dev.s2v.evaluation;

import dev.s2v.raster.ConnectedComponents;
import dev.s2v.raster.MaskObject;
import java.util.ArrayList;
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
        ObjectScores tileObjects = objects.add(trueObjects, predictedObjects);
        if (confusion.total() > 0) {
            diceSum += confusion.f1();
            tilesCounted++;
        }
        TileRow row = new TileRow(sceneId, tileId, confusion, tileObjects);
        tiles.add(row);
        return row;
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
        return new PredictorResult(name, description, pixels, objects.metrics());
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

    /** The {@code n} worst tiles with at least one valid pixel ({@link TileRow#WORST_FIRST}). */
    public List<TileRow> worstTiles(int n) {
        return tiles.stream()
                .filter(t -> t.confusion().total() > 0)
                .sorted(TileRow.WORST_FIRST)
                .limit(n)
                .toList();
    }
}
