package com.liftguard.notifications.api;

import com.liftguard.notifications.domain.Webhook;
import java.time.Instant;

/** A coach's webhook as answered: never with its secret. */
public record WebhookResponse(String coachId, String url, Instant updatedAt) {

    static WebhookResponse of(Webhook webhook) {
        return new WebhookResponse(webhook.coachId(), webhook.url(), webhook.updatedAt());
    }
}
