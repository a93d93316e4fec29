package com.liftguard.notifications.api;

import com.liftguard.notifications.wire.NotificationResponse;
import java.util.List;

/**
 * One page of a coach's feed.
 *
 * @param nextCursor the {@code after} of the next page; null when this page reaches the end of the feed
 */
public record FeedPage(List<NotificationResponse> items, String nextCursor) {}
