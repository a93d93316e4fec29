package com.liftguard.notifications.domain;

/**
 * One change of a coach's feed, at its sequence number, with the item as it is now; {@code item} is null
 * when a later change of the same item superseded this one (the live stream sends the item at that one).
 *
 * @param repeats how many events the item stands for (1 unless repeats were collapsed into it)
 */
public record FeedChange(FeedItem item, long seq, int repeats) {}
