package com.liftguard.notifications.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A place in a coach's feed, newest first: the items after it are those created earlier, or at the same
 * instant with a smaller id. Items inserted later land before every position already handed out, so a
 * reader paging with positions never skips or repeats an item.
 */
public record FeedPosition(Instant createdAt, String id) {
    public FeedPosition {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }

    public static FeedPosition of(FeedItem item) {
        return new FeedPosition(item.createdAt(), item.id());
    }
}
