package com.liftguard.notifications.service;

import com.liftguard.events.serde.Json;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.WebhookDelivery;
import com.liftguard.notifications.persistence.WebhookDeliveryStore;
import com.liftguard.notifications.persistence.WebhookStore;
import com.liftguard.notifications.wire.NotificationResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Enqueues a webhook delivery for every feed item of a coach who has a webhook. It runs inside the
 * consumer that put the item on the feed, so a failure here fails (and redelivers) the event rather than
 * losing the POST; and since redeliveries of items already on the feed come through here too, an enqueue
 * a crash interrupted is completed then. The delivery id is the item's: a second enqueue is a no-op.
 */
@ApplicationScoped
public class WebhookOutbox {
    @Inject
    WebhookStore webhooks;

    @Inject
    WebhookDeliveryStore deliveries;

    @Inject
    Clock clock;

    void on(@Observes FeedItemDelivered e) {
        FeedItem item = e.item();
        webhooks.find(e.tenant(), item.coachId())
                .ifPresent(webhook -> deliveries.enqueue(
                        new WebhookDelivery(item.id(), e.tenant(), item.coachId(), webhook.url(), body(item), 0, null),
                        clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** The item as the feed shows it (docs/api.md, Notifications). */
    static String body(FeedItem item) {
        return Json.write(NotificationResponse.of(item));
    }
}
