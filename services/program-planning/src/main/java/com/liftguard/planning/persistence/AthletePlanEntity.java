package com.liftguard.planning.persistence;

import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import com.liftguard.planning.domain.Restriction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** The athlete's plan state: the restriction in force with what caused it, and the coaches on the roster. */
@Entity
@Table(name = "athlete_plan")
public class AthletePlanEntity extends PanacheEntityBase {
    @Embeddable
    public record Key(
            @Column(length = 64) String tenant,
            @Column(name = "athlete_id", length = 128) String athleteId) implements Serializable {}

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Restriction restriction;

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

    /** Why the athlete is back to basics (JSON Reason), and since when; null when not. */
    @Column(name = "basics_reason", length = 20_000)
    public String basicsReason;

    @Column(name = "basics_since")
    public Instant basicsSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "latest_triage", length = 32)
    public TriageCategory latestTriage;

    /** JSON Reason[] of the latest triage decision. */
    @Column(name = "latest_triage_reasons", length = 100_000)
    public String latestTriageReasons;

    /** JSON RiskAssessed.Factor[] of the latest assessment (by its date). */
    @Column(name = "risk_factors", length = 100_000)
    public String riskFactors;

    @Column(name = "risk_as_of")
    public LocalDate riskAsOf;

    /** JSON map exercise to kg. */
    @Column(length = 10_000)
    public String e1rm;

    @Column(name = "last_heavy_at")
    public Instant lastHeavyAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "squat_bar", length = 16)
    public Variant squatBar;

    @Column(name = "squat_bar_at")
    public Instant squatBarAt;

    /** JSON of the plan as last computed. */
    @Column(name = "current_plan", length = 1_000_000)
    public String currentPlan;

    /**
     * The athlete's plan row, locked for the rest of the transaction (SELECT ... FOR UPDATE): the consumers
     * of four topics change it concurrently, and without the lock one transaction's write would silently
     * undo another's (a lost update). Two first inserts race on the primary key; the loser is retried.
     */
    public static AthletePlanEntity findOrCreate(String tenant, String athleteId) {
        AthletePlanEntity plan = findById(new Key(tenant, athleteId), LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            plan = new AthletePlanEntity();
            plan.key = new Key(tenant, athleteId);
            plan.restriction = Restriction.NONE;
            plan.persist();
        }
        return plan;
    }
}
