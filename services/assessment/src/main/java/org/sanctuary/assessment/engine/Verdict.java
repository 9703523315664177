package org.sanctuary.assessment.engine;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A rule function's answer before the engine adds the facts, evidence and COI references. */
record Verdict(Finding.Result result, List<Reason> reasons, Set<Ground> grounds, List<String> countries) {

    static Verdict of(Truth truth, Set<Ground> grounds, List<String> countries, List<Reason> reasons) {
        return new Verdict(truth.result(), List.copyOf(reasons), truth.isTrue() ? Set.copyOf(grounds) : Set.of(),
                countries);
    }

    static Verdict of(Truth truth, List<String> countries, Reason... reasons) {
        return of(truth, EnumSet.noneOf(Ground.class), countries, List.of(reasons));
    }

    static Verdict notApplicable(Reason reason) {
        return new Verdict(Finding.Result.NOT_APPLICABLE, List.of(reason), Set.of(), List.of());
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
