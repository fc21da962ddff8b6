package dev.s2v.evaluation;

import static dev.s2v.evaluation.TestObjects.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s2v.raster.MaskObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** One-to-one centroid matching within a radius. */
class ObjectMatchingTest {
    private static final ObjectMatching FIVE_PX = ObjectMatching.defaults();

    @Test
    void nearestPartnersWithinTheRadiusAreMatched() {
        List<ObjectMatch> matches =
                FIVE_PX.match(List.of(at(10, 10), at(10, 20)), List.of(at(10, 12), at(10, 17)));
        assertEquals(List.of(new ObjectMatch(0, 0, 2), new ObjectMatch(1, 1, 3)), matches);
    }

    @Test
    void theMostPairsWinOverTheClosestPair() {
        // Greedy nearest-first would take A-X (3.9) and leave B alone; A-Y + B-X match both.
        List<MaskObject> truth = List.of(at(0, 0), at(0, 8));
        List<MaskObject> predicted = List.of(at(0, 3.9), at(0, -4.5));
        List<ObjectMatch> matches = FIVE_PX.match(truth, predicted);
        assertEquals(2, matches.size());
        assertEquals(new ObjectMatch(0, 1, 4.5), matches.get(0));
        assertEquals(0, matches.get(1).predictedIndex());
        assertEquals(4.1, matches.get(1).distancePx(), 1e-12);
    }

    @Test
    void theRadiusIsInclusive() {
        assertEquals(1, FIVE_PX.match(List.of(at(0, 0)), List.of(at(3, 4))).size());
        assertEquals(0, FIVE_PX.match(List.of(at(0, 0)), List.of(at(3, 4.001))).size());
        assertEquals(
                1, new ObjectMatching(6).match(List.of(at(0, 0)), List.of(at(3, 4.001))).size());
    }

    @Test
    void emptySidesMatchNothing() {
        assertEquals(List.of(), FIVE_PX.match(List.of(), List.of(at(1, 1))));
        assertEquals(List.of(), FIVE_PX.match(List.of(at(1, 1)), List.of()));
    }

    @Test
    void randomScenesMatchAsManyAndAsCloseAsBruteForce() {
        Random random = new Random(17);
        for (int trial = 0; trial < 400; trial++) {
            List<MaskObject> truth = randomObjects(random, random.nextInt(7));
            List<MaskObject> predicted = randomObjects(random, random.nextInt(7));
            List<ObjectMatch> matches = FIVE_PX.match(truth, predicted);
            boolean[] usedT = new boolean[truth.size()];
            boolean[] usedP = new boolean[predicted.size()];
            double total = 0;
            for (ObjectMatch m : matches) {
                assertTrue(!usedT[m.truthIndex()] && !usedP[m.predictedIndex()], "one to one");
                usedT[m.truthIndex()] = true;
                usedP[m.predictedIndex()] = true;
                assertTrue(m.distancePx() <= 5);
                assertEquals(
                        truth.get(m.truthIndex())
                                .centroidDistancePx(predicted.get(m.predictedIndex())),
                        m.distancePx(),
                        1e-12);
                total += m.distancePx();
            }
            double[] best = bruteForce(truth, predicted, 0, new boolean[predicted.size()]);
            assertEquals((int) best[0], matches.size(), "pairs, trial " + trial);
            assertEquals(best[1], total, 1e-9, "distance, trial " + trial);
        }
    }

    @Test
    void badRadiiAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ObjectMatching(0));
        assertThrows(IllegalArgumentException.class, () -> new ObjectMatching(Double.NaN));
    }

    private static List<MaskObject> randomObjects(Random random, int n) {
        List<MaskObject> objects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            objects.add(at(random.nextDouble() * 16, random.nextDouble() * 16));
        }
        return objects;
    }

    /** {most pairs within 5 px, least total distance among those}, by enumeration. */
    private static double[] bruteForce(
            List<MaskObject> truth, List<MaskObject> predicted, int t, boolean[] used) {
        if (t == truth.size()) {
            return new double[] {0, 0};
        }
        double[] best = bruteForce(truth, predicted, t + 1, used);
        for (int p = 0; p < predicted.size(); p++) {
            double d = truth.get(t).centroidDistancePx(predicted.get(p));
            if (!used[p] && d <= 5) {
                used[p] = true;
                double[] rest = bruteForce(truth, predicted, t + 1, used);
                used[p] = false;
                double pairs = rest[0] + 1;
                double distance = rest[1] + d;
                if (pairs > best[0] || (pairs == best[0] && distance < best[1])) {
                    best = new double[] {pairs, distance};
                }
            }
        }
        return best;
    }
}
