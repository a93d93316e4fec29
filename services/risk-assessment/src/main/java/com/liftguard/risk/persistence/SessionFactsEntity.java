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
import java.util.List;

/** What one session contributes to spacing and technique checks, stored once per session. */
@Entity
@Table(name = "session_facts")
public class SessionFactsEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,
            @Column(name = "session_id", length = 128) String sessionId) implements Serializable {
    }

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

    /** Sessions performed in [from, to), oldest first. */
    public static List<SessionFactsEntity> between(String tenant, String athleteId, Instant from, Instant to) {
        return find("key.tenant = ?1 and key.athleteId = ?2 and performedAt >= ?3 and performedAt < ?4 "
                + "order by performedAt", tenant, athleteId, from, to).list();
    }

    /** The athlete's last {@code n} sessions performed before {@code until}, newest first. */
    public static List<SessionFactsEntity> lastBefore(String tenant, String athleteId, Instant until, int n) {
        return find("key.tenant = ?1 and key.athleteId = ?2 and performedAt < ?3 order by performedAt desc",
                tenant, athleteId, until).page(0, n).list();
    }
}
