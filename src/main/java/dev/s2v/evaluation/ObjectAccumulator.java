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

    /** Empty scores, matched with the given rule. */
    public ObjectAccumulator(ObjectMatching matching) {
        this.matching = matching;
        Arrays.fill(byBin, ObjectScores.empty());
    }

    /**
     * Matches and counts one tile's objects.
     *
     * @param truth the true vessels
     * @param predicted the predicted objects, in the same pixel grid
     * @return this tile's overall counts
     */
    public ObjectScores add(List<MaskObject> truth, List<MaskObject> predicted) {
        int matches = addMatched(truth, predicted).size();
        return new ObjectScores(truth.size(), matches, predicted.size(), matches);
    }

    /**
     * Matches and counts the objects of a tile or a whole scene.
     *
     * @param truth the true vessels
     * @param predicted the predicted objects, in the same pixel grid
     * @return the matches, by true object
     */
    public List<ObjectMatch> addMatched(List<MaskObject> truth, List<MaskObject> predicted) {
        List<ObjectMatch> matches = matching.match(truth, predicted);
        boolean[] truthMatched = new boolean[truth.size()];
        boolean[] predictedMatched = new boolean[predicted.size()];
        for (ObjectMatch m : matches) {
            truthMatched[m.truthIndex()] = true;
            predictedMatched[m.predictedIndex()] = true;
            addError(
                    predicted.get(m.predictedIndex()).lengthM()
                            - truth.get(m.truthIndex()).lengthM());
        }
        for (int i = 0; i < truth.size(); i++) {
            int b = LengthBin.of(truth.get(i).lengthM()).ordinal();
            byBin[b] = byBin[b].plus(new ObjectScores(1, truthMatched[i] ? 1 : 0, 0, 0));
        }
        for (int j = 0; j < predicted.size(); j++) {
            int b = LengthBin.of(predicted.get(j).lengthM()).ordinal();
            byBin[b] = byBin[b].plus(new ObjectScores(0, 0, 1, predictedMatched[j] ? 1 : 0));
        }
        return matches;
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
        return new ObjectMetrics(overall, bins, LengthError.of(Arrays.copyOf(errorsM, errorCount)));
    }
}
