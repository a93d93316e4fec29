package com.liftguard.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.liftguard.events.Event;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.Topics;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What {@link Outbox#append} stores, read back from the database in the appending transaction (rolled back after). */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class OutboxTest {
    @Inject
    Outbox outbox;

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Test
    void appendTakesPartInTheCallersTransactionAndRefusesToRunWithoutOne() {
        Event<RosterChanged> event = TestEvents.roster(TestEvents.athlete(), "Ann");

        assertThrows(TransactionalException.class, () -> outbox.append(event));

        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("eventId", event.id())));
    }

    @Test
    void aRowHoldsTheEventAsItsRecordWillAndIsDatedByTheClock() {
        Instant now = Instant.parse("2026-03-02T09:15:30Z");
        clock.set(now);
        String athlete = TestEvents.athlete();
        Event<RosterChanged> event = TestEvents.roster(athlete, "Ann");

        OutboxRecord row = appendAndReadBack(event);

        assertEquals(event.id(), row.eventId);
        assertEquals("com.liftguard.roster.changed.v1", row.eventType);
        assertEquals(Topics.ROSTER, row.topic);
        assertEquals(TestEvents.TENANT + ":" + athlete, row.recordKey);
        assertEquals(EventCodec.encode(event), row.payload);
        assertEquals(now, row.createdAt, "the clock's time, not the event's");
        assertNull(row.traceContext, "no trace was current");
    }

    @Test
    void theTraceOfTheAppendingTransactionIsStoredWithTheRow() {
        Event<RosterChanged> event = TestEvents.roster(TestEvents.athlete(), "Ann");
        AtomicReference<OutboxRecord> row = new AtomicReference<>();

        TestTracing.within(() -> row.set(appendAndReadBack(event)));

        assertEquals(
                "traceparent=" + TestTracing.TRACEPARENT + "\ntracestate=" + TestTracing.TRACESTATE + "\n",
                row.get().traceContext);
    }

    /** Appends in a transaction, reads the row from the database (not the persistence context), rolls back. */
    private OutboxRecord appendAndReadBack(Event<?> event) {
        OutboxRecord row = RolledBack.call(() -> {
            outbox.append(event);
            entityManager.flush();
            entityManager.clear();
            return OutboxRecord.<OutboxRecord>find("eventId", event.id()).singleResult();
        });
        assertEquals(
                0L,
                QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("eventId", event.id())),
                "rolled back");
        return row;
    }
}
