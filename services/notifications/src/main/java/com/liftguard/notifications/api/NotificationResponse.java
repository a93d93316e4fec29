package com.liftguard.notifications.api;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import com.liftguard.notifications.domain.FeedItem;
import java.time.Instant;
import java.util.List;

/** One feed item as coaches see it (API.md, Notifications). */
public record NotificationResponse(
        String id,
        String athleteId,
        Severity severity,
        String title,
        String body,
        List<Reason> reasons,
        List<String> recommendedActions,
        Instant createdAt,
        Instant acknowledgedAt,
        String sourceEventId) {

    static NotificationResponse of(FeedItem item) {
        return new NotificationResponse(item.id(), item.athleteId(), item.severity(), item.title(), item.body(),
                item.reasons(), item.recommendedActions(), item.createdAt(), item.acknowledgedAt(),
                item.sourceEventId());
    }
}
