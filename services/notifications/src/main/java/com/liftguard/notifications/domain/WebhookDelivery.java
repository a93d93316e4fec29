package com.liftguard.notifications.domain;

/**
 * One POST to make: a feed item for a coach with a webhook. Its id is the feed item's, sent as
 * {@code Liftguard-Delivery} so that receivers can drop a repeat (delivery is at least once).
 *
 * @param body exactly the bytes (as UTF-8) that are sent and signed
 * @param attempts attempts made before this one
 * @param claim the token of the claim under which this copy was read; completing needs it
 */
public record WebhookDelivery(
        String id, String tenant, String coachId, String url, String body, int attempts, String claim) {

    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }
}
