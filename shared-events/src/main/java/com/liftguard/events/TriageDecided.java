package com.liftguard.events;

import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import java.time.Instant;
import java.util.List;

/**
 * The triage of one pain report. {@code sourceId} is the session or check-in that carried the report,
 * {@code reportIndex} its position there.
 */
public record TriageDecided(
        String decisionId,
        String athleteId,
        SourceKind sourceKind,
        String sourceId,
        int reportIndex,
        PainReport report,
        TriageCategory category,
        List<Reason> reasons,
        Instant decidedAt)
        implements EventData {

    public enum SourceKind {
        SESSION,
        CHECK_IN
    }

    public TriageDecided {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
