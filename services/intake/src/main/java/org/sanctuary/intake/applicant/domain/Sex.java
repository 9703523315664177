package org.sanctuary.intake.applicant.domain;

/** As recorded in the travel document: ICAO 9303 F, M or X (unspecified); UNKNOWN when none. */
public enum Sex { FEMALE, MALE, X, UNKNOWN }
