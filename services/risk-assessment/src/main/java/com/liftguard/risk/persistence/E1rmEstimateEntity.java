package com.liftguard.risk.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** The best estimated 1RM of one exercise in one session, and the set it came from. */
@Entity
@Table(name = "e1rm_estimate")
public class E1rmEstimateEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,
            @Column(length = 32) String exercise,
            @Column(name = "session_id", length = 128) String sessionId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "set_index", nullable = false)
    public int setIndex;

    @Column(name = "performed_on", nullable = false)
    public LocalDate day;

    @Column(name = "e1rm_kg", nullable = false)
    public double e1rmKg;

    /** One estimate as read for a computation: a projection, not a tracked entity. */
    public record Row(String exercise, String sessionId, int setIndex, LocalDate day, double e1rmKg) {
    }

    /** Estimates of sessions on days in [from, to], as rows. */
    public static List<Row> rowsBetween(String tenant, String athleteId, LocalDate from, LocalDate to) {
        return getEntityManager().createQuery("select e.key.exercise, e.key.sessionId, e.setIndex, e.day, e.e1rmKg "
                        + "from E1rmEstimateEntity e where e.key.tenant = ?1 and e.key.athleteId = ?2 "
                        + "and e.day >= ?3 and e.day <= ?4", Object[].class)
                .setParameter(1, tenant).setParameter(2, athleteId).setParameter(3, from).setParameter(4, to)
                .getResultStream()
                .map(r -> new Row((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (LocalDate) r[3],
                        ((Number) r[4]).doubleValue()))
                .toList();
    }
}
