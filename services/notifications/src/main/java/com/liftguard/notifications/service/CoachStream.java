package com.liftguard.notifications.service;

import com.liftguard.notifications.domain.FeedChange;
import com.liftguard.notifications.persistence.FeedSignals;
import com.liftguard.notifications.persistence.FeedStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;

/**
 * What a coach's live stream reads: the coach's change log in MongoDB (so it sees the writes of every
 * instance), and this instance's signal that it just changed the coach's feed (so it need not wait for a poll).
 */
@ApplicationScoped
public class CoachStream {
    @Inject
    FeedStore feed;

    @Inject
    FeedSignals signals;

    /** The coach's latest sequence number (0 before any change). */
    public long lastSeq(String tenant, String coachId) {
        return feed.lastSeq(tenant, coachId);
    }

    /**
     * The coach's changes after {@code afterSeq} among the next {@code limit} numbers, in sequence order. A
     * number without an entry is missing: a change still being written, or one that never completed.
     */
    public List<FeedChange> changedAfter(String tenant, String coachId, long afterSeq, int limit) {
        return feed.changedAfter(tenant, coachId, afterSeq, limit);
    }

    /** The coach's current change count here, to pass to {@link #awaitChange}. */
    public long version(String tenant, String coachId) {
        return signals.version(tenant, coachId);
    }

    /** Waits until this instance changed the coach's feed after {@code seen}, or at most {@code timeout}. */
    public void awaitChange(String tenant, String coachId, long seen, Duration timeout) throws InterruptedException {
        signals.awaitChange(tenant, coachId, seen, timeout);
    }
}
