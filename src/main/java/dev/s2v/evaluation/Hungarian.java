package dev.s2v.evaluation;

import java.util.Arrays;

/**
 * Minimum-cost assignment of rows to columns: the Hungarian (Kuhn-Munkres) method with row and
 * column potentials and shortest augmenting paths, O(r² c) for r rows and c columns, r <= c.
 */
public final class Hungarian {
    private Hungarian() {}

    /**
     * The assignment that minimises the summed cost, one column per row and one row per column.
     * With more rows than columns, every column is used and the rows left over get -1.
     *
     * @param cost rectangular matrix of finite costs, {@code cost[row][col]}
     * @return the column of each row, or -1
     * @throws IllegalArgumentException when the matrix is ragged or holds a non-finite cost
     */
    public static int[] assign(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        for (double[] row : cost) {
            if (row.length != cols) {
                throw new IllegalArgumentException(
                        "cost matrix rows must have the same length, got "
                                + row.length
                                + " and "
                                + cols);
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("costs must be finite, got " + c);
                }
            }
        }
        if (rows == 0 || cols == 0) {
            int[] none = new int[rows];
            Arrays.fill(none, -1);
            return none;
        }
        if (rows <= cols) {
            return solve(cost, rows, cols);
        }
        double[][] transposed = new double[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c][r] = cost[r][c];
            }
        }
        int[] rowOfCol = solve(transposed, cols, rows);
        int[] colOfRow = new int[rows];
        Arrays.fill(colOfRow, -1);
        for (int c = 0; c < cols; c++) {
            colOfRow[rowOfCol[c]] = c;
        }
        return colOfRow;
    }

    /** The n <= m case; arrays are 1-based with index 0 as the virtual start column. */
    private static int[] solve(double[][] a, int n, int m) {
        double[] u = new double[n + 1];
        double[] v = new double[m + 1];
        int[] rowOfCol = new int[m + 1];
        int[] way = new int[m + 1];
        double[] minv = new double[m + 1];
        boolean[] used = new boolean[m + 1];
        for (int i = 1; i <= n; i++) {
            // Grow an alternating tree from row i until it reaches a free column (a shortest
            // augmenting path under the reduced costs), adjusting the potentials on the way.
            rowOfCol[0] = i;
            int j0 = 0;
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOfCol[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= m; j++) {
                    if (!used[j]) {
                        double reduced = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (reduced < minv[j]) {
                            minv[j] = reduced;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) {
                        u[rowOfCol[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOfCol[j0] != 0);
            do {
                int j1 = way[j0];
                rowOfCol[j0] = rowOfCol[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= m; j++) {
            if (rowOfCol[j] != 0) {
                colOfRow[rowOfCol[j] - 1] = j - 1;
            }
        }
        return colOfRow;
    }
}
