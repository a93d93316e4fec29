package com.liftguard.events.model;

public enum PainTrend {
    IMPROVING,
    STABLE,
    WORSENING
}
