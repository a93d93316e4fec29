package com.liftguard.planning.domain;

import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.PlanItem;
import java.util.Arrays;
import java.util.List;

/** What the athlete may not do until a coach clears them, least to most restrictive. */
public enum Restriction {
    NONE(List.of(), null),
    /** SEE_CLINICIAN: no squat, deadlift or good morning; pain-free upper-body and core work continue. */
    PAUSE_SPINAL_LOADING(
            Arrays.stream(Exercise.values())
                    .filter(Exercise::spinalLoading)
                    .map(PlanItem::of)
                    .toList(),
            RecoveryScheduled.Action.PAUSE_SPINAL_LOADING),
    /** EMERGENCY: no training at all. */
    PAUSE_ALL_TRAINING(List.of(PlanItem.ALL_TRAINING), RecoveryScheduled.Action.PAUSE_ALL_TRAINING);

    private final List<PlanItem> paused;
    private final RecoveryScheduled.Action pauseAction;

    Restriction(List<PlanItem> paused, RecoveryScheduled.Action pauseAction) {
        this.paused = paused;
        this.pauseAction = pauseAction;
    }

    /** The exercises (or ALL_TRAINING) this restriction pauses. */
    public List<PlanItem> paused() {
        return paused;
    }

    /** How a RecoveryScheduled announces this restriction being put in force. */
    public RecoveryScheduled.Action pauseAction() {
        if (pauseAction == null) {
            throw new IllegalStateException(this + " pauses nothing");
        }
        return pauseAction;
    }

    public boolean stricterThan(Restriction other) {
        return ordinal() > other.ordinal();
    }
}
