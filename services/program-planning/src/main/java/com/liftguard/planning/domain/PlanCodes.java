package com.liftguard.planning.domain;

/**
 * Reason codes planning reads (the factor codes risk-assessment emits) and writes (its own rule reasons).
 */
public final class PlanCodes {
    // factor codes of RiskAssessed
    public static final String TRIAGE_PREFIX = "TRIAGE_";
    public static final String PATTERN_PREFIX = "PATTERN_";
    public static final String PATTERN_GOOD_MORNING_SQUAT = "PATTERN_GOOD_MORNING_SQUAT";
    public static final String ACWR_SPIKE = "ACWR_SPIKE";
    public static final String MONOTONY_HIGH = "MONOTONY_HIGH";
    public static final String HEAVY_SESSIONS_TOO_CLOSE = "HEAVY_SESSIONS_TOO_CLOSE";
    public static final String SHORT_SLEEP = "SHORT_SLEEP";
    public static final String VERY_SHORT_SLEEP = "VERY_SHORT_SLEEP";

    // planning's own rule reasons
    /** A restriction is in force but its reason is unknown. */
    public static final String RESTRICTION_IN_FORCE = "RESTRICTION_IN_FORCE";
    /** Two or more load/recovery factors at once: deload week and the larger volume-load cut. */
    public static final String LOAD_FACTORS_COMBINED = "LOAD_FACTORS_COMBINED";
    /** Back to basics and the gate is not met yet. */
    public static final String LOAD_HELD_UNTIL_GATE = "LOAD_HELD_UNTIL_GATE";
    public static final String LOAD_GATE_MET = "LOAD_GATE_MET";
    public static final String LOAD_GATE_NOT_MET = "LOAD_GATE_NOT_MET";
    /** Nothing holds load back: train as programmed. */
    public static final String NO_LOAD_BLOCKER = "NO_LOAD_BLOCKER";

    private PlanCodes() {
    }
}
