package com.liftguard.planning.persistence;

import com.liftguard.events.model.TriageCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
            @Column(name = "session_id", length = 128) String sessionId)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "performed_at")
    public Instant performedAt;

    @Column(name = "any_fault")
    public Boolean anyFault;

    /** The highest RPE of its working sets; null when a set had no RPE or RIR logged. */
    @Column(name = "max_rpe")
    public Double maxRpe;

    @Enumerated(EnumType.STRING)
    @Column(name = "worst_pain", length = 32)
    public TriageCategory worstPain;

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

    /** A gate session as the gate reads it: a projection, not a tracked entity. */
    public record Row(
            String sessionId, Instant performedAt, TriageCategory worstPain, Boolean anyFault, Double maxRpe) {}

    /**
     * Newest first, ordered by every column of the time index (tenant and athlete are fixed): only then does H2
     * read the index backwards and stop at the limit instead of sorting all of the athlete's sessions.
     */
    private static final String LATEST_FIRST = " order by g.key.tenant desc, g.key.athleteId desc, g.performedAt desc";

    /**
     * The athlete's last {@code limit} sessions performed after {@code since} (any time when null), newest first:
     * read for every replan, so as rows, without building and tracking an entity per session.
     */
    public static List<Row> rowsAfter(String tenant, String athleteId, Instant since, int limit) {
        String select =
                "select g.key.sessionId, g.performedAt, g.worstPain, g.anyFault, g.maxRpe from GateSessionEntity g "
                        + "where g.key.tenant = ?1 and g.key.athleteId = ?2 and ";
        var query = since == null
                ? getEntityManager().createQuery(select + "g.performedAt is not null" + LATEST_FIRST, Object[].class)
                : getEntityManager()
                        .createQuery(select + "g.performedAt > ?3" + LATEST_FIRST, Object[].class)
                        .setParameter(3, since);
        // a list, not a stream: an unclosed stream holds its statement open to the end of the transaction, and
        // H2 re-parses a query whose cached statement is still open
        return query.setParameter(1, tenant).setParameter(2, athleteId).setMaxResults(limit).getResultList().stream()
                .map(r -> new Row((String) r[0], (Instant) r[1], (TriageCategory) r[2], (Boolean) r[3], (Double) r[4]))
                .toList();
    }
}
