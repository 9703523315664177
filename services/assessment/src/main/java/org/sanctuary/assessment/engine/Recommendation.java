package org.sanctuary.assessment.engine;

/** The outcome cascade of step 7, strongest first; REFER_EXCLUSION overrides all (S13). */
public enum Recommendation {
    REFUGEE_STATUS, SUBSIDIARY_PROTECTION, NATIONAL_HUMANITARIAN, NON_REFOULEMENT_ONLY, TEMPORARY_PROTECTION,
    REJECT, REFER_EXCLUSION
}
