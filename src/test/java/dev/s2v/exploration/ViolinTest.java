package dev.s2v.exploration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ViolinTest {
    private static final SortedSample SKEWED =
            SortedSample.of(0.1, 0.12, 0.13, 0.15, 0.2, 0.35, 0.6);
    private static final KernelDensity DENSITY = KernelDensity.fit(SKEWED, 0.04);

    @Test
    void isSymmetricAboutItsCentreAndClosed() {
        Violin v = Violin.of(SKEWED, DENSITY, 3.0, 0.4, 0, 1, 101);
        double[] x = v.outlineX();
        double[] y = v.outlineY();
        int points = (x.length - 1) / 2;
        assertEquals(101, points);
        for (int i = 0; i < points; i++) {
            int mirror = 2 * points - 1 - i;
            assertEquals(y[i], y[mirror], 0);
            assertEquals(x[i] - 3.0, 3.0 - x[mirror], 1e-12);
            assertTrue(x[i] >= 3.0);
        }
        assertEquals(x[0], x[x.length - 1]);
        assertEquals(y[0], y[y.length - 1]);
    }

    @Test
    void isWidestAtTheDensestHeightAndMarksTheQuartiles() {
        Violin v = Violin.of(SKEWED, DENSITY, 1.0, 0.4, 0, 1, 201);
        double widest = 0;
        for (double x : v.outlineX()) {
            widest = Math.max(widest, x - 1.0);
        }
        assertEquals(0.4, widest, 1e-12);
        assertEquals(0.15, v.median().y(), 1e-12);
        assertEquals(0.125, v.lowerQuartile().y(), 1e-12);
        assertEquals(0.275, v.upperQuartile().y(), 1e-12);
        assertTrue(v.median().halfWidth() > v.upperQuartile().halfWidth());
        assertTrue(v.median().halfWidth() <= 0.4);
    }

    @Test
    void staysWithinItsLimitsAndTheDensity() {
        Violin v = Violin.of(SKEWED, DENSITY, 1.0, 0.4, 0.11, 0.3, 50);
        for (double y : v.outlineY()) {
            assertTrue(y >= 0.11 && y <= 0.3, "y " + y);
        }
        Violin wide = Violin.of(SKEWED, DENSITY, 1.0, 0.4, -5, 5, 50);
        assertEquals(DENSITY.lower(), wide.outlineY()[0], 1e-12);
        assertThrows(
                IllegalArgumentException.class, () -> Violin.of(SKEWED, DENSITY, 1, 0.4, 3, 4, 50));
    }
}
