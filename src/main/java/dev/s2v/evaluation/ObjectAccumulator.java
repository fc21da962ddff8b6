package dev.s2v.evaluation;

import dev.s2v.raster.MaskObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Object (vessel) scores streamed over tiles or scenes: each call matches one tile's predicted
 * objects to its true vessels, and the counts add up.
 */
public final class ObjectAccumulator {
    private final ObjectMatching matching;
    private final ObjectScores[] byBin = new ObjectScores[LengthBin.values().length];
    private double[] errorsM = new double[16];
    private int errorCount;
    private long setAsideShort;
    private long nearFalseAlarms;
    private long farFalseAlarms;

    /** Empty scores, matched with the given rule. */
    public ObjectAccumulator(ObjectMatching matching) {
        this.matching = matching;
        Arrays.fill(byBin, ObjectScores.empty());
    }

    /**
     * What matching did to each object of one tile or scene.
     *
     * @param truthCounted per true vessel: long enough to count
     * @param truthMatched per true vessel: matched
     * @param predictedCounted per predicted object: counted (long enough, and not matched to an
     *     optional short vessel)
     * @param predictedMatched per predicted object: matched to a counted true vessel
     * @param predictedFar per predicted object: a counted false alarm farther than the near
     *     distance from every true vessel
     * @param overall the counts
     */
    public record Outcome(
            boolean[] truthCounted,
            boolean[] truthMatched,
            boolean[] predictedCounted,
            boolean[] predictedMatched,
            boolean[] predictedFar,
            ObjectScores overall) {

        /** The far false alarms. */
        public long farFalseAlarms() {
            long far = 0;
            for (boolean f : predictedFar) {
                far += f ? 1 : 0;
            }
            return far;
        }
    }

    /**
     * Matches and counts one tile's objects.
     *
     * @param truth the true vessels
     * @param predicted the predicted objects, in the same pixel grid
     * @return this tile's overall counts
     */
    public ObjectScores add(List<MaskObject> truth, List<MaskObject> predicted) {
        return addMatched(truth, predicted).overall();
    }

    /**
     * Matches and counts the objects of a tile or a whole scene under the matching's rules:
     * predictions shorter than its minimum length are set aside, short true vessels are optional,
     * unmatched predictions are near or far false alarms.
     *
     * @param truth the true vessels
     * @param predicted the predicted objects, in the same pixel grid
     * @return what happened to each object
     */
    public Outcome addMatched(List<MaskObject> truth, List<MaskObject> predicted) {
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < predicted.size(); j++) {
            if (matching.counts(predicted.get(j))) {
                kept.add(j);
            } else {
                setAsideShort++;
            }
        }
        List<ObjectMatch> matches =
                matching.match(truth, kept.stream().map(predicted::get).toList());
        boolean[] truthCounted = new boolean[truth.size()];
        boolean[] truthMatched = new boolean[truth.size()];
        boolean[] predictedCounted = new boolean[predicted.size()];
        boolean[] predictedMatched = new boolean[predicted.size()];
        boolean[] predictedFar = new boolean[predicted.size()];
        for (int i = 0; i < truth.size(); i++) {
            truthCounted[i] = matching.counts(truth.get(i));
        }
        for (int j : kept) {
            predictedCounted[j] = true;
        }
        long pairs = 0;
        for (ObjectMatch m : matches) {
            int i = m.truthIndex();
            int j = kept.get(m.predictedIndex());
            if (truthCounted[i]) {
                truthMatched[i] = true;
                predictedMatched[j] = true;
                pairs++;
                addError(predicted.get(j).lengthM() - truth.get(i).lengthM());
            } else {
                // A short vessel that was found: optional, so the find is neither hit nor miss.
                predictedCounted[j] = false;
            }
        }
        long trueCount = 0;
        long predictedCount = 0;
        for (int i = 0; i < truth.size(); i++) {
            if (truthCounted[i]) {
                trueCount++;
                int b = LengthBin.of(truth.get(i).lengthM()).ordinal();
                byBin[b] = byBin[b].plus(new ObjectScores(1, truthMatched[i] ? 1 : 0, 0, 0));
            }
        }
        for (int j = 0; j < predicted.size(); j++) {
            if (predictedCounted[j]) {
                predictedCount++;
                int b = LengthBin.of(predicted.get(j).lengthM()).ordinal();
                byBin[b] = byBin[b].plus(new ObjectScores(0, 0, 1, predictedMatched[j] ? 1 : 0));
                if (!predictedMatched[j]) {
                    if (nearestTruthPx(predicted.get(j), truth) <= matching.nearPx()) {
                        nearFalseAlarms++;
                    } else {
                        farFalseAlarms++;
                        predictedFar[j] = true;
                    }
                }
            }
        }
        return new Outcome(
                truthCounted,
                truthMatched,
                predictedCounted,
                predictedMatched,
                predictedFar,
                new ObjectScores(trueCount, pairs, predictedCount, pairs));
    }

    private static double nearestTruthPx(MaskObject object, List<MaskObject> truth) {
        double nearest = Double.POSITIVE_INFINITY;
        for (MaskObject t : truth) {
            nearest = Math.min(nearest, object.centroidDistancePx(t));
        }
        return nearest;
    }

    private void addError(double errorM) {
        if (errorCount == errorsM.length) {
            errorsM = Arrays.copyOf(errorsM, errorCount * 2);
        }
        errorsM[errorCount++] = errorM;
    }

    /** The scores so far. */
    public ObjectMetrics metrics() {
        ObjectScores overall = ObjectScores.empty();
        List<LengthBinScores> bins = new ArrayList<>();
        for (LengthBin bin : LengthBin.values()) {
            overall = overall.plus(byBin[bin.ordinal()]);
            bins.add(new LengthBinScores(bin, byBin[bin.ordinal()]));
        }
        return new ObjectMetrics(
                overall,
                bins,
                LengthError.of(Arrays.copyOf(errorsM, errorCount)),
                new FalseAlarms(setAsideShort, nearFalseAlarms, farFalseAlarms));
    }
}
