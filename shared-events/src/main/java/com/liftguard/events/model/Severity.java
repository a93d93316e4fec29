package com.liftguard.events.model;

/** Notification severity, most severe first. */
public enum Severity {
    URGENT,
    HIGH,
    INFO
}
