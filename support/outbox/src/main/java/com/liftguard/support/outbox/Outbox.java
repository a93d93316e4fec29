package com.liftguard.support.outbox;

import com.liftguard.events.Event;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.support.messaging.TraceHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Appends events to the outbox table in the caller's transaction; the relay publishes them after commit. */
@ApplicationScoped
public class Outbox {
    @Inject
    jakarta.enterprise.event.Event<OutboxAppended> appended;

    @Inject
    TraceHeaders traceHeaders;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(Event<?> event) {
        OutboxRecord record = new OutboxRecord();
        record.eventId = event.id();
        record.eventType = event.type();
        record.topic = event.eventType().topic();
        record.recordKey = event.key();
        record.payload = EventCodec.encode(event);
        record.createdAt = Instant.now();
        // the trace of the change that produced the event continues in whoever consumes it
        record.traceContext = TraceHeaders.encode(traceHeaders.current());
        record.persist();
        appended.fire(new OutboxAppended());
    }

    /** Fired on append; observed after commit so the relay starts at once instead of at its next poll. */
    public record OutboxAppended() {
    }
}
