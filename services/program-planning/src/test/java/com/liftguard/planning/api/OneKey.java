package com.liftguard.planning.api;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * What the flow tests do with a topic, through KafkaCompanion: put a record of one key on it, and read back exactly
 * that key's records from the topic's beginning, waiting for them to arrive and then for a quiet moment in which no
 * further one (a duplicate) follows.
 */
final class OneKey {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(700);

    private OneKey() {}

    static void send(KafkaCompanion kafka, String topic, String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, key, value))
                .awaitCompletion(ARRIVAL);
    }

    static List<ConsumerRecord<String, String>> exactly(KafkaCompanion kafka, String topic, String key, int expected) {
        try (ConsumerTask<String, String> records =
                kafka.consumeStrings().fromTopics(topic, all -> all.filter(r -> key.equals(r.key())))) {
            records.awaitRecords(expected, ARRIVAL);
            await().during(QUIET)
                    .atMost(QUIET.multipliedBy(4))
                    .failFast(
                            "more than " + expected + " records of " + key + " on " + topic,
                            () -> records.count() > expected)
                    .until(() -> records.count() == expected);
            return records.getRecords();
        }
    }
}
