package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 8-connected labelling and the shape of the labelled objects, on hand-drawn masks. */
class ConnectedComponentsTest {
    private static final double PX = 10;
    private static final double EPS = 1e-9;

    private static Components label(String... rows) {
        return ConnectedComponents.label(TestMasks.draw(rows), rows[0].length(), rows.length, PX);
    }

    @Test
    void diagonalsJoinAndLabelsFollowTheFirstPixel() {
        Components c = label("X..X", ".X..", "..X.", "X...");
        assertEquals(3, c.count());
        assertArrayEquals(
                new int[] {1, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1, 0, 3, 0, 0, 0}, c.labelImage());
        MaskObject chain = c.objects().get(0);
        assertEquals(3, chain.pixelCount());
        assertEquals(1.0, chain.centroidRow(), EPS);
        assertEquals(1.0, chain.centroidCol(), EPS);
        assertEquals(new PixelWindow(0, 0, 3, 3), chain.bounds());
        assertEquals(300.0, chain.areaM2(), EPS);
    }

    @Test
    void branchesMeetingLowerDownAreOneObject() {
        // Both arms start as separate runs; the bottom row (and a diagonal) join them.
        assertEquals(1, label("X.X", "X.X", "XXX").count());
        assertEquals(1, label("X...X", ".X.X.", "..X..").count());
        assertEquals(1, label("X.X.X.X", "XX..XX.", ".XXXX..").count());
        assertEquals(2, label("X.X", "X.X", "X.X").count());
    }

    @Test
    void anEmptyMaskHasNoObjectsAndAFullOneHasOne() {
        assertEquals(0, label("...", "...").count());
        Components full = label("XXX", "XXX");
        assertEquals(1, full.count());
        assertEquals(6, full.objects().get(0).pixelCount());
        assertEquals(0.5, full.objects().get(0).centroidRow(), EPS);
        assertEquals(1.0, full.objects().get(0).centroidCol(), EPS);
    }

    @Test
    void ignoredPixelsAreBackgroundAndSplitObjects() {
        byte[] mask = TestMasks.draw("XXXXX");
        boolean[] ignore = {false, false, true, false, false};
        Components c = ConnectedComponents.label(mask, ignore, 5, 1, PX);
        assertEquals(2, c.count());
        assertArrayEquals(new int[] {1, 1, 0, 2, 2}, c.labelImage());
    }

    @Test
    void onePixelMeasuresOnePixelSizeEachWay() {
        MaskObject o = label("...", ".X.", "...").objects().get(0);
        assertEquals(PX, o.lengthM(), EPS);
        assertEquals(PX, o.widthM(), EPS);
        assertEquals(0.0, o.headingDeg(), EPS, "no axis, heading 0 by definition");
        assertEquals(1.0, o.centroidRow(), EPS);
        assertEquals(1.0, o.centroidCol(), EPS);
        assertEquals(PX * PX, o.areaM2(), EPS);
    }

    @Test
    void straightLinesMeasureTheirPixelCount() {
        MaskObject eastWest = label("XXXXXXXXXX").objects().get(0);
        assertEquals(10 * PX, eastWest.lengthM(), 1e-9);
        assertEquals(PX, eastWest.widthM(), 1e-9);
        assertEquals(90.0, eastWest.headingDeg(), 1e-9);

        byte[] column = new byte[10];
        Arrays.fill(column, (byte) 1);
        MaskObject northSouth = ConnectedComponents.label(column, 1, 10, PX).objects().get(0);
        assertEquals(10 * PX, northSouth.lengthM(), 1e-9);
        assertEquals(PX, northSouth.widthM(), 1e-9);
        assertEquals(0.0, northSouth.headingDeg(), 1e-9);
    }

    @Test
    void aRectangleMeasuresItsSides() {
        MaskObject o = label("XXXXX", "XXXXX", "XXXXX").objects().get(0);
        assertEquals(50.0, o.lengthM(), 1e-9);
        assertEquals(30.0, o.widthM(), 1e-9);
        assertEquals(90.0, o.headingDeg(), 1e-9);
    }

    @ParameterizedTest
    @CsvSource({"false,135", "true,45"})
    void diagonalLinesPointNorthwestOrNortheast(boolean antiDiagonal, double heading) {
        int n = 10;
        byte[] mask = new byte[n * n];
        for (int i = 0; i < n; i++) {
            mask[i * n + (antiDiagonal ? n - 1 - i : i)] = 1;
        }
        MaskObject o = ConnectedComponents.label(mask, n, n, PX).objects().get(0);
        // The centres lie on a segment of (n - 1)√2 pixels; grown by one pixel each way.
        assertEquals(((n - 1) * Math.sqrt(2) + 1) * PX, o.lengthM(), 1e-9);
        assertEquals(PX, o.widthM(), 1e-9);
        assertEquals(heading, o.headingDeg(), 1e-9);
        assertEquals(4.5, o.centroidRow(), EPS);
    }

