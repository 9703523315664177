package org.sanctuary.assessment.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reason of a finding as data: a stable code (a key of the {@code reasons} message catalogues) and
 * its arguments — rule ids, countries, COI dates, pack settings, numbers, the applicant's recorded
 * facts, or other reasons (a term, a risk head, a nested sentence). The text is rendered from the
 * catalogue in the reader's language ({@link Reasons}); stored assessments keep the codes, so a
 * decision made in one language can be read in another. Codes and arguments: docs/assessment.md.
 */
public record Reason(String code, Map<String, Object> args) {

    public Reason {
        args = args == null ? Map.of() : args;
    }

    /** A reason from its code and its arguments as name, value pairs; a null value is left out. */
    public static Reason of(String code, Object... namesAndValues) {
        Map<String, Object> args = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                args.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return new Reason(code, args);
    }

    /** A term of the catalogue ({@code term.<kind>.<value>}): a ground, an ill-treatment, a fact, … */
    static Reason term(String kind, Object value) {
        return new Reason("term." + kind + "." + value, Map.of());
    }

    static List<Reason> terms(String kind, java.util.Collection<?> values) {
        return values.stream().map(v -> term(kind, v)).toList();
    }

    /** This reason with one more argument (the applicant's sex, given to every reason of an assessment). */
    Reason with(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> more = new LinkedHashMap<>(args);
        more.put(name, value);
        return new Reason(code, more);
    }
}
