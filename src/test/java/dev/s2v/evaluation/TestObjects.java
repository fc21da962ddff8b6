package dev.s2v.evaluation;

import dev.s2v.raster.MaskObject;
import dev.s2v.raster.PixelWindow;

/** Vessel objects for matching tests: only the centroid and the length matter there. */
final class TestObjects {
    private TestObjects() {}

    static MaskObject at(double row, double col) {
        return at(row, col, 10);
    }

    static MaskObject at(double row, double col, double lengthM) {
        return new MaskObject(
                1,
                1,
                100,
                row,
                col,
                new PixelWindow((int) Math.floor(col), (int) Math.floor(row), 1, 1),
                lengthM,
                10,
                0);
    }
}
