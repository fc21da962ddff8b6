package dev.s2v.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Exact pixel coverage on the 10 m grid (pixel (c, r) spans x 10c..10c+10, y 10r..10r+10). */
class ConvexPolygonTest {
    private final double[][] scratch = ConvexPolygon.scratch();

    private static ConvexPolygon box(double x0, double x1, double y0, double y1) {
        return new ConvexPolygon(new double[] {x0, x1, x1, x0}, new double[] {y0, y0, y1, y1});
    }

    @Test
    void aSquareShiftedHalfAPixelCoversHalvesOfTwoPixels() {
        ConvexPolygon square = box(15, 25, 10, 20);
        assertEquals(0.5, square.coverage(1, 1, scratch), 1e-12);
        assertEquals(0.5, square.coverage(2, 1, scratch), 1e-12);
        assertEquals(0, square.coverage(3, 1, scratch));
        assertEquals(0, square.coverage(1, 0, scratch));
    }

    @Test
    void aTriangleOverAPixelDiagonalCoversHalfOfIt() {
        // Corners (0,0), (10,0), (0,10): half of pixel (0,0), in either vertex order.
        ConvexPolygon triangle =
                new ConvexPolygon(new double[] {0, 10, 0}, new double[] {0, 0, 10});
        ConvexPolygon reversed =
                new ConvexPolygon(new double[] {0, 0, 10}, new double[] {0, 10, 0});
        assertEquals(0.5, triangle.coverage(0, 0, scratch), 1e-12);
        assertEquals(0.5, reversed.coverage(0, 0, scratch), 1e-12);
    }

    @Test
    void aBoatNarrowerThanAPixelCoversItsAreaShare() {
        // 8 m x 3 m inside pixel (4, 2): 24 m2 of 100 m2.
        ConvexPolygon boat = box(41, 49, 23, 26);
        assertEquals(0.24, boat.coverage(4, 2, scratch), 1e-12);
        assertEquals(24, boat.area(), 1e-12);
    }

    @Test
    void coverageOfARotatedShipSumsToItsArea() {
        ConvexPolygon ship = new Frame(503, 497, 33).box(-60, 60, -9, 9);
        double sum = 0;
        for (int r = 40; r < 60; r++) {
            for (int c = 40; c < 60; c++) {
                sum += ship.coverage(c, r, scratch);
            }
        }
        assertEquals(120 * 18 / 100.0, sum, 1e-9);
    }

    @Test
    void nearMeasuresTheGapOnSeparatingAxes() {
        ConvexPolygon a = box(0, 10, 0, 10);
        ConvexPolygon b = box(25, 35, 0, 10);
        assertTrue(a.near(b, 16), "15 m apart is nearer than 16 m");
        assertFalse(a.near(b, 14), "15 m apart keeps a 14 m gap");
        assertTrue(a.contains(5, 5));
        assertFalse(a.contains(11, 5));
    }

    @Test
    void clipToBoxKeepsThePartInside() {
        // The unit diamond clipped to u >= 0: the right half, a triangle.
        double[] clipped =
                ConvexPolygon.clipToBox(
                        new double[] {1, 0, -1, 0}, new double[] {0, 1, 0, -1}, 0, 5, -5, 5);
        assertArrayEquals(new double[] {1, 0, 0, 1, 0, -1}, clipped, 1e-12);
    }
}
