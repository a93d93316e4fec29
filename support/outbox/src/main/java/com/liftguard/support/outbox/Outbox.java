package com.liftguard.support.outbox;

import com.liftguard.events.Event;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.support.messaging.TraceHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Appends events to the outbox table in the caller's transaction; the relay publishes them after commit. The
 * first append of a transaction asks for one relay run once it commits (a batch's hundreds of appends make
 * one request, not one each).
 */
@ApplicationScoped
public class Outbox {
    /** The transaction's resource key: present once its after-commit request is registered. */
    private static final Object DRAIN_REQUESTED = new Object();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    TraceHeaders traceHeaders;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Event<?> event) {
        OutboxRecord record = new OutboxRecord();
        record.eventId = event.id();
        record.eventType = event.type();
        record.topic = event.eventType().topic();
        record.recordKey = event.key();
        record.payload = EventCodec.encode(event);
        record.createdAt = clock.instant();
        // the trace of the change that produced the event continues in whoever consumes it
        record.traceContext = TraceHeaders.encode(traceHeaders.current());
        record.persist();
        if (transactions.getResource(DRAIN_REQUESTED) == null) {
            transactions.putResource(DRAIN_REQUESTED, Boolean.TRUE);
            // after commit, so the relay starts at once instead of at its next poll (and not at all on rollback)
            afterCommit.run(relay::requestDrain);
        }
    }
}
