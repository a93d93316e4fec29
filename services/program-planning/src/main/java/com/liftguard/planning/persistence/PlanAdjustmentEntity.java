package com.liftguard.planning.persistence;

import com.liftguard.planning.domain.Adjustment;
import com.liftguard.planning.domain.Restriction;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One change to an athlete's plan and the event that caused it. */
@Entity
@Table(name = "plan_adjustment")
public class PlanAdjustmentEntity extends PanacheEntityBase {
    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 64)
    public String tenant;

    @Column(name = "athlete_id", nullable = false, length = 128)
    public String athleteId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Adjustment.Action action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Restriction restriction;

    /** The reason as JSON ({code, message, fields}). */
    @Column(nullable = false, length = 20_000)
    public String reason;

    @Column(name = "cause_event_id", nullable = false, length = 64)
    public String causeEventId;

    @Column(name = "cause_type", nullable = false, length = 200)
    public String causeType;

    @Column(name = "made_at", nullable = false)
    public Instant madeAt;

    public static List<PlanAdjustmentEntity> newestFirst(String tenant, String athleteId, int limit) {
        return find("tenant = ?1 and athleteId = ?2 order by madeAt desc", tenant, athleteId)
                .page(0, limit)
                .list();
    }
}
