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

    /** Estimates of sessions on days in [from, to]. */
    public static List<E1rmEstimateEntity> between(String tenant, String athleteId, LocalDate from, LocalDate to) {
        return find("key.tenant = ?1 and key.athleteId = ?2 and day >= ?3 and day <= ?4", tenant, athleteId, from, to)
                .list();
    }
}
