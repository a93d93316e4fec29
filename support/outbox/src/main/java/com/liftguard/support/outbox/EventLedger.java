package com.liftguard.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/**
 * Idempotent consumption: a consumer calls {@link #firstTime(String)} inside the transaction of its
 * change and skips the event when it returns false. Two concurrent deliveries of one event race on the
 * primary key; the loser's transaction rolls back and its redelivery then finds the entry.
 */
@ApplicationScoped
public class EventLedger {
    private final Clock clock;

    public EventLedger() {
        this(Clock.systemUTC());
    }

    EventLedger(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        if (ProcessedEvent.findById(eventId) != null) {
            return false;
        }
        ProcessedEvent entry = new ProcessedEvent();
        entry.eventId = eventId;
        entry.processedAt = Instant.now(clock);
        entry.persist();
        return true;
    }
}
