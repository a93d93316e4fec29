package com.liftguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static RecordMetadata produce(String bootstrap, String topic, String key, String value) throws Exception {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                "true",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName()))) {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> consumeOne(String bootstrap, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> got = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (got.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            }
            return got;
        }
    }

    private static int partitions(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic)
                    .partitions()
                    .size();
        }
    }

    @Test
    void aRecordProducedWithAcksAllIsConsumedBackFromAnAutoCreatedTopic() throws Exception {
        long t0 = System.nanoTime();
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        System.out.printf("KafkaBroker.shared() returned after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertTrue(bootstrap.matches("127\\.0\\.0\\.1:\\d+"), bootstrap);

        String topic = "auto-" + UUID.randomUUID();
        produce(bootstrap, topic, "acme:a1", "hello");

        List<ConsumerRecord<String, String>> got = consumeOne(bootstrap, topic);
        assertEquals(1, got.size());
        assertEquals("acme:a1", got.get(0).key());
        assertEquals("hello", got.get(0).value());
        assertEquals(3, partitions(bootstrap, topic), "default partitions of an auto-created topic");
    }

    @Test
    void createTopicsLeavesExistingTopicsAlone() throws Exception {
        String bootstrap = KafkaBroker.shared().bootstrapServers();
        String topic = "created-" + UUID.randomUUID();
        KafkaBroker.createTopics(bootstrap, 2, topic);
        KafkaBroker.createTopics(bootstrap, 5, topic);
        assertEquals(2, partitions(bootstrap, topic));
    }

    @Test
    void theSharedBrokerIsOnePerJvmAndOutlivesAClose() throws Exception {
        KafkaBroker shared = KafkaBroker.shared();
        assertSame(shared, KafkaBroker.shared());
        shared.close();
        produce(shared.bootstrapServers(), "after-close-" + UUID.randomUUID(), "k", "v");
    }

    /** What the local run does: data kept in a directory, formatted once, served again after a restart. */
    @Test
    void aBrokerWithADataDirectoryKeepsItsRecordsAcrossARestart(@TempDir Path dir) throws Exception {
        KafkaBroker.Options options =
                KafkaBroker.Options.defaults().withDataDir(dir).withDefaultPartitions(1);
        long t0 = System.nanoTime();
        try (KafkaBroker broker = KafkaBroker.start(options)) {
            long t1 = System.nanoTime();
            produce(broker.bootstrapServers(), "kept", "k", "v1");
            System.out.printf("KafkaBroker.start with format: %d ms%n", (t1 - t0) / 1_000_000);
        }
        long t2 = System.nanoTime();
        try (KafkaBroker broker = KafkaBroker.start(options)) {
            System.out.printf("KafkaBroker.start on existing data: %d ms%n", (System.nanoTime() - t2) / 1_000_000);
            List<ConsumerRecord<String, String>> got = consumeOne(broker.bootstrapServers(), "kept");
            assertEquals(1, got.size());
            assertEquals("v1", got.get(0).value());
            assertEquals(1, partitions(broker.bootstrapServers(), "kept"));
            long t3 = System.nanoTime();
            broker.close();
            System.out.printf("KafkaBroker.close: %d ms%n", (System.nanoTime() - t3) / 1_000_000);
        }
        assertTrue(Files.exists(dir.resolve("logs").resolve("meta.properties")), "a given data directory is kept");
    }

    @Test
    void aTemporaryDataDirectoryIsDeletedOnClose() {
        KafkaBroker broker = KafkaBroker.start(KafkaBroker.Options.defaults());
        Path dir = broker.dataDir();
        assertTrue(Files.isDirectory(dir.resolve("logs")));
        broker.close();
        assertTrue(Files.notExists(dir), dir + " should be gone");
    }
}
