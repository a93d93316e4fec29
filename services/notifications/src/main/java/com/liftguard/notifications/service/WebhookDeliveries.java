package com.liftguard.notifications.service;

import com.liftguard.notifications.config.WebhooksConfig;
import com.liftguard.notifications.domain.Webhook;
import com.liftguard.notifications.domain.WebhookBackoff;
import com.liftguard.notifications.domain.WebhookDelivery;
import com.liftguard.notifications.domain.WebhookTargetGuard;
import com.liftguard.notifications.persistence.WebhookDeliveryStore;
import com.liftguard.notifications.persistence.WebhookStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * The webhook deliveries' course, for the dispatcher that POSTs them: claims the due ones, says where each
 * goes, and records each outcome. A 2xx answer delivers; anything else (another status, a timeout, a refused
 * connection) is retried with exponential backoff until the last allowed attempt, after which the delivery is
 * dead-lettered. A target that now resolves to a refused address, or a webhook removed meanwhile, dead-letters
 * it at once: retrying cannot help.
 */
@ApplicationScoped
public class WebhookDeliveries {
    private static final Logger LOG = Logger.getLogger(WebhookDeliveries.class);
    /** Beyond the POST's own timeout: name resolution and the MongoDB writes around it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    @Inject
    WebhooksConfig config;

    @Inject
    WebhookStore webhooks;

    @Inject
    WebhookDeliveryStore deliveries;

    @Inject
    WebhookTargetGuard guard;

    @Inject
    Clock clock;

    private WebhookBackoff backoff;

    /**
     * Where one attempt goes: the secret of the webhook as it is now (a rotated secret signs what was enqueued
     * before) and the address the target guard vetted for this attempt, the only one to connect to.
     */
    public record Target(String secret, InetAddress address) {}

    @PostConstruct
    void start() {
        backoff = new WebhookBackoff(config.initialBackoff(), config.maxBackoff());
    }

    /** Claims up to a batch of due deliveries, each under a lease that keeps other senders off it. */
    public List<WebhookDelivery> claimDue() {
        Instant now = now();
        // a sender that dies keeps its claims only this long; then another instance (or run) retries them
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(2)).plus(LEASE_MARGIN);
        List<WebhookDelivery> claimed = new ArrayList<>();
        while (claimed.size() < config.batchSize()) {
            Optional<WebhookDelivery> next = deliveries.claimDue(now, leaseUntil);
            if (next.isEmpty()) {
                break;
            }
            claimed.add(next.get());
        }
        return claimed;
    }

    /**
     * Where to POST the claimed delivery now; empty when nothing is to be sent: the webhook was removed or its
     * URL is refused now (the delivery is dead-lettered), or the host does not resolve (it is tried again later).
     */
    public Optional<Target> target(WebhookDelivery delivery) {
        Optional<Webhook> webhook = webhooks.find(delivery.tenant(), delivery.coachId());
        if (webhook.isEmpty()) {
            giveUp(delivery, "the coach's webhook was removed");
            return Optional.empty();
        }
        WebhookTargetGuard.Vetted target;
        try {
            target = guard.vet(delivery.url());
        } catch (UnknownHostException e) {
            failed(
                    delivery,
                    "the host does not resolve: " + URI.create(delivery.url()).getHost());
            return Optional.empty();
        }
        if (target.refusal().isPresent()) {
            giveUp(delivery, "url " + target.refusal().get());
            return Optional.empty();
        }
        return Optional.of(new Target(webhook.get().secret(), target.address()));
    }

    /** The receiver answered 2xx. */
    public void delivered(WebhookDelivery delivery) {
        deliveries.delivered(delivery, now());
    }

    /** The attempt failed: the next one after the backoff, or none after the last allowed attempt. */
    public void failed(WebhookDelivery delivery, String error) {
        int failures = delivery.attempts() + 1;
        if (failures >= config.maxAttempts()) {
            giveUp(delivery, error);
            return;
        }
        Instant now = now();
        deliveries.retryLater(
                delivery,
                now,
                now.plus(backoff.delay(failures, ThreadLocalRandom.current().nextDouble())),
                error);
    }

    private void giveUp(WebhookDelivery delivery, String error) {
        if (deliveries.dead(delivery, now(), error)) {
            LOG.warnf(
                    "webhook delivery %s (tenant %s, coach %s) dead-lettered after %d attempt(s): %s",
                    delivery.id(), delivery.tenant(), delivery.coachId(), delivery.attempts() + 1, error);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
