package org.sanctuary.assessment.engine;

/**
 * Every rule's id as DOMAIN.md names it, in the registry's order: a rule, the cascade or a test that names another
 * rule names it by its constant, so a misspelt id does not compile.
 */
public final class RuleId {

    public static final String TEMPORARY_PROTECTION = "TEMPORARY-PROTECTION";
    public static final String RC_1F = "RC-1F";
    public static final String QD_12 = "QD-12";
    public static final String QD_17 = "QD-17";
    public static final String QD_8 = "QD-8";
    public static final String HB_91 = "HB-91";
    public static final String QD_9_2_B = "QD-9-2-b";
    public static final String QD_9_2_C = "QD-9-2-c";
    public static final String CJEU_SHEPHERD = "CJEU-SHEPHERD";
    public static final String QD_9_2_E = "QD-9-2-e";
    public static final String CJEU_EZ = "CJEU-EZ";
    public static final String GIP10_2 = "GIP10-2";
    public static final String GIP10_3 = "GIP10-3";
    public static final String GIP10_1 = "GIP10-1";
    public static final String GIP10_4 = "GIP10-4";
    public static final String GIP10_5 = "GIP10-5";
    public static final String IHL_OCCUPATION = "IHL-OCCUPATION";
    public static final String ECHR_9_BAYATYAN = "ECHR-9-BAYATYAN";
    public static final String HB_167_174 = "HB-167-174";
    public static final String CNDA_2023_07_20 = "CNDA-2023-07-20";
    public static final String UKUT_PKOS_2020 = "UKUT-PKOS-2020";
    public static final String QD_4_5 = "QD-4-5";
    public static final String QD_9_3 = "QD-9-3";
    public static final String QD_10 = "QD-10";
    public static final String RC_1A2 = "RC-1A2";
    public static final String ECHR_3 = "ECHR-3";
    public static final String QD_15_C = "QD-15-c";
    public static final String QD_15 = "QD-15";
    public static final String CJEU_ABC = "CJEU-ABC";

    private RuleId() {
    }
}
