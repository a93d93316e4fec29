package com.liftguard.events.model;

/** Triage categories, declared most severe first so that ordinal order is severity order. */
public enum TriageCategory {
    EMERGENCY,
    SEE_CLINICIAN,
    MODIFY_TRAINING,
    NORMAL_SORENESS;

    public boolean moreSevereThan(TriageCategory other) {
        return ordinal() < other.ordinal();
    }

    public static TriageCategory mostSevere(TriageCategory a, TriageCategory b) {
        return a.moreSevereThan(b) ? a : b;
    }
}
