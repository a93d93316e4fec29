package com.liftguard.infra;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What flow tests do with topics: put a record on one, and read back exactly the records of one key,
 * waiting for them to arrive and then for a quiet spell in which no further one (a duplicate) follows.
 */
public final class TopicProbe implements AutoCloseable {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofMillis(700);

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public TopicProbe(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    public void send(String topic, String key, String value) {
        send(topic, key, value, Map.of());
    }

    public void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /**
     * Every record of {@code key} on {@code topic} from its beginning, once there are {@code expected} and
     * no more have followed for a moment; fails when they do not arrive in time or more arrive.
     */
    public List<ConsumerRecord<String, String>> awaitExactly(String topic, String key, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            long deadline = System.nanoTime() + ARRIVAL.toNanos();
            // a topic nobody has written to yet may still be being created
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, ARRIVAL);
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                sleepBriefly();
                partitions = consumer.partitionsFor(topic, ARRIVAL);
            }
            if (partitions.isEmpty()) {
                if (expected == 0) {
                    return List.of();
                }
                throw new AssertionError("topic " + topic + " does not exist after " + ARRIVAL);
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            List<ConsumerRecord<String, String>> mine = new ArrayList<>();
            long quietSince = -1;
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    if (key.equals(r.key())) {
                        mine.add(r);
                        quietSince = -1;
                    }
                }
                if (mine.size() > expected) {
                    throw new AssertionError("expected " + expected + " records of " + key + " on " + topic
                            + " but got " + mine.size() + ": " + mine.stream().map(ConsumerRecord::value).toList());
                }
                if (mine.size() == expected) {
                    if (quietSince < 0) {
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                        return mine;
                    }
                } else if (System.nanoTime() > deadline) {
                    throw new AssertionError("expected " + expected + " records of " + key + " on " + topic
                            + " within " + ARRIVAL + " but got " + mine.size());
                }
            }
        }
    }

    private static void sleepBriefly() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
