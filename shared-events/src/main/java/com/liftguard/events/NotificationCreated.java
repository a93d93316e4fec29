package com.liftguard.events;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import java.time.Instant;
import java.util.List;

/** An item put on a coach's feed: what happened, why, and what to do. */
public record NotificationCreated(
        String notificationId,
        String coachId,
        String athleteId,
        Severity severity,
        String title,
        String body,
        List<Reason> reasons,
        List<String> recommendedActions,
        String sourceEventId,
        Instant createdAt)
        implements EventData {

    public NotificationCreated {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
    }
}
