package dev.s2v.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Windows, cores and spans of the one window grid. */
class WindowGridTest {

    @ParameterizedTest
    @CsvSource({
        "100, 100, 64, 0",
        "130, 70, 64, 0",
        "301, 257, 64, 16",
        "1000, 37, 128, 32",
        "5, 5, 64, 32",
        "97, 203, 64, 33"
    })
    void everyPixelIsInTheCoreOfExactlyOneWindowInsideThatWindow(
            int width, int height, int window, int overlap) {
        WindowGrid grid = new WindowGrid(width, height, window, overlap);
        int[] covered = new int[width * height];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                PixelWindow w = grid.window(r, c);
                PixelWindow core = grid.core(r, c);
                assertEquals(window, w.width());
                assertTrue(core.isInside(width, height), core.toString());
                assertTrue(core.col() >= w.col() + grid.marginPx());
                assertTrue(core.row() >= w.row() + grid.marginPx());
                assertTrue(core.endCol() <= w.endCol() - (overlap - grid.marginPx()));
                assertTrue(core.endRow() <= w.endRow() - (overlap - grid.marginPx()));
                for (int y = core.row(); y < core.endRow(); y++) {
                    for (int x = core.col(); x < core.endCol(); x++) {
                        covered[y * width + x]++;
                    }
                }
                PixelWindow span = grid.span(r, 1);
                assertTrue(span.col() <= w.col() && span.endCol() >= w.endCol());
                assertEquals(w.row(), span.row());
                assertEquals(w.height(), span.height());
            }
            PixelWindow coreRow = grid.coreRow(r);
            assertEquals(grid.core(r, 0).row(), coreRow.row());
            assertEquals(width, coreRow.width());
        }
        for (int i = 0; i < covered.length; i++) {
            assertEquals(1, covered[i], "pixel " + i);
        }
    }

    @ParameterizedTest
    @CsvSource({"130, 70, 64", "64, 64, 64", "65, 1, 16"})
    void withoutOverlapTheWindowsAreTheTilesOfADataset(int width, int height, int tile) {
        WindowGrid grid = WindowGrid.tiles(width, height, tile);
        assertEquals((width + tile - 1) / tile, grid.columns());
        assertEquals((height + tile - 1) / tile, grid.rows());
        assertEquals(
                new PixelWindow((grid.columns() - 1) * tile, 0, tile, tile),
                grid.window(0, grid.columns() - 1));
        assertEquals(
                new PixelWindow(0, 0, grid.columns() * tile, grid.rows() * tile),
                grid.span(0, grid.rows()));
    }

    @ParameterizedTest
    @CsvSource({"0, 10, 64, 0", "10, 10, 0, 0", "10, 10, 64, 64", "10, 10, 64, -1"})
    void badSizesAreRefused(int width, int height, int window, int overlap) {
        assertThrows(
                IllegalArgumentException.class,
                () -> new WindowGrid(width, height, window, overlap));
    }

    @ParameterizedTest
    @CsvSource({"-1, 0", "0, 2", "2, 0"})
    void windowsOutsideTheGridAreRefused(int row, int col) {
        WindowGrid grid = new WindowGrid(100, 100, 64, 0);
        assertThrows(IndexOutOfBoundsException.class, () -> grid.window(row, col));
    }
}
