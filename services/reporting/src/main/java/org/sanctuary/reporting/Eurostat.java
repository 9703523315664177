package org.sanctuary.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Eurostat's decision categories ({@code migr_asydec}) in their published order, and which of
 * Sanctuary's outcomes fall in each (docs/reporting.md). The one place the mapping is written.
 */
public final class Eurostat {

    public static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("GENCONV", List.of("REFUGEE_STATUS"));
        CATEGORIES.put("SUB_PROT", List.of("SUBSIDIARY_PROTECTION"));
        CATEGORIES.put("HUMSTAT", List.of("NATIONAL_HUMANITARIAN", "NON_REFOULEMENT_ONLY"));
        CATEGORIES.put("TEMP_PROT", List.of("TEMPORARY_PROTECTION"));
        CATEGORIES.put("REJECTED", List.of("REJECT", "EXCLUDED"));
    }

    private Eurostat() {
    }

    /** The category an outcome is reported in; anything unknown counts as rejected. */
    public static String category(String outcome) {
        return CATEGORIES.entrySet().stream().filter(e -> e.getValue().contains(outcome)).map(Map.Entry::getKey)
                .findFirst().orElse("REJECTED");
    }
}
