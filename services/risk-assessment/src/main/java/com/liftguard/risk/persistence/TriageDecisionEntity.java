package com.liftguard.risk.persistence;

import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.TriageCategory;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One triage decision; reasons are kept as the JSON the API and the event carry. */
@Entity
@Table(name = "triage_decision")
public class TriageDecisionEntity extends PanacheEntityBase {
    @Id
    @Column(length = 64)
    public String id;

    @Column(nullable = false, length = 64)
    public String tenant;

    @Column(name = "athlete_id", nullable = false, length = 128)
    public String athleteId;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false, length = 16)
    public TriageDecided.SourceKind sourceKind;

    @Column(name = "source_id", nullable = false, length = 128)
    public String sourceId;

    @Column(name = "report_index", nullable = false)
    public int reportIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public TriageCategory category;

    @Column(nullable = false, length = 100_000)
    public String reasons;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    /** When the pain was reported: the session's or check-in's own time. */
    @Column(name = "reported_at")
    public Instant reportedAt;

    /** The athlete's last {@code limit} decisions, newest first. */
    public static List<TriageDecisionEntity> history(String tenant, String athleteId, int limit) {
        return find("tenant = ?1 and athleteId = ?2 order by decidedAt desc, reportIndex desc", tenant, athleteId)
                .page(0, limit)
                .list();
    }
}
