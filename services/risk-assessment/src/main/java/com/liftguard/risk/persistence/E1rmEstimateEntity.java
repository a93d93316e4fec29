package com.liftguard.risk.persistence;

import com.liftguard.events.model.Exercise;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;

/** The best estimated 1RM of one exercise in one session, and the set it came from. */
@Entity
@Table(name = "e1rm_estimate")
public class E1rmEstimateEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,

            @Enumerated(EnumType.STRING) @Column(length = 32)
            Exercise exercise,

            @Column(name = "session_id", length = 128) String sessionId)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "set_index", nullable = false)
    public int setIndex;

    @Column(name = "performed_on", nullable = false)
    public LocalDate day;

    @Column(name = "e1rm_kg", nullable = false)
    public double e1rmKg;
}
