package com.liftguard.planning.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A spinal-loading session as the load gate reads it: faults, effort and the worst pain reported with it. */
@Entity
@Table(name = "gate_session")
public class GateSessionEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,
            @Column(name = "session_id", length = 128) String sessionId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "performed_at")
    public Instant performedAt;

    @Column(name = "any_fault")
    public Boolean anyFault;

    /** The highest RPE of its working sets; null when a set had no RPE or RIR logged. */
    @Column(name = "max_rpe")
    public Double maxRpe;

    @Column(name = "worst_pain", length = 32)
    public String worstPain;

    public static GateSessionEntity findOrCreate(String tenant, String athleteId, String sessionId) {
        Key key = new Key(tenant, athleteId, sessionId);
        GateSessionEntity row = findById(key);
        if (row == null) {
            row = new GateSessionEntity();
            row.key = key;
            row.persist();
        }
        return row;
    }

    /** Sessions performed after {@code since} (all when null), newest first, at most {@code limit}. */
    public static List<GateSessionEntity> after(String tenant, String athleteId, Instant since, int limit) {
        return since == null
                ? find("key.tenant = ?1 and key.athleteId = ?2 and performedAt is not null order by performedAt desc",
                        tenant, athleteId).page(0, limit).list()
                : find("key.tenant = ?1 and key.athleteId = ?2 and performedAt > ?3 order by performedAt desc",
                        tenant, athleteId, since).page(0, limit).list();
    }
}
