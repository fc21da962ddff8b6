package dev.s2v.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The assignment against brute force on small random matrices. */
class HungarianTest {

    @Test
    void aClassicThreeByThree() {
        double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
        // Row 0 -> 1, row 1 -> 0, row 2 -> 2: 1 + 2 + 2 = 5, the minimum.
        assertArrayEquals(new int[] {1, 0, 2}, Hungarian.assign(cost));
    }

    @Test
    void moreRowsThanColumnsLeavesTheDearestRowOut() {
        double[][] cost = {{1}, {0.5}, {3}};
        assertArrayEquals(new int[] {-1, 0, -1}, Hungarian.assign(cost));
        assertArrayEquals(new int[] {}, Hungarian.assign(new double[0][0]));
        assertArrayEquals(new int[] {-1, -1}, Hungarian.assign(new double[2][0]));
    }

    @Test
    void randomMatricesReachTheBruteForceMinimum() {
        Random random = new Random(1);
        for (int trial = 0; trial < 500; trial++) {
            int rows = 1 + random.nextInt(6);
            int cols = 1 + random.nextInt(6);
            double[][] cost = new double[rows][cols];
            for (double[] row : cost) {
                for (int c = 0; c < cols; c++) {
                    // Small integers make ties common, where bugs hide.
                    row[c] = random.nextInt(5);
                }
            }
            int[] assignment = Hungarian.assign(cost);
            boolean[] used = new boolean[cols];
            double total = 0;
            int assigned = 0;
            for (int r = 0; r < rows; r++) {
                if (assignment[r] >= 0) {
                    assertEquals(false, used[assignment[r]], "column used twice");
                    used[assignment[r]] = true;
                    total += cost[r][assignment[r]];
                    assigned++;
                }
            }
            assertEquals(Math.min(rows, cols), assigned);
            assertEquals(bruteForce(cost, 0, new boolean[cols]), total, 1e-9, "trial " + trial);
        }
    }

    @Test
    void nonFiniteCostsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Hungarian.assign(new double[][] {{1, Double.NaN}}));
        assertThrows(
                IllegalArgumentException.class,
                () -> Hungarian.assign(new double[][] {{1, 2}, {3}}));
    }

    /** The cheapest way to give min(rows, cols) rows distinct columns. */
    private static double bruteForce(double[][] cost, int row, boolean[] used) {
        int rows = cost.length;
        int cols = cost[0].length;
        if (row == rows) {
            return 0;
        }
        double best = Double.POSITIVE_INFINITY;
        int free = 0;
        for (boolean u : used) {
            free += u ? 0 : 1;
        }
        // A row may stay out only while enough rows remain to fill the columns.
        if (rows - row - 1 >= free) {
            best = bruteForce(cost, row + 1, used);
        }
        for (int c = 0; c < cols; c++) {
            if (!used[c]) {
                used[c] = true;
                best = Math.min(best, cost[row][c] + bruteForce(cost, row + 1, used));
                used[c] = false;
            }
        }
        return best;
    }
}
