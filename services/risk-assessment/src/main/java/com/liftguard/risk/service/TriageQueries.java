package com.liftguard.risk.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.Json;
import com.liftguard.risk.persistence.TriageDecisionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** What the API shows of an athlete's triage decisions. */
@ApplicationScoped
public class TriageQueries {
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {};

    /** One stored decision, with the reasons as the event carried them. */
    public record Decision(TriageCategory category, List<Reason> reasons, Instant decidedAt, String sourceId) {}

    /** The athlete's last {@code limit} decisions, newest first; empty before any pain report. */
    public List<Decision> history(String tenant, String athleteId, int limit) {
        return TriageDecisionEntity.history(tenant, athleteId, limit).stream()
                .map(e -> new Decision(e.category, Json.read(e.reasons, REASONS), e.decidedAt, e.sourceId))
                .toList();
    }
}
