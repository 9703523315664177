package org.sanctuary.reporting.protection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallCellsTest {

    record Case(long[][] counts, int threshold) {
        @Override
        public String toString() {
            return java.util.Arrays.deepToString(counts) + " threshold " + threshold;
        }
    }

    /**
     * 600 random tables (1-6 rows and columns, counts 0-40 with many small ones, thresholds 3, 5, 10),
     * from a fixed seed so a failure names a reproducible case.
     */
    static Stream<Case> tables() {
        Random random = new Random(20261126);
        return IntStream.range(0, 600).mapToObj(n -> {
            int r = 1 + random.nextInt(6);
            int c = 1 + random.nextInt(6);
            long[][] counts = new long[r][c];
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    counts[i][j] = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextInt(41);
                }
            }
            return new Case(counts, new int[]{3, 5, 10}[random.nextInt(3)]);
        });
    }

    /**
     * Whatever the table, no suppressed count can be worked out from the published ones: in the linear
     * system the published totals impose, no hidden member's unit vector lies in the constraints' row
     * space. Every count under the threshold is hidden, and nothing hidden is shown as a number.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void suppressionCannotBeUndoneFromTotals(Case table) {
        int r = table.counts().length;
        int c = table.counts()[0].length;
        SmallCells.Table t = SmallCells.protect(names("r", r), names("c", c), table.counts(), table.threshold(), 1);
        int n = r * c + r + c + 1;
        boolean[] hidden = new boolean[n];
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                SmallCells.Cell cell = t.cells().get(i).get(j);
                hidden[i * c + j] = cell.suppressed();
                long v = table.counts()[i][j];
                if (v > 0 && v < table.threshold()) {
                    assertTrue(cell.suppressed(), "primary " + table);
                }
                if (cell.suppressed()) {
                    assertNull(cell.value());
                } else {
                    assertEquals(v, cell.value());
                }
            }
        }
        for (int i = 0; i < r; i++) {
            hidden[r * c + i] = t.rowTotals().get(i).suppressed();
        }
        for (int j = 0; j < c; j++) {
            hidden[r * c + r + j] = t.columnTotals().get(j).suppressed();
        }
        hidden[n - 1] = t.grandTotal().suppressed();
        // the constraint matrix over the hidden members only: one row per additive line
        List<Integer> unknowns = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (hidden[k]) {
                unknowns.add(k);
            }
        }
        List<double[]> equations = new ArrayList<>();
        for (int[] line : SmallCells.lines(r, c)) {
            double[] row = new double[unknowns.size()];
            boolean any = false;
            for (int m = 0; m < line.length; m++) {
                int index = unknowns.indexOf(line[m]);
                if (index >= 0) {
                    row[index] = m == line.length - 1 ? -1 : 1;
                    any = true;
                }
            }
            if (any) {
                equations.add(row);
            }
        }
        int rank = rank(equations);
        for (int u = 0; u < unknowns.size(); u++) {
            List<double[]> extended = new ArrayList<>(equations);
            double[] unit = new double[unknowns.size()];
            unit[u] = 1;
            extended.add(unit);
            assertEquals(rank + 1, rank(extended), "member " + unknowns.get(u) + " is recoverable in " + table);
        }
    }

    @Test
    void aSingleSmallCellTakesAnotherWithItAndRoundingAppliesToWhatIsShown() {
        SmallCells.Table t = SmallCells.protect(List.of("2024-01", "2024-02"), List.of("REFUGEE_STATUS", "REJECT"),
                new long[][]{{2, 40}, {30, 50}}, 5, 5);
        assertTrue(t.cells().get(0).get(0).suppressed());
        long hiddenInRow = t.cells().get(0).stream().filter(SmallCells.Cell::suppressed).count();
        assertTrue(hiddenInRow >= 2 || t.rowTotals().get(0).suppressed());
        assertEquals(30L, t.cells().get(1).get(0).value() == null ? 30L : t.cells().get(1).get(0).value() % 5 == 0 ? 30L : -1L);
        assertNull(SmallCells.rate(t.cells().get(0).get(0), t.rowTotals().get(0)), "no percentage on a suppressed count");
        assertFalse(t.grandTotal().suppressed());
        assertEquals(120L, t.grandTotal().value()); // 122 rounded to the nearest 5
    }

    private static List<String> names(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(prefix + i);
        }
        return names;
    }

    /** Rank by Gaussian elimination (small integer matrices; exact enough in doubles). */
    private static int rank(List<double[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        double[][] m = rows.stream().map(double[]::clone).toArray(double[][]::new);
        int columns = m[0].length;
        int rank = 0;
        for (int col = 0; col < columns && rank < m.length; col++) {
            int pivot = -1;
            for (int i = rank; i < m.length; i++) {
                if (Math.abs(m[i][col]) > 1e-9) {
                    pivot = i;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            double[] swap = m[rank];
            m[rank] = m[pivot];
            m[pivot] = swap;
            for (int i = 0; i < m.length; i++) {
                if (i != rank && Math.abs(m[i][col]) > 1e-9) {
                    double factor = m[i][col] / m[rank][col];
                    for (int j = col; j < columns; j++) {
                        m[i][j] -= factor * m[rank][j];
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
