package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Objects found strip by strip are the objects of the whole mask. */
class ComponentTrackerTest {
    private static final double PX = 10;

    /** Feeds a mask in strips of the given heights and returns the objects in raster order. */
    private static List<TrackedObject> inStrips(
            byte[] mask, float[] values, int width, int... stripRows) {
        List<TrackedObject> found = new ArrayList<>();
        ComponentTracker tracker = new ComponentTracker(width, found::add);
        int row = 0;
        for (int rows : stripRows) {
            int from = row * width;
            int to = (row + rows) * width;
            tracker.addRows(
                    Arrays.copyOfRange(mask, from, to),
                    null,
                    values == null ? null : Arrays.copyOfRange(values, from, to),
                    rows);
            row += rows;
        }
        tracker.finish();
        found.sort(ConnectedComponents.RASTER_ORDER);
        return found;
    }

    @Test
    void armsThatMeetInALaterStripAreOneObject() {
        byte[] mask = TestMasks.draw("X...X", "X...X", "X...X", ".X.X.", "..X..", ".....");
        List<TrackedObject> found = inStrips(mask, null, 5, 2, 1, 1, 2);
        assertEquals(1, found.size());
        assertEquals(9, found.get(0).pixelCount());
        assertEquals(0, found.get(0).firstRow());
        assertEquals(0, found.get(0).firstCol());
    }

    @Test
    void anObjectIsHandedOverOnceNoLaterRowCanTouchIt() {
        List<TrackedObject> found = new ArrayList<>();
        ComponentTracker tracker = new ComponentTracker(3, found::add);
        tracker.addRows(TestMasks.draw("XX.", "..."), null, null, 2);
        assertEquals(1, found.size(), "closed by the empty row");
        tracker.addRows(TestMasks.draw("..X"), null, null, 1);
        assertEquals(1, found.size(), "still open: the next row may continue it");
        tracker.finish();
        assertEquals(2, found.size());
        assertThrows(
                IllegalStateException.class, () -> tracker.addRows(new byte[3], null, null, 1));
    }

    @Test
    void valuesAreAveragedAndMaximisedOverEachObject() {
        byte[] mask = TestMasks.draw("XX..", "...X", "...X");
        float[] values = {0.6f, 0.8f, 0.1f, 0.2f, 0.3f, 0.2f, 0.4f, 0.9f, 0.5f, 0.5f, 0.5f, 0.7f};
        List<TrackedObject> found = inStrips(mask, values, 4, 1, 2);
        assertEquals(2, found.size());
        assertEquals(0.7, found.get(0).meanValue(), 1e-6);
        assertEquals(0.8f, found.get(0).maxValue());
        assertEquals(0.8, found.get(1).meanValue(), 1e-6);
        assertEquals(0.9f, found.get(1).maxValue());
        assertTrue(Double.isNaN(inStrips(mask, null, 4, 3).get(0).meanValue()));
    }

    @Test
    void ignoredPixelsSplitObjectsAcrossRows() {
        List<TrackedObject> found = new ArrayList<>();
        ComponentTracker tracker = new ComponentTracker(2, found::add);
        boolean[] ignore = {false, false, true, true, false, false};
        tracker.addRows(TestMasks.draw("XX", "XX", "XX"), ignore, null, 3);
        tracker.finish();
        assertEquals(2, found.size());
    }

    @Test
    void randomMasksGiveTheSameObjectsWhateverTheStrips() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 60; trial++) {
            int w = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(40);
            double density = random.nextDouble();
            byte[] mask = new byte[w * h];
            float[] values = new float[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (random.nextDouble() < density ? 1 : 0);
                values[i] = (float) random.nextDouble();
            }
            List<Integer> strips = new ArrayList<>();
            for (int left = h; left > 0; ) {
                int rows = Math.min(left, 1 + random.nextInt(7));
                strips.add(rows);
                left -= rows;
            }
            List<TrackedObject> split =
                    inStrips(
                            mask, values, w, strips.stream().mapToInt(Integer::intValue).toArray());
            Components whole = ConnectedComponents.label(mask, w, h, PX);
            int[] labels = whole.labelImage();
            assertEquals(whole.count(), split.size(), "trial " + trial);
            for (int o = 0; o < split.size(); o++) {
                TrackedObject t = split.get(o);
                assertEquals(whole.objects().get(o), t.measure(o + 1, PX), "trial " + trial);
                double sum = 0;
                float max = 0;
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == o + 1) {
                        sum += values[i];
                        max = Math.max(max, values[i]);
                    }
                }
                assertEquals(sum / t.pixelCount(), t.meanValue(), 1e-6, "trial " + trial);
                assertEquals(max, t.maxValue(), "trial " + trial);
            }
        }
    }
}
