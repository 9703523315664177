package org.sanctuary.assessment.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A rule function's answer before the engine adds the facts, evidence and COI references; {@code missing} names what
 * the rule needed and the case does not hold (the assessment lists it, S2).
 */
record Verdict(Finding.Result result, List<Reason> reasons, Set<Ground> grounds, List<String> countries, List<String> missing) {

    static Verdict of(Truth truth, Set<Ground> grounds, List<String> countries, List<Reason> reasons) {
        return new Verdict(truth.result(), List.copyOf(reasons), truth.isTrue() ? Set.copyOf(grounds) : Set.of(),
                countries, List.of());
    }

    static Verdict of(Truth truth, List<String> countries, Reason... reasons) {
        return of(truth, EnumSet.noneOf(Ground.class), countries, List.of(reasons));
    }

    static Verdict notApplicable(Reason reason) {
        return new Verdict(Finding.Result.NOT_APPLICABLE, List.of(reason), Set.of(), List.of(), List.of());
    }

    /** The same answer, noting that the case lacks {@code what}. */
    Verdict missing(String what) {
        return missing(List.of(what));
    }

    /** The same answer, noting that the case lacks each of {@code what}. */
    Verdict missing(List<String> what) {
        List<String> all = new java.util.ArrayList<>(missing);
        all.addAll(what);
        return new Verdict(result, reasons, grounds, countries, List.copyOf(all));
    }

    boolean met() {
        return result == Finding.Result.MET;
    }

    Truth truth() {
        return switch (result) {
            case MET -> Truth.TRUE;
            case UNDETERMINED -> Truth.UNKNOWN;
            case NOT_MET, NOT_APPLICABLE -> Truth.FALSE;
        };
    }
}
