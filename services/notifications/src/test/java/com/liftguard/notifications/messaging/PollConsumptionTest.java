package com.liftguard.notifications.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class PollConsumptionTest {
    private final List<List<String>> together = new ArrayList<>();
    private final List<String> each = new ArrayList<>();
    private final Map<Long, String> deadLetters = new LinkedHashMap<>();
    private final List<Integer> pauses = new ArrayList<>();
    /** How many more times the store fails: in the bulk write while positive, then in "flaky" events. */
    private int bulkFailures;

    private int eventFailures;

    private static MongoSocketReadException storeDown() {
        return new MongoSocketReadException("connection reset", new ServerAddress());
    }

    /** Payloads: "poison" does not decode; "bad" is rejected by the handler; "flaky" meets a store failure. */
    private void apply(String... payloads) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            list.add(new ConsumerRecord<>("topic", 0, i, "k", payloads[i]));
        }
        PollConsumption.apply(
                "channel",
                new ConsumerRecords<>(Map.of(new TopicPartition("topic", 0), list), Map.of()),
                payload -> {
                    if (payload.equals("poison")) {
                        throw new IllegalArgumentException("not an event");
                    }
                    return payload;
                },
                events -> {
                    if (bulkFailures > 0) {
                        bulkFailures--;
                        throw storeDown();
                    }
                    together.add(List.copyOf(events));
                },
                (record, event) -> {
                    if (event.equals("bad")) {
                        throw new IllegalStateException("rejected");
                    }
                    if (event.equals("flaky") && eventFailures > 0) {
                        eventFailures--;
                        throw storeDown();
                    }
                    each.add(event);
                },
                (record, failure) -> deadLetters.put(record.offset(), failure.getMessage()),
                pauses::add);
    }

    @Test
    void thePollIsWrittenTogetherOnceThenEachEventInRecordOrder() {
        apply("a", "b", "c");
        assertEquals(List.of(List.of("a", "b", "c")), together);
        assertEquals(List.of("a", "b", "c"), each);
        assertEquals(Map.of(), deadLetters);
    }

    @Test
    void unreadableAndRejectedRecordsGoToTheDeadLettersAndTheRestIsApplied() {
        apply("a", "poison", "bad", "c");
        assertEquals(
                List.of(List.of("a", "bad", "c")), together, "a rejected event is only known to be bad when applied");
        assertEquals(List.of("a", "c"), each);
        assertEquals(Map.of(1L, "not an event", 2L, "rejected"), deadLetters);
    }

    @Test
    void aPollOfPoisonOnlyWritesNothing() {
        apply("poison");
        assertEquals(List.of(), together);
        assertEquals(Map.of(0L, "not an event"), deadLetters);
    }

    @Test
    void aStoreFailureIsRetriedFromWhereItFailedWithoutRepeatingWhatWasDone() {
        bulkFailures = 1;
        eventFailures = 2;
        apply("a", "flaky", "bad", "c");
        assertEquals(List.of(List.of("a", "flaky", "bad", "c")), together, "written together once it succeeded");
        assertEquals(List.of("a", "flaky", "c"), each, "each event applied once");
        assertEquals(Map.of(2L, "rejected"), deadLetters, "a valid event is never dead-lettered for a store failure");
        assertEquals(List.of(1, 2, 3), pauses);
    }

    @Test
    void aStoreFailureThatOutlastsTheRetriesGoesOnToTheChannelsFailureStrategy() {
        bulkFailures = PollConsumption.RETRIES + 1;
        assertThrows(MongoSocketReadException.class, () -> apply("a", "b"));
        assertEquals(PollConsumption.RETRIES, pauses.size());
        assertEquals(List.of(), each);
        assertEquals(Map.of(), deadLetters);
    }
}
