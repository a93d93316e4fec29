package com.liftguard.events.model;

public enum PainRegion {
    LOWER_BACK,
    UPPER_BACK,
    HIP,
    KNEE,
    OTHER
}
