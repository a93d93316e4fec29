package com.liftguard.notifications.domain;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What happened to an athlete, composed once per event and then put on the feed of every coach who
 * follows the athlete.
 *
 * @param headline the title without the athlete's name: the name comes from the roster, which may only
 *     arrive after the event
 * @param occurredAt when the fact was decided upstream (the triage or the schedule), not when it arrived
 * @param kind what sort of news it is, such as {@code triage:SEE_CLINICIAN} or {@code risk:HIGH}; only items of
 *     the same kind (and athlete and leading reason) collapse into one
 */
public record Notification(
        String athleteId,
        Severity severity,
        String headline,
        String body,
        List<Reason> reasons,
        List<String> recommendedActions,
        Instant occurredAt,
        String kind) {

    public Notification {
        Objects.requireNonNull(athleteId, "athleteId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(body, "body");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
        kind = kind == null ? "event" : kind;
    }

    public Notification(
            String athleteId,
            Severity severity,
            String headline,
            String body,
            List<Reason> reasons,
            List<String> recommendedActions,
            Instant occurredAt) {
        this(athleteId, severity, headline, body, reasons, recommendedActions, occurredAt, null);
    }

    /** The title a coach reads: who, then what. Falls back to the athlete id when the roster has no name. */
    public String titleFor(String athleteName) {
        String who = athleteName == null || athleteName.isBlank() ? athleteId : athleteName.strip();
        return who + ": " + headline;
    }
}
