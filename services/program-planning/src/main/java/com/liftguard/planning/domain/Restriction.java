package com.liftguard.planning.domain;

import com.liftguard.events.model.Exercise;
import java.util.Arrays;
import java.util.List;

/** What the athlete may not do until a coach clears them, least to most restrictive. */
public enum Restriction {
    NONE(List.of()),
    /** SEE_CLINICIAN: no squat, deadlift or good morning; pain-free upper-body and core work continue. */
    PAUSE_SPINAL_LOADING(Arrays.stream(Exercise.values()).filter(Exercise::spinalLoading).map(Enum::name).toList()),
    /** EMERGENCY: no training at all. */
    PAUSE_ALL_TRAINING(List.of("ALL_TRAINING"));

    private final List<String> paused;

    Restriction(List<String> paused) {
        this.paused = paused;
    }

    /** The exercises (or ALL_TRAINING) this restriction pauses. */
    public List<String> paused() {
        return paused;
    }

    public boolean stricterThan(Restriction other) {
        return ordinal() > other.ordinal();
    }
}
