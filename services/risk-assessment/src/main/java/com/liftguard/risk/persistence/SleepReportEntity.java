package com.liftguard.risk.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Hours of sleep an athlete reported with a session or a check-in. */
@Entity
@Table(name = "sleep_report")
public class SleepReportEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,
            @Column(name = "source_id", length = 200) String sourceId)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(nullable = false)
    public double hours;
}
