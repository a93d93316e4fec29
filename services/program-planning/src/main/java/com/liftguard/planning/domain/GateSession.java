package com.liftguard.planning.domain;

import com.liftguard.events.model.TriageCategory;
import java.time.Instant;
import java.util.Objects;

/**
 * What planning holds of one spinal-loading session for the load gate. A triage decision may arrive before its
 * session (they come on different topics), so all but the id may still be unknown.
 *
 * @param performedAt null until the session itself has arrived
 * @param anyFault null until the session itself has arrived
 * @param maxRpe null until the session has arrived, or when one of its spinal sets had no RPE or RIR logged
 * @param worstPain the most severe triage of the pain reported with the session, or null
 */
public record GateSession(
        String sessionId, Instant performedAt, Boolean anyFault, Double maxRpe, TriageCategory worstPain) {

    public GateSession {
        Objects.requireNonNull(sessionId, "sessionId");
    }

    public static GateSession unseen(String sessionId) {
        return new GateSession(sessionId, null, null, null, null);
    }

    /** The session with a pain report triaged {@code category}: the gate holds the worst pain against it. */
    public GateSession withPain(TriageCategory category) {
        TriageCategory worst = worstPain == null ? category : TriageCategory.mostSevere(worstPain, category);
        return new GateSession(sessionId, performedAt, anyFault, maxRpe, worst);
    }

    /** The session as logged: when, whether a fault was tagged, and its effort. */
    public GateSession performed(LoggedSpinalSession session) {
        return new GateSession(sessionId, session.performedAt(), session.anyFault(), session.maxRpe(), worstPain);
    }
}
