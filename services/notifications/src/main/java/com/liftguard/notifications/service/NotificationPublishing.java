package com.liftguard.notifications.service;

import com.liftguard.notifications.domain.OutboxEntry;
import com.liftguard.notifications.persistence.PublicationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The NotificationCreated outbox as its writer ({@link NotificationOutbox}) and its relay see it: what is waiting,
 * in write order, and what the broker acknowledged (remembered as published, then taken out).
 */
@ApplicationScoped
public class NotificationPublishing {
    @Inject
    PublicationStore publications;

    @Inject
    Event<NotificationQueued> queued;

    @Inject
    Clock clock;

    /** Whether the event went out already (within the published retention). */
    public boolean published(String eventId) {
        return publications.published(eventId);
    }

    /** Puts the event in the outbox (a no-op when it is waiting already) and tells the relay. */
    public void queue(OutboxEntry entry) {
        publications.enqueue(entry, now());
        queued.fire(new NotificationQueued(entry.eventId()));
    }

    /** The oldest waiting events, oldest first. */
    public List<OutboxEntry> oldest(int limit) {
        return publications.oldest(limit);
    }

    /** The broker acknowledged these. */
    public void sent(List<String> eventIds) {
        publications.sent(eventIds, now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
