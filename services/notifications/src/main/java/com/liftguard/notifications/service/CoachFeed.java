package com.liftguard.notifications.service;

import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.FeedPosition;
import com.liftguard.notifications.persistence.FeedStore;
import com.liftguard.notifications.persistence.RosterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A coach's feed as the coach reads it: page by page, and acknowledged item by item. */
@ApplicationScoped
public class CoachFeed {
    @Inject
    FeedStore feed;

    @Inject
    RosterStore rosters;

    @Inject
    Clock clock;

    /**
     * One page of the feed: its items in the order a coach reads them ({@link FeedItem#ATTENTION_FIRST}), how
     * many events each stands for, and where the next page starts (null at the end of the feed).
     */
    public record Page(List<FeedItem> items, Map<String, Integer> repeats, FeedPosition next) {
        /** How many events the item stands for (1 unless repeats were collapsed into it). */
        public int repeatsOf(FeedItem item) {
            return repeats.getOrDefault(item.id(), 1);
        }
    }

    /**
     * Up to {@code size} items after {@code after} (from the newest when null), cut newest first; empty when the
     * tenant has no such coach.
     */
    public Optional<Page> page(String tenant, String coachId, FeedPosition after, int size) {
        // one more than the page, to know whether another page follows
        List<FeedItem> items = feed.page(tenant, coachId, after, size + 1);
        if (items.isEmpty() && !exists(tenant, coachId)) {
            return Optional.empty();
        }
        FeedPosition next = null;
        if (items.size() > size) {
            items = items.subList(0, size);
            next = FeedPosition.of(items.get(size - 1));
        }
        Map<String, Integer> repeats =
                feed.repeats(tenant, coachId, items.stream().map(FeedItem::id).toList());
        return Optional.of(
                new Page(items.stream().sorted(FeedItem.ATTENTION_FIRST).toList(), repeats, next));
    }

    /** Whether the tenant knows the coach: some athlete's roster names them, or their feed holds an item. */
    public boolean exists(String tenant, String coachId) {
        return feed.hasAny(tenant, coachId) || rosters.followsAnyone(tenant, coachId);
    }

    /**
     * Marks the item acknowledged now unless it already was (the first acknowledgement's time stays); empty
     * when the coach has no such item.
     */
    public Optional<FeedItem> acknowledge(String tenant, String coachId, String id) {
        return feed.acknowledge(tenant, coachId, id, clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }
}