    @ParameterizedTest
    @CsvSource({
        "30, 0.31, 0.72",
        "30, 0.05, 0.5",
        "30, 0.9, 0.13",
        "120, 0.4, 0.6",
        "75, 0.2, 0.8"
    })
    void aRasterisedRotatedRectangleMeasuresItsSidesWithinAPixel(
            double headingDeg, double offsetCol, double offsetRow) {
        // A 20 x 4 pixel hull whose long side points headingDeg clockwise from north (up).
        int n = 40;
        double angle = Math.toRadians(headingDeg);
        double alongCol = Math.sin(angle);
        double alongRow = -Math.cos(angle);
        byte[] mask = new byte[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double dc = c + 0.5 - (n / 2.0 + offsetCol);
                double dr = r + 0.5 - (n / 2.0 + offsetRow);
                double along = dc * alongCol + dr * alongRow;
                double across = -dc * alongRow + dr * alongCol;
                if (Math.abs(along) <= 10 && Math.abs(across) <= 2) {
                    mask[r * n + c] = 1;
                }
            }
        }
        Components c = ConnectedComponents.label(mask, n, n, PX);
        assertEquals(1, c.count());
        MaskObject o = c.objects().get(0);
        assertEquals(200, o.lengthM(), PX);
        assertEquals(40, o.widthM(), PX);
        assertEquals(headingDeg, o.headingDeg(), 2);
    }

    @Test
    void objectsFarFromTheOriginKeepTheirPrecision() {
        int width = 20000;
        byte[] mask = new byte[width * 2];
        mask[19990] = 1;
        mask[width + 19991] = 1;
        MaskObject o = ConnectedComponents.label(mask, width, 2, PX).objects().get(0);
        assertEquals(19990.5, o.centroidCol(), 0);
        assertEquals(0.5, o.centroidRow(), 0);
        assertEquals((Math.sqrt(2) + 1) * PX, o.lengthM(), 1e-9);
        assertEquals(PX, o.widthM(), 1e-9);
        assertEquals(135.0, o.headingDeg(), 1e-9);
    }

    @Test
    void randomMasksAgreeWithAFloodFill() {
        Random random = new Random(7);
        for (int trial = 0; trial < 50; trial++) {
            int w = 1 + random.nextInt(30);
            int h = 1 + random.nextInt(30);
            double density = random.nextDouble();
            byte[] mask = new byte[w * h];
            for (int i = 0; i < mask.length; i++) {
                mask[i] = (byte) (random.nextDouble() < density ? 1 : 0);
            }
            Components c = ConnectedComponents.label(mask, w, h, PX);
            int[] expected = floodFill(mask, w, h);
            assertArrayEquals(expected, c.labelImage(), "trial " + trial);
            for (MaskObject o : c.objects()) {
                int count = 0;
                double sumR = 0;
                double sumC = 0;
                for (int i = 0; i < expected.length; i++) {
                    if (expected[i] == o.label()) {
                        count++;
                        sumR += i / w;
                        sumC += i % w;
                    }
                }
                assertEquals(count, o.pixelCount());
                assertEquals(sumR / count, o.centroidRow(), 1e-9);
                assertEquals(sumC / count, o.centroidCol(), 1e-9);
            }
        }
    }

    @Test
    void badSizesAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> ConnectedComponents.label(new byte[5], 2, 2, PX));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConnectedComponents.label(new byte[4], new boolean[3], 2, 2, PX));
        assertThrows(
                IllegalArgumentException.class,
                () -> ConnectedComponents.label(new byte[4], 2, 2, 0));
    }

    @Test
    void runsCoverEachObjectPixelOnce() {
        Components c = label("XX.X", "X..X");
        int[] pixels = new int[c.count() + 1];
        c.forEachRun((lbl, row, start, end) -> pixels[lbl] += end - start);
        assertEquals(List.of(3, 2), List.of(pixels[1], pixels[2]));
    }

    /** Reference labelling: explicit-stack flood fill, labels in raster order of first pixel. */
    private static int[] floodFill(byte[] mask, int w, int h) {
        int[] labels = new int[mask.length];
        int next = 0;
        Deque<Integer> stack = new ArrayDeque<>();
        for (int start = 0; start < mask.length; start++) {
            if (mask[start] == 0 || labels[start] != 0) {
                continue;
            }
            labels[start] = ++next;
            stack.push(start);
            while (!stack.isEmpty()) {
                int p = stack.pop();
                int r = p / w;
                int col = p % w;
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = col + dc;
                        if (rr >= 0 && rr < h && cc >= 0 && cc < w) {
                            int q = rr * w + cc;
                            if (mask[q] != 0 && labels[q] == 0) {
                                labels[q] = next;
                                stack.push(q);
                            }
                        }
                    }
                }
            }
        }
        return labels;
    }
}
