package com.liftguard.notifications.service;

import com.liftguard.notifications.domain.FeedItem;

/**
 * Fired (synchronously, as a CDI event) each time an item is put on a coach's feed, also when a redelivery
 * finds it already there: observers (the webhook and NotificationCreated outboxes) must be idempotent on
 * {@code item.id()}, and get a second chance after a crash between the feed write and their own.
 *
 * @param added false when the feed already held the item (a replay or a redelivery)
 */
public record FeedItemDelivered(String tenant, FeedItem item, boolean added) {}
