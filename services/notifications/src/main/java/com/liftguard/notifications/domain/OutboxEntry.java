package com.liftguard.notifications.domain;

import java.util.Map;

/**
 * A NotificationCreated event waiting in the outbox to be published: its id, record key, CloudEvent JSON
 * and the trace headers of the work that wrote it.
 */
public record OutboxEntry(String eventId, String key, String value, Map<String, String> trace) {}
