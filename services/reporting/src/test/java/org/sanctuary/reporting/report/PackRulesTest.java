package org.sanctuary.reporting.report;

import org.junit.jupiter.api.Test;
import org.sanctuary.contracts.pack.PackSections;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The platform's small-cell floor and whole reporting periods (issue 11, item 11), as pure functions. */
class PackRulesTest {

    private static PackSections pack(int threshold) {
        return new PackSections(null, null, new PackSections.ReportingRules(threshold, 1), null, null);
    }

    @Test
    void noPackLowersTheThresholdUnderTheFloor() {
        assertEquals(5, PackRules.rulesOf(pack(1)).threshold());
        assertEquals(5, PackRules.rulesOf(pack(3)).threshold());
        assertEquals(5, PackRules.rulesOf(pack(5)).threshold());
        assertEquals(10, PackRules.rulesOf(pack(10)).threshold(), "a pack may raise it");
        assertEquals(5, PackRules.rulesOf(null).threshold(), "no pack in force: the floor");
    }

    @Test
    void periodsAreWholeMonthsQuartersOrYears() {
        Reports.check(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 28), Reports.Period.month);
        Reports.check(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29), Reports.Period.month);
        Reports.check(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 9, 30), Reports.Period.quarter);
        Reports.check(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), Reports.Period.year);
        assertThrows(RuntimeException.class, () -> Reports.check(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 31), Reports.Period.month));
        assertThrows(RuntimeException.class, () -> Reports.check(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 30), Reports.Period.month));
        assertThrows(RuntimeException.class, () -> Reports.check(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30), Reports.Period.quarter));
        assertThrows(RuntimeException.class, () -> Reports.check(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 31), Reports.Period.quarter));
        assertThrows(RuntimeException.class, () -> Reports.check(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30), Reports.Period.year));
        assertEquals(LocalDate.of(2026, 7, 1), Reports.start(LocalDate.of(2026, 9, 30), Reports.Period.quarter));
    }
}
