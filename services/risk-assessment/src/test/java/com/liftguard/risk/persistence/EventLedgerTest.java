package com.liftguard.risk.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.support.outbox.EventLedger;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The processed-event ledger on the service's own database, as a batch of events uses it. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class EventLedgerTest {
    @Inject
    EventLedger ledger;

    @Test
    void aPreloadedBatchSkipsWhatWasProcessedAndRecordsEachNewEventOnce() {
        String seen = id();
        String fresh = id();
        String notAsked = id();
        QuarkusTransaction.requiringNew().run(() -> assertTrue(ledger.firstTime(seen)));

        QuarkusTransaction.requiringNew().run(() -> {
            ledger.preload(List.of(seen, fresh, fresh));
            assertFalse(ledger.firstTime(seen), "processed in an earlier transaction");
            assertTrue(ledger.firstTime(fresh));
            assertFalse(ledger.firstTime(fresh), "the same event twice in one batch is applied once");
            assertTrue(ledger.firstTime(notAsked), "an id the batch did not ask about is read on its own");
            assertFalse(ledger.firstTime(notAsked));
        });

        QuarkusTransaction.requiringNew().run(() -> {
            ledger.preload(List.of(fresh, notAsked));
            assertFalse(ledger.firstTime(fresh), "recorded by the committed batch");
            assertFalse(ledger.firstTime(notAsked));
        });
    }

    @Test
    void aRolledBackBatchLeavesItsEventsToBeProcessedAgain() {
        String event = id();
        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    ledger.preload(List.of(event));
                    assertTrue(ledger.firstTime(event));
                    throw new IllegalStateException("the batch failed");
                }));
        QuarkusTransaction.requiringNew().run(() -> {
            ledger.preload(List.of(event));
            assertTrue(ledger.firstTime(event));
        });
    }

    @Test
    void aBatchOfMoreIdsThanOneQueryTakesIsReadInParts() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_201; i++) {
            ids.add(id());
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < ids.size(); i += 3) {
                ledger.firstTime(ids.get(i));
            }
        });
        QuarkusTransaction.requiringNew().run(() -> {
            ledger.preload(ids);
            int applied = 0;
            for (String id : ids) {
                applied += ledger.firstTime(id) ? 1 : 0;
            }
            assertEquals(ids.size() - (ids.size() + 2) / 3, applied, "every id not processed before, and only those");
        });
    }

    private static String id() {
        return "ledger-test-" + UUID.randomUUID();
    }
}
