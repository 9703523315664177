package org.sanctuary.assessment.engine;

/** The five Convention grounds of Art 1A(2) (RC-1A2), actual or imputed (QD-10). */
public enum Ground { RACE, RELIGION, NATIONALITY, PARTICULAR_SOCIAL_GROUP, POLITICAL_OPINION }
