package com.liftguard.notifications.service;

import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.NotificationCreated;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.OutboxEntry;
import com.liftguard.support.messaging.TraceHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Publishes a NotificationCreated for every item put on a coach's feed (a collapsed repeat is not a new
 * notification: no event). Like the webhook outbox it runs inside the consumer that wrote the item, before
 * the consumed offset is committed, so a crash between the feed write and this one is completed by the
 * redelivery. The event id is derived from the item's id: a platform drops an event it has already seen,
 * and it only sees one again if a crash fell between the broker's acknowledgement and the relay's marker.
 */
@ApplicationScoped
public class NotificationOutbox {
    static final String SOURCE = "/notifications";

    @Inject
    NotificationPublishing publishing;

    @Inject
    TraceHeaders traceHeaders;

    void on(@Observes FeedItemDelivered e) {
        FeedItem item = e.item();
        String eventId = eventId(e.tenant(), item);
        // an item this delivery added was never published; one that was there already may have been (a roster
        // change or a redelivery brought it again)
        if (!e.added() && publishing.published(eventId)) {
            return;
        }
        Event<NotificationCreated> event = Event.of(eventId, SOURCE, e.tenant(), created(item), item.createdAt());
        publishing.queue(new OutboxEntry(eventId, event.key(), EventCodec.encode(event), traceHeaders.current()));
    }

    static String eventId(String tenant, FeedItem item) {
        return EventIds.derive("notification-created", tenant, item.id());
    }

    static NotificationCreated created(FeedItem item) {
        return new NotificationCreated(
                item.id(),
                item.coachId(),
                item.athleteId(),
                item.severity(),
                item.title(),
                item.body(),
                item.reasons(),
                item.recommendedActions(),
                item.sourceEventId(),
                item.createdAt());
    }
}
