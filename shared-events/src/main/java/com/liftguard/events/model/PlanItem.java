package com.liftguard.events.model;

/**
 * What a restriction holds the athlete back from ({@code RecoveryScheduled.restrictions[]}), spoken by
 * program-planning (which restricts) and notifications (which tells the coach): all training, heavy
 * spinal-loading sessions, or one spinal-loading exercise of the vocabulary.
 */
public enum PlanItem {
    ALL_TRAINING,
    HEAVY_SPINAL,
    BACK_SQUAT,
    FRONT_SQUAT,
    DEADLIFT,
    ROMANIAN_DEADLIFT,
    GOOD_MORNING;

    /** The item that pauses one spinal-loading exercise. */
    public static PlanItem of(Exercise exercise) {
        if (!exercise.spinalLoading()) {
            throw new IllegalArgumentException(exercise + " does not load the spine; no restriction holds it back");
        }
        return valueOf(exercise.name());
    }
}
