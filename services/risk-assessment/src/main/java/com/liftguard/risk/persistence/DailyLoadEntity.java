package com.liftguard.risk.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;

/** An athlete's training load on one calendar day: the sum over the sessions performed that day. */
@Entity
@Table(name = "daily_load")
public class DailyLoadEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId,
            @Column(name = "load_day") LocalDate day)
            implements Serializable {}

    @EmbeddedId
    public Key key;

    @Column(name = "session_load", nullable = false)
    public double sessionLoad;

    @Column(name = "spinal_volume_load", nullable = false)
    public double spinalVolumeLoad;

    @Column(nullable = false)
    public int sessions;

    /** Adds one session to its day, creating the day's row on its first session. */
    public static void add(
            String tenant, String athleteId, LocalDate day, double sessionLoad, double spinalVolumeLoad) {
        Key key = new Key(tenant, athleteId, day);
        DailyLoadEntity row = findById(key);
        if (row == null) {
            row = new DailyLoadEntity();
            row.key = key;
            row.persist();
        }
        row.sessionLoad += sessionLoad;
        row.spinalVolumeLoad += spinalVolumeLoad;
        row.sessions++;
    }

    /** The day of the athlete's first session (an index seek, not a scan). */
    public static Optional<LocalDate> firstDay(String tenant, String athleteId) {
        return find(
                        "select min(key.day) from DailyLoadEntity where key.tenant = ?1 and key.athleteId = ?2",
                        tenant,
                        athleteId)
                .project(LocalDate.class)
                .firstResultOptional();
    }
}
