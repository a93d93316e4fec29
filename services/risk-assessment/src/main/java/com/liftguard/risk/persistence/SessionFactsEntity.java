package com.liftguard.risk.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** What one session contributes to spacing and technique checks, stored once per session. */
@Entity
@Table(name = "session_facts")
public class SessionFactsEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,
            @Column(name = "session_id", length = 128) String sessionId)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "performed_at", nullable = false)
    public Instant performedAt;

    @Column(name = "performed_on", nullable = false)
    public LocalDate day;

    /** The session's spinal-loading sets as JSON (LoggedSet[]). */
    @Column(name = "spinal_sets", nullable = false, length = 100_000)
    public String spinalSets;

    /** Technique findings as JSON: finding type to number of sets. */
    @Column(nullable = false, length = 10_000)
    public String findings;
}
