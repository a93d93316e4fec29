package com.liftguard.risk.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A check-in of an athlete that reported back pain: it counts against the last spinal session before it. */
@Entity
@Table(name = "back_pain_check_in")
public class BackPainCheckInEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,
            @Column(name = "check_in_id", length = 128) String checkInId)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    /** When the athlete's back-pain check-ins in [from, until] were reported, oldest first. */
    public static List<Instant> reportedBetween(String tenant, String athleteId, Instant from, Instant until) {
        return find(
                        "select reportedAt from BackPainCheckInEntity where key.tenant = ?1 and key.athleteId = ?2 "
                                + "and reportedAt >= ?3 and reportedAt <= ?4 order by reportedAt",
                        tenant,
                        athleteId,
                        from,
                        until)
                .project(Instant.class)
                .list();
    }
}
