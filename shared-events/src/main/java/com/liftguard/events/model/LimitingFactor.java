package com.liftguard.events.model;

/** What ended the set, as the athlete or coach reports it. */
public enum LimitingFactor {
    LEGS,
    LOWER_BACK,
    GRIP,
    BREATHING,
    NONE
}
