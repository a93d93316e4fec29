package com.liftguard.events.model;

public enum RiskLevel {
    LOW,
    MODERATE,
    HIGH,
    CRITICAL
}
