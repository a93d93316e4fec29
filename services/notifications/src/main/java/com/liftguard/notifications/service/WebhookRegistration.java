package com.liftguard.notifications.service;

import com.liftguard.notifications.domain.Webhook;
import com.liftguard.notifications.persistence.WebhookStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** A coach's webhook: set (replacing any earlier one), read and removed. The URL is vetted before it comes here. */
@ApplicationScoped
public class WebhookRegistration {
    @Inject
    WebhookStore webhooks;

    @Inject
    Clock clock;

    /** Stores the coach's webhook now; deliveries still pending go to it and are signed with its secret. */
    public Webhook put(String tenant, String coachId, String url, String secret) {
        Webhook webhook =
                new Webhook(tenant, coachId, url, secret, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        webhooks.put(webhook);
        return webhook;
    }

    public Optional<Webhook> find(String tenant, String coachId) {
        return webhooks.find(tenant, coachId);
    }

    /** False when the coach had none. Deliveries not yet made are then given up when their turn comes. */
    public boolean delete(String tenant, String coachId) {
        return webhooks.delete(tenant, coachId);
    }
}
