package org.sanctuary.assessment.engine;

/**
 * Three-valued logic (Kleene): a condition resting on a claimed fact whose credibility is not yet
 * assessed is UNKNOWN, and stays so unless the other side settles it.
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    public Truth not() {
        return this == UNKNOWN ? UNKNOWN : of(this == FALSE);
    }

    public boolean isTrue() {
        return this == TRUE;
    }

    public Finding.Result result() {
        return switch (this) {
            case TRUE -> Finding.Result.MET;
            case FALSE -> Finding.Result.NOT_MET;
            case UNKNOWN -> Finding.Result.UNDETERMINED;
        };
    }
}
