package com.liftguard.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class EventLedgerTest {
    @Inject
    EventLedger ledger;

    @Inject
    @PersistenceUnitExtension
    StatementLog statements;

    @Inject
    TestClock clock;

    @Inject
    EntityManager entityManager;

    @Test
    void anEventIsNewTheFirstTimeOnlyAndOnlyInsideATransaction() {
        String event = id();

        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(ledger.firstTime(event));
            assertFalse(ledger.firstTime(event), "again in the same transaction");
        });
        QuarkusTransaction.requiringNew().run(() -> assertFalse(ledger.firstTime(event), "in a later transaction"));

        assertThrows(TransactionalException.class, () -> ledger.firstTime(id()));
    }

    @Test
    void aPreloadIsOneQueryAndTheFirstTimeCallsOfItsIdsAskTheDatabaseNothing() {
        String seen = id();
        String fresh = id();
        String other = id();
        QuarkusTransaction.requiringNew().run(() -> assertTrue(ledger.firstTime(seen)));

        QuarkusTransaction.requiringNew().run(() -> {
            statements.start();
            ledger.preload(List.of(seen, fresh, other));
            List<String> preload = statements.stop();
            assertEquals(1, preload.size(), "one query for the batch: " + preload);
            assertTrue(preload.get(0).contains("processed_event"), preload.get(0));

            statements.start();
            assertFalse(ledger.firstTime(seen), "processed in an earlier transaction");
            assertTrue(ledger.firstTime(fresh));
            assertTrue(ledger.firstTime(other));
            assertEquals(List.of(), statements.stop(), "answered from what the preload read");

            statements.start();
            assertTrue(ledger.firstTime(id()));
            assertEquals(1, statements.stop().size(), "an id the batch did not ask about is read on its own");
        });

        QuarkusTransaction.requiringNew().run(() -> {
            assertFalse(ledger.firstTime(fresh), "recorded when the batch committed");
            assertFalse(ledger.firstTime(other));
        });
    }

    @Test
    void aPreloadOfMoreIdsThanOneQueryTakesIsReadInParts() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i <= EventLedger.PRELOAD_CHUNK; i++) {
            ids.add(id());
        }
        QuarkusTransaction.requiringNew().run(() -> assertTrue(ledger.firstTime(ids.getLast())));

        QuarkusTransaction.requiringNew().run(() -> {
            statements.start();
            ledger.preload(ids);
            assertEquals(2, statements.stop().size());

            statements.start();
            assertFalse(ledger.firstTime(ids.getLast()), "found by the second query, whichever part it was in");
            assertTrue(ledger.firstTime(ids.getFirst()));
            assertEquals(List.of(), statements.stop());
        });
    }

    @Test
    void theSameEventTwiceInOneBatchIsAppliedOnce() {
        String event = id();

        QuarkusTransaction.requiringNew().run(() -> {
            ledger.preload(List.of(event, event));
            assertTrue(ledger.firstTime(event));
            // as BatchConsumption does after each event: the persistence context no longer knows the entry
            entityManager.flush();
            entityManager.clear();
            assertFalse(ledger.firstTime(event));
        });

        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.count("eventId", event)));
    }

    @Test
    void anEntryIsDatedByTheClock() {
        Instant now = Instant.parse("2026-02-03T04:05:06Z");
        clock.set(now);
        String event = id();

        QuarkusTransaction.requiringNew().run(() -> assertTrue(ledger.firstTime(event)));

        ProcessedEvent entry = QuarkusTransaction.requiringNew().call(() -> ProcessedEvent.findById(event));
        assertEquals(now, entry.processedAt);
    }

    private static String id() {
        return "ledger-test-" + UUID.randomUUID();
    }
}
