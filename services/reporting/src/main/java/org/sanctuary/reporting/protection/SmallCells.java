package org.sanctuary.reporting.protection;

import java.util.ArrayList;
import java.util.List;

/**
 * Small-cell protection of a two-way table of counts with row, column and grand totals:
 * <ol>
 *   <li>primary suppression — every count (cell or total) from 1 to {@code threshold - 1};</li>
 *   <li>secondary suppression — the table with its totals is a grid whose rows and columns each add
 *       up; a hidden count can be worked out from the published ones exactly when it is a bridge of the
 *       graph of hidden counts (rows and columns as vertices). Every bridge is closed into a cycle by
 *       hiding three more counts, the cheapest (smallest, cells before totals), until there is none;</li>
 *   <li>rounding — published counts to the nearest multiple of {@code rounding} (1: none).</li>
 * </ol>
 * Zeros stay published (a true zero reveals no one). Pure: no framework, no I/O.
 */
public final class SmallCells {

    /** A published count, or a suppressed one ({@code value} null; never shown as 0). */
    public record Cell(@jakarta.annotation.Nullable Long value, boolean suppressed) {
        static Cell of(long value, boolean suppressed, int rounding) {
            return suppressed ? new Cell(null, true) : new Cell(round(value, rounding), false);
        }
    }

    public record Table(List<String> rows, List<String> columns, List<List<Cell>> cells, List<Cell> rowTotals,
                        List<Cell> columnTotals, Cell grandTotal) {
    }

    private SmallCells() {
    }

    public static Table protect(List<String> rows, List<String> columns, long[][] counts, int threshold, int rounding) {
        int r = rows.size();
        int c = columns.size();
        // the extended grid: cells, then the row totals as column c, the column totals as row r, the grand total at (r, c);
        // each extended row and each extended column is an additive line (its members sum to its total)
        long[][] value = new long[r + 1][c + 1];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                value[i][j] = counts[i][j];
                value[i][c] += counts[i][j];
                value[r][j] += counts[i][j];
                value[r][c] += counts[i][j];
            }
        }
        boolean[][] hidden = new boolean[r + 1][c + 1];
        for (int i = 0; i <= r; i++) {
            for (int j = 0; j <= c; j++) {
                hidden[i][j] = value[i][j] > 0 && value[i][j] < threshold;
            }
        }
        // A hidden member is recoverable exactly when it is a bridge of the bipartite graph whose vertices are
        // the extended rows and columns and whose edges are the hidden members: close every bridge into a
        // four-cycle with the cheapest three published members, until none is left.
        int[] bridge;
        while ((bridge = bridge(hidden)) != null) {
            closeCycle(bridge[0], bridge[1], value, hidden);
        }
        List<List<Cell>> cells = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            List<Cell> row = new ArrayList<>();
            for (int j = 0; j < c; j++) {
                row.add(Cell.of(value[i][j], hidden[i][j], rounding));
            }
            cells.add(row);
        }
        List<Cell> rowTotals = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            rowTotals.add(Cell.of(value[i][c], hidden[i][c], rounding));
        }
        List<Cell> columnTotals = new ArrayList<>();
        for (int j = 0; j < c; j++) {
            columnTotals.add(Cell.of(value[r][j], hidden[r][j], rounding));
        }
        return new Table(rows, columns, cells, rowTotals, columnTotals, Cell.of(value[r][c], hidden[r][c], rounding));
    }

    /** Some hidden member whose removal disconnects its row from its column, or null. */
    static int[] bridge(boolean[][] hidden) {
        int rows = hidden.length;
        int columns = hidden[0].length;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (hidden[i][j] && !connectedWithout(hidden, i, j)) {
                    return new int[]{i, j};
                }
            }
        }
        return null;
    }

    /** Whether row {@code i} still reaches column {@code j} through hidden members other than (i, j). */
    private static boolean connectedWithout(boolean[][] hidden, int i, int j) {
        int rows = hidden.length;
        int columns = hidden[0].length;
        boolean[] seenRow = new boolean[rows];
        boolean[] seenColumn = new boolean[columns];
        java.util.ArrayDeque<int[]> queue = new java.util.ArrayDeque<>();
        seenRow[i] = true;
        queue.add(new int[]{0, i});
        while (!queue.isEmpty()) {
            int[] at = queue.poll();
            if (at[0] == 0) {
                for (int col = 0; col < columns; col++) {
                    if (hidden[at[1]][col] && !(at[1] == i && col == j) && !seenColumn[col]) {
                        if (col == j) {
                            return true;
                        }
                        seenColumn[col] = true;
                        queue.add(new int[]{1, col});
                    }
                }
            } else {
                for (int row = 0; row < rows; row++) {
                    if (hidden[row][at[1]] && !(row == i && at[1] == j) && !seenRow[row]) {
                        seenRow[row] = true;
                        queue.add(new int[]{0, row});
                    }
                }
            }
        }
        return false;
    }

    /** Hides (i, j'), (i', j) and (i', j') for the i', j' that hide the least (published, non-zero counts weigh what they count). */
    private static void closeCycle(int i, int j, long[][] value, boolean[][] hidden) {
        int bestRow = -1;
        int bestColumn = -1;
        long bestCost = Long.MAX_VALUE;
        for (int row = 0; row < value.length; row++) {
            for (int col = 0; col < value[0].length; col++) {
                if (row == i || col == j) {
                    continue;
                }
                long cost = cost(value, hidden, i, col) + cost(value, hidden, row, j) + cost(value, hidden, row, col);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestRow = row;
                    bestColumn = col;
                }
            }
        }
        hidden[i][bestColumn] = true;
        hidden[bestRow][j] = true;
        hidden[bestRow][bestColumn] = true;
    }

    /** What hiding a member costs: nothing if already hidden; else its count, totals dearest (they are what readers need). */
    private static long cost(long[][] value, boolean[][] hidden, int i, int j) {
        if (hidden[i][j]) {
            return 0;
        }
        boolean total = i == value.length - 1 || j == value[0].length - 1;
        return (total ? 1_000_000L : 0) + value[i][j] + 1;
    }

    /** The additive lines as member indexes of the flattened layout (cells, row totals, column totals, grand total). */
    static List<int[]> lines(int r, int c) {
        List<int[]> lines = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            int[] line = new int[c + 1];
            for (int j = 0; j < c; j++) {
                line[j] = i * c + j;
            }
            line[c] = r * c + i;
            lines.add(line);
        }
        for (int j = 0; j < c; j++) {
            int[] line = new int[r + 1];
            for (int i = 0; i < r; i++) {
                line[i] = i * c + j;
            }
            line[r] = r * c + r + j;
            lines.add(line);
        }
        int grand = r * c + r + c;
        int[] rowTotals = new int[r + 1];
        for (int i = 0; i < r; i++) {
            rowTotals[i] = r * c + i;
        }
        rowTotals[r] = grand;
        lines.add(rowTotals);
        int[] columnTotals = new int[c + 1];
        for (int j = 0; j < c; j++) {
            columnTotals[j] = r * c + r + j;
        }
        columnTotals[c] = grand;
        lines.add(columnTotals);
        return lines;
    }

    /** A rate built only on published counts; null when either is suppressed or the base is zero. */
    public static Double rate(Cell part, Cell whole) {
        if (part.suppressed() || whole.suppressed() || whole.value() == null || whole.value() == 0) {
            return null;
        }
        return (double) part.value() / whole.value();
    }

    /** To the nearest multiple of {@code base} (1: unchanged). */
    public static long round(long value, int base) {
        if (base <= 1) {
            return value;
        }
        return Math.round((double) value / base) * base;
    }
}
