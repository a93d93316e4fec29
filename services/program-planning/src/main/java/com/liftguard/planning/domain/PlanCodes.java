package com.liftguard.planning.domain;

/**
 * The reason codes of planning's own rules. The codes planning reads, the risk factors, are the shared
 * {@code RiskFactor} enum; a reason that repeats a factor carries the factor's name as its code.
 */
public final class PlanCodes {
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

    /**
     * Normal soreness reported without a reason of its own. Not a risk factor: soreness is no risk, so
     * risk-assessment has no code for it.
     */
    public static final String TRIAGE_NORMAL_SORENESS = "TRIAGE_NORMAL_SORENESS";

    /** A coach of the athlete lifted the pause. */
    public static final String CLEARED_BY_COACH = "CLEARED_BY_COACH";

    // what ended, in a plan change: each says what the ended part had been there for
    public static final String RESTRICTION_LIFTED = "RESTRICTION_LIFTED";
    public static final String BASICS_ENDED = "BASICS_ENDED";
    public static final String SPINAL_VOLUME_RESTORED = "SPINAL_VOLUME_RESTORED";
    public static final String DELOAD_ENDED = "DELOAD_ENDED";
    public static final String HEAVY_SPACING_ENDED = "HEAVY_SPACING_ENDED";

    private PlanCodes() {}
}
