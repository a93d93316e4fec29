package com.liftguard.notifications.service;

/**
 * Fired (synchronously, as a CDI event) once a NotificationCreated is in the outbox, so that the relay sends
 * it at once rather than at its next poll.
 */
public record NotificationQueued(String eventId) {}
