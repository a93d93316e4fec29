package com.liftguard.planning.domain;

import com.liftguard.events.model.TriageCategory;
import java.time.Instant;
import java.util.Objects;

/**
 * What the load gate needs to know about one of the athlete's spinal-loading sessions.
 *
 * @param worstPain the most severe triage category of a pain report tied to the session, or null when no pain
 *     was reported
 * @param anyFault a technique fault was tagged on any set of the session
 * @param maxWorkingSetRpe the highest effective RPE of the session's working sets (RIR converted as 10 - RIR);
 *     null when any working set was logged without an RPE or RIR, since a missing value proves nothing
 */
public record SpinalSessionSummary(
        String sessionId, Instant performedAt, TriageCategory worstPain, boolean anyFault, Double maxWorkingSetRpe) {
    public SpinalSessionSummary {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(performedAt, "performedAt");
    }
}
