package com.liftguard.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class BatchConsumptionTest {
    /** Transactions over a list: a change's appends are kept only when it returns. */
    private final List<String> committed = new ArrayList<>();

    private final List<String> staged = new ArrayList<>();
    private final List<String> transactions = new ArrayList<>();
    private final Map<Long, String> deadLetters = new LinkedHashMap<>();
    private int afterEach;
    private final List<List<String>> batchesSeen = new ArrayList<>();

    private final BatchConsumption.Transactions tx = (what, change) -> {
        transactions.add(what);
        staged.clear();
        change.run();
        committed.addAll(staged);
        staged.clear();
    };

    /** Payloads are "key:value"; "poison" does not decode; "bad" is rejected by the handler. */
    private void apply(RuntimeException onBad, String... payloads) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            list.add(new ConsumerRecord<>("topic", 0, i, "k", payloads[i]));
        }
        ConsumerRecords<String, String> records =
                new ConsumerRecords<>(Map.of(new TopicPartition("topic", 0), list), Map.of());
        BatchConsumption.apply(
                "channel",
                records,
                payload -> {
                    if (payload.equals("poison")) {
                        throw new IllegalArgumentException("not an event");
                    }
                    return payload;
                },
                event -> event.substring(0, event.indexOf(':')),
                events -> batchesSeen.add(List.copyOf(events)),
                (record, event) -> {
                    if (event.endsWith(":bad")) {
                        throw onBad;
                    }
                    staged.add(event);
                },
                tx,
                () -> afterEach++,
                (record, failure) -> deadLetters.put(record.offset(), failure.getMessage()));
    }

    @Test
    void aPollIsOneTransactionWithEachKeyInArrivalOrderAndKeysInOrder() {
        apply(null, "b:1", "a:1", "b:2", "a:2", "c:1");
        assertEquals(List.of("a:1", "a:2", "b:1", "b:2", "c:1"), committed);
        assertEquals(List.of("channel: batch of 5"), transactions);
        assertEquals(5, afterEach, "the persistence context is cleared after every event");
        assertEquals(
                List.of(List.of("a:1", "a:2", "b:1", "b:2", "c:1")),
                batchesSeen,
                "the batch's events are announced once, in the order they are applied, before any is applied");
        assertTrue(deadLetters.isEmpty());
    }

    @Test
    void anUndecodableRecordGoesToTheDeadLettersAndTheRestIsApplied() {
        apply(null, "a:1", "poison", "a:2");
        assertEquals(List.of("a:1", "a:2"), committed);
        assertEquals(Map.of(1L, "not an event"), deadLetters);
        assertEquals(1, transactions.size());
    }

    @Test
    void anEventTheHandlerRejectsFailsAloneAndEveryOtherEventIsAppliedOnce() {
        apply(new IllegalStateException("rejected"), "a:1", "b:bad", "c:1", "a:2");
        assertEquals(List.of("a:1", "a:2", "c:1"), committed, "the failed batch's changes are not kept");
        assertEquals(Map.of(1L, "rejected"), deadLetters);
        // the batch, then one transaction per event
        assertEquals(5, transactions.size(), transactions.toString());
    }

    @Test
    void aTransientFailureThatOutlastsTheRetriesIsThrownToTheChannel() {
        RuntimeException down = new RuntimeException(new SQLTransientConnectionException("database down"));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> apply(down, "a:1", "a:bad"));
        assertSame(down, thrown);
        assertTrue(committed.isEmpty());
        assertTrue(deadLetters.isEmpty(), "nothing is dead-lettered for a database outage");
    }

    @Test
    void aSingleEventIsOneTransactionOfItsOwn() {
        apply(null, "a:1");
        assertEquals(List.of("a:1"), committed);
        assertEquals(List.of("channel topic-0@0"), transactions);
        assertTrue(batchesSeen.isEmpty(), "a single event reads the ledger itself");
    }

    @Test
    void aPollOfOnlyPoisonRunsNoTransaction() {
        apply(null, "poison", "poison");
        assertTrue(transactions.isEmpty());
        assertEquals(2, deadLetters.size());
    }
}
