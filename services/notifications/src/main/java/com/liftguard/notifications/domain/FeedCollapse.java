package com.liftguard.notifications.domain;

import com.liftguard.events.model.Severity;
import java.time.Duration;

/**
 * When a new item folds into an earlier one of the coach's feed instead of being added
 * ({@code liftguard.notifications.collapse-window}): the same kind of news about the same athlete for the same
 * (first) reason as an unacknowledged, non-urgent item of the window, so a recurring warning does not flood the
 * feed. Urgent items are never folded, nor are items without a reason.
 */
public final class FeedCollapse {
    private FeedCollapse() {}

    /**
     * What repeats share besides coach and athlete: the kind of news and the first reason's code; null when the
     * item has no reason (it never collapses).
     */
    public static String key(String kind, FeedItem item) {
        return item.reasons().isEmpty()
                ? null
                : kind + ":" + item.reasons().get(0).code();
    }

    /** Whether the item may fold into an earlier one at all; {@code window} PT0S turns collapsing off. */
    public static boolean mayFold(FeedItem item, String key, Duration window) {
        return item.severity() != Severity.URGENT && key != null && !window.isZero();
    }

    /**
     * Whether {@code repeat} folds into {@code earlier}, the item its athlete's repeats of the same key last folded
     * into: only while the coach has not acknowledged it and it is no older than the window.
     */
    public static boolean foldsInto(FeedItem repeat, FeedItem earlier, Duration window) {
        return !earlier.acknowledged()
                && !earlier.createdAt().isBefore(repeat.createdAt().minus(window));
    }
}
