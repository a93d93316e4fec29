package com.liftguard.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What every flow test does with a topic, through KafkaCompanion: put a record of one key on it, and read back exactly
 * that key's records from the topic's beginning. The reader first reads up to what the topic held when it joined (so
 * that "none" means none, not "none yet"), waits for the expected records, then for a quiet moment in which no further
 * one (a duplicate) follows.
 */
public final class KeyedRecords {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(700);

    private KeyedRecords() {}

    public static void send(KafkaCompanion kafka, String topic, String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, key, value))
                .awaitCompletion(ARRIVAL);
    }

    /** Exactly {@code expected} records of {@code key} on {@code topic}, in their order; fails on fewer or more. */
    public static List<ConsumerRecord<String, String>> exactly(
            KafkaCompanion kafka, String topic, String key, int expected) {
        try (ConsumerBuilder<String, String> consumer = kafka.consumeStrings();
                ConsumerTask<String, String> mine =
                        consumer.fromTopics(topic, records -> records.select().where(r -> key.equals(r.key())))) {
            Set<TopicPartition> partitions =
                    consumer.waitForAssignment().await().atMost(ARRIVAL);
            Map<TopicPartition, Long> ends = new HashMap<>();
            for (TopicPartition p : partitions) {
                ends.put(p, kafka.offsets().get(p, OffsetSpec.latest()).offset());
            }
            await().atMost(ARRIVAL).until(() -> readUpTo(consumer.position(), ends) && mine.count() >= expected);
            await().during(QUIET)
                    .atMost(QUIET.plus(ARRIVAL))
                    .untilAsserted(() -> assertEquals(
                            expected,
                            mine.count(),
                            () -> "records of " + key + " on " + topic + ": "
                                    + mine.stream().map(ConsumerRecord::value).toList()));
            return List.copyOf(mine.getRecords());
        }
    }

    private static boolean readUpTo(Map<TopicPartition, OffsetAndMetadata> positions, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> {
            OffsetAndMetadata at = positions.get(e.getKey());
            return at != null && at.offset() >= e.getValue();
        });
    }
}
