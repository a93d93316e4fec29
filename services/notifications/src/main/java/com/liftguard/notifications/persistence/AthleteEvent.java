package com.liftguard.notifications.persistence;

import com.liftguard.notifications.domain.Notification;
import java.time.Instant;

/**
 * A composed notification as stored for its athlete, whether or not any coach followed the athlete yet.
 *
 * @param receivedAt when this service first received the event; the recent-window counts from it
 */
public record AthleteEvent(String tenant, String sourceEventId, Notification notification, Instant receivedAt) {}
