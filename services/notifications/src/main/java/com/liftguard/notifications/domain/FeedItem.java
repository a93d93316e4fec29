package com.liftguard.notifications.domain;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One notification on one coach's feed.
 *
 * @param createdAt when the item was put on this coach's feed; feeds are read newest first, so an item
 *     that reaches a coach late (a roster change) appears on top instead of behind a reader's cursor
 * @param acknowledgedAt null until the coach acknowledges it
 */
public record FeedItem(
        String id,
        String coachId,
        String athleteId,
        Severity severity,
        String title,
        String body,
        List<Reason> reasons,
        List<String> recommendedActions,
        Instant createdAt,
        Instant acknowledgedAt,
        String sourceEventId) {

    /** Feed order, the order pages are cut in: newest first, the id breaking ties of the same instant. */
    public static final Comparator<FeedItem> NEWEST_FIRST = Comparator.comparing(FeedItem::createdAt)
            .thenComparing(FeedItem::id)
            .reversed();

    /**
     * The order within one page: what still needs the coach, most severe first; then what they have
     * already acknowledged; newest first within each.
     */
    public static final Comparator<FeedItem> ATTENTION_FIRST = Comparator.comparing(FeedItem::acknowledged)
            .thenComparing(item -> item.acknowledged() ? Severity.INFO : item.severity())
            .thenComparing(NEWEST_FIRST);

    public FeedItem {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
