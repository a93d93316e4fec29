package com.liftguard.events.model;

/** Coach- or sensor-tagged technique faults of a set. */
public enum TechniqueFault {
    GOOD_MORNING_SQUAT,
    LOST_BRACE,
    LUMBAR_HYPEREXTENSION,
    LUMBAR_FLEXION,
    HIPS_TOO_HIGH_START,
    BAR_DRIFT
}
