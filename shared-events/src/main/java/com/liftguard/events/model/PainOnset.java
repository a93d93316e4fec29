package com.liftguard.events.model;

public enum PainOnset {
    DURING_SET,
    WITHIN_HOURS,
    NEXT_DAY
}
