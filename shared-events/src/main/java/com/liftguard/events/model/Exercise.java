package com.liftguard.events.model;

/** Exercises of the v1 vocabulary (docs/rules.md section 1). */
public enum Exercise {
    BACK_SQUAT(true, true, false),
    FRONT_SQUAT(true, true, false),
    DEADLIFT(true, false, true),
    ROMANIAN_DEADLIFT(true, false, true),
    GOOD_MORNING(true, false, false),
    HIP_THRUST(false, false, false),
    BACK_EXTENSION_45(false, false, false),
    LEG_PRESS(false, false, false),
    SPLIT_SQUAT(false, false, false),
    OTHER(false, false, false);

    private final boolean spinalLoading;
    private final boolean squat;
    private final boolean deadlift;

    Exercise(boolean spinalLoading, boolean squat, boolean deadlift) {
        this.spinalLoading = spinalLoading;
        this.squat = squat;
        this.deadlift = deadlift;
    }

    /** Loads the spine axially: the set counts toward spinal volume-load and heavy-session spacing. */
    public boolean spinalLoading() {
        return spinalLoading;
    }

    public boolean squat() {
        return squat;
    }

    public boolean deadlift() {
        return deadlift;
    }
}
