package com.liftguard.events.model;

public enum PainQuality {
    DULL,
    ACHING,
    TIGHT,
    SHARP,
    SHOOTING,
    BURNING
}
