package com.liftguard.events.model;

/**
 * The technique findings of the rules' section 3, as risk-assessment names them in its findings and in the
 * {@code PATTERN_*} risk factors; the words a coach reads for each live with the rule in risk-assessment.
 */
public enum FindingType {
    /** A squat set where the hips rise first and the torso tips forward. */
    GOOD_MORNING_SQUAT,
    /** A squat or deadlift set ended by the lower back rather than the legs. */
    BACK_LIMITED,
    LOST_BRACE,
    LUMBAR_HYPEREXTENSION,
    LUMBAR_FLEXION,
    HIPS_TOO_HIGH_START,
    BAR_DRIFT
}
