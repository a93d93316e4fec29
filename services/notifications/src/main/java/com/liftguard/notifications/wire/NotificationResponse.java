package com.liftguard.notifications.wire;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import com.liftguard.notifications.domain.FeedItem;
import java.time.Instant;
import java.util.List;

/**
 * One feed item as coaches see it (docs/api.md, Notifications), also the body of a webhook call and the data of
 * a live-stream event. {@code repeats} counts the events of the same athlete and reason collapsed into it.
 */
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
        String sourceEventId,
        int repeats) {

    /** An item that stands for one event. */
    public static NotificationResponse of(FeedItem item) {
        return of(item, 1);
    }

    /** An item into which {@code repeats} events of the same athlete and reason were collapsed. */
    public static NotificationResponse of(FeedItem item, int repeats) {
        return new NotificationResponse(
                item.id(),
                item.athleteId(),
                item.severity(),
                item.title(),
                item.body(),
                item.reasons(),
                item.recommendedActions(),
                item.createdAt(),
                item.acknowledgedAt(),
                item.sourceEventId(),
                repeats);
    }
}
