package com.liftguard.ingestion.service;

import com.liftguard.support.messaging.EventRecords;
import com.liftguard.support.messaging.TraceHeaders;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes a batch of events and returns only once Kafka has acknowledged every one of them (acks=all),
 * so that a 202 means the batch is durably on Kafka.
 */
@ApplicationScoped
public class EventPublisher {
    /** An event ready to send: topic, key, id and type (also sent as headers) and the JSON envelope. */
    public record Outgoing(String topic, String key, String eventId, String eventType, byte[] json) {}

    public static class PublishFailedException extends Exception {
        public PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    TraceHeaders traceHeaders;

    @ConfigProperty(name = "liftguard.ingestion.publish-timeout", defaultValue = "PT10S")
    Duration publishTimeout;

    private KafkaProducer<String, byte[]> producer;

    void start(@Observes StartupEvent ignored) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // fail a request within its own deadline instead of blocking a worker thread for a minute
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, publishTimeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) publishTimeout.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(500, publishTimeout.toMillis() / 2));
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "session-ingestion");
        config.keySet().removeIf(k -> !ProducerConfig.configNames().contains(k));
        producer = new KafkaProducer<>(config);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (producer != null) {
            producer.close(publishTimeout);
        }
    }

    public void publishAll(List<Outgoing> events) throws PublishFailedException {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
        // the request's trace continues in every consumer of these events
        Map<String, String> trace = traceHeaders.current();
        for (Outgoing e : events) {
            records.add(EventRecords.event(e.topic(), e.key(), e.json(), e.eventId(), e.eventType(), trace));
        }
        sendAll(records);
    }

    /** Sends text records (dead letters) as they are, waiting for every acknowledgement. */
    public void send(List<ProducerRecord<String, String>> records) throws PublishFailedException {
        List<ProducerRecord<String, byte[]>> bytes = new ArrayList<>(records.size());
        for (ProducerRecord<String, String> r : records) {
            bytes.add(new ProducerRecord<>(
                    r.topic(),
                    r.partition(),
                    r.timestamp(),
                    r.key(),
                    r.value() == null ? null : r.value().getBytes(StandardCharsets.UTF_8),
                    r.headers()));
        }
        sendAll(bytes);
    }

    /** Sends records and waits for every acknowledgement within the publish timeout. */
    private void sendAll(List<ProducerRecord<String, byte[]>> records) throws PublishFailedException {
        long deadline = System.nanoTime() + publishTimeout.toNanos();
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        try {
            for (ProducerRecord<String, byte[]> record : records) {
                acks.add(producer.send(record));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new PublishFailedException(
                    "Kafka refused the batch: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("Kafka did not acknowledge the batch within " + publishTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted while publishing", e);
        } catch (RuntimeException e) {
            throw new PublishFailedException("Kafka is unavailable: " + e.getMessage(), e);
        }
    }
}
