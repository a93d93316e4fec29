package com.liftguard.planning.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The athlete's plan state: the restriction in force with what caused it, and the coaches on the roster. */
@Entity
@Table(name = "athlete_plan")
public class AthletePlanEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(length = 64) String tenant,
                      @Column(name = "athlete_id", length = 128) String athleteId) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(nullable = false, length = 32)
    public String restriction;

    @Column(name = "reason_code", length = 64)
    public String reasonCode;

    @Column(name = "reason_message", length = 2000)
    public String reasonMessage;

    @Column(name = "cause_event_id", length = 64)
    public String causeEventId;

    public Instant since;

    /** Newline-separated: coach ids never contain one. */
    @Column(name = "coach_ids", nullable = false, length = 20_000)
    public String coachIds = "";

    @Column(name = "roster_changed_at")
    public Instant rosterChangedAt;

    public List<String> coaches() {
        return coachIds.isEmpty() ? List.of() : Arrays.asList(coachIds.split("\n"));
    }

    public static AthletePlanEntity findOrCreate(String tenant, String athleteId) {
        AthletePlanEntity plan = findById(new Key(tenant, athleteId));
        if (plan == null) {
            plan = new AthletePlanEntity();
            plan.key = new Key(tenant, athleteId);
            plan.restriction = "NONE";
            plan.persist();
        }
        return plan;
    }
}
