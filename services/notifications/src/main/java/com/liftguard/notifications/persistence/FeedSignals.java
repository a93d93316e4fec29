package com.liftguard.notifications.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes this instance's live streams of a coach as soon as this instance changed the coach's feed, so a
 * new item goes out at once instead of at the next poll; streams still poll MongoDB (every
 * {@code stream-poll-interval}) for changes other instances made.
 */
@ApplicationScoped
public class FeedSignals {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();

    /** The coach's current change count here, to pass to {@link #awaitChange}. */
    public long version(String tenant, String coachId) {
        return versions.getOrDefault(key(tenant, coachId), 0L);
    }

    /** Tells this instance's streams of the coach that its feed changed (after the change is logged). */
    public void changed(String tenant, String coachId) {
        versions.merge(key(tenant, coachId), 1L, Long::sum);
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the coach's feed changed here after {@code seen}, or at most {@code timeout}. */
    public void awaitChange(String tenant, String coachId, long seen, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (version(tenant, coachId) == seen && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    private static String key(String tenant, String coachId) {
        return tenant + ":" + coachId;
    }
}
