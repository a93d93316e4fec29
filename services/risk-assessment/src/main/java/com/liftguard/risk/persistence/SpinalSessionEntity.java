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

/**
 * A spinal-loading session of an athlete, and whether its own reports named back pain (rows written before
 * V103 may also carry the mark of a check-in after them; check-ins now have {@link BackPainCheckInEntity}).
 */
@Entity
@Table(name = "spinal_session")
public class SpinalSessionEntity extends PanacheEntityBase {
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

    @Column(name = "back_pain_after", nullable = false)
    public boolean backPainAfter;

    /** The athlete's most recent spinal-loading sessions performed at or before {@code until}, newest first. */
    public static List<SpinalSessionEntity> recent(String tenant, String athleteId, Instant until, int limit) {
        return find(
                        "key.tenant = ?1 and key.athleteId = ?2 and performedAt <= ?3 order by performedAt desc",
                        tenant,
                        athleteId,
                        until)
                .page(0, limit)
                .list();
    }
}
