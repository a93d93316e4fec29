package com.liftguard.notifications.domain;

import com.liftguard.events.model.TriageCategory;
import java.time.Instant;
import java.time.LocalDate;

/** What the coach's page charts per athlete: the figures of each day and the triage decisions over time. */
public final class AthleteSeries {
    private AthleteSeries() {}

    /** One day of an athlete's figures (the latest assessment of the day). */
    public record Day(
            LocalDate date, double dailyLoad, double acuteLoad, double chronicLoad, Double acwr, String riskLevel) {}

    /** One triage decision on the time axis. */
    public record Triage(Instant at, TriageCategory category) {}
}
