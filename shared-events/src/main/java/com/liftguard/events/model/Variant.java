package com.liftguard.events.model;

/** Bar position for squats, stance or bar for deadlifts. */
public enum Variant {
    HIGH_BAR,
    LOW_BAR,
    CONVENTIONAL,
    SUMO,
    TRAP_BAR
}
