package com.liftguard.events.model;

/**
 * The codes of the factors behind a risk level ({@code RiskAssessed.factors[].code}), spoken by
 * risk-assessment (which finds them), program-planning (which responds to them) and notifications (which
 * words them for the coach). Each names its kind, and a pattern also the finding it recurs.
 */
public enum RiskFactor {
    TRIAGE_MODIFY_TRAINING(Kind.TRIAGE, null, TriageCategory.MODIFY_TRAINING),
    TRIAGE_SEE_CLINICIAN(Kind.TRIAGE, null, TriageCategory.SEE_CLINICIAN),
    TRIAGE_EMERGENCY(Kind.TRIAGE, null, TriageCategory.EMERGENCY),
    ACWR_SPIKE(Kind.LOAD, null, null),
    MONOTONY_HIGH(Kind.LOAD, null, null),
    HEAVY_SESSIONS_TOO_CLOSE(Kind.RECOVERY, null, null),
    SHORT_SLEEP(Kind.SLEEP, null, null),
    VERY_SHORT_SLEEP(Kind.SLEEP, null, null),
    PATTERN_GOOD_MORNING_SQUAT(Kind.PATTERN, FindingType.GOOD_MORNING_SQUAT, null),
    PATTERN_BACK_LIMITED(Kind.PATTERN, FindingType.BACK_LIMITED, null),
    PATTERN_LOST_BRACE(Kind.PATTERN, FindingType.LOST_BRACE, null),
    PATTERN_LUMBAR_HYPEREXTENSION(Kind.PATTERN, FindingType.LUMBAR_HYPEREXTENSION, null),
    PATTERN_LUMBAR_FLEXION(Kind.PATTERN, FindingType.LUMBAR_FLEXION, null),
    PATTERN_HIPS_TOO_HIGH_START(Kind.PATTERN, FindingType.HIPS_TOO_HIGH_START, null),
    PATTERN_BAR_DRIFT(Kind.PATTERN, FindingType.BAR_DRIFT, null);

    /** What a factor is about. */
    public enum Kind {
        /** A pain report's triage above normal soreness. */
        TRIAGE,
        /** The training load (acute:chronic ratio, monotony). */
        LOAD,
        /** Recovery between heavy spinal-loading sessions. */
        RECOVERY,
        /** Sleep. */
        SLEEP,
        /** A recurring technique finding. */
        PATTERN
    }

    private final Kind kind;
    private final FindingType finding;
    private final TriageCategory triage;

    RiskFactor(Kind kind, FindingType finding, TriageCategory triage) {
        this.kind = kind;
        this.finding = finding;
        this.triage = triage;
    }

    public Kind kind() {
        return kind;
    }

    /** The finding a {@link Kind#PATTERN} factor recurs; null for the other kinds. */
    public FindingType finding() {
        return finding;
    }

    /** The triage category of a {@link Kind#TRIAGE} factor; null for the other kinds. */
    public TriageCategory triage() {
        return triage;
    }

    /** The pattern factor of a finding. */
    public static RiskFactor patternOf(FindingType finding) {
        for (RiskFactor f : values()) {
            if (f.finding == finding) {
                return f;
            }
        }
        throw new IllegalArgumentException("no pattern factor for " + finding);
    }

    /** The triage factor of a category above normal soreness. */
    public static RiskFactor triageOf(TriageCategory category) {
        for (RiskFactor f : values()) {
            if (f.triage == category) {
                return f;
            }
        }
        throw new IllegalArgumentException("no risk factor for the triage category " + category);
    }
}
