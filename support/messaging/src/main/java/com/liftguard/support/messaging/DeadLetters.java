package com.liftguard.support.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Sends one record of a batch to its channel's dead-letter topic ({@code mp.messaging.incoming.<channel>
 * .dead-letter-queue.topic}) with the same key, value and headers, plus the headers SmallRye's own
 * dead-letter strategy writes ({@code dead-letter-reason}, {@code -cause}, {@code -topic}, {@code -partition},
 * {@code -offset}, {@code -exception-class-name}), so that a record looks the same on the topic whichever
 * of the two put it there. The send is acknowledged before it returns: the batch's offsets are committed
 * only after every dead letter of it is on the broker.
 */
@ApplicationScoped
public class DeadLetters {
    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    private volatile KafkaProducer<String, String> producer;

    public void send(String channel, ConsumerRecord<String, String> record, Throwable reason) {
        String topic = topicOf(channel);
        ProducerRecord<String, String> dead = deadLetter(topic, record, reason);
        try {
            producer().send(dead).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the dead-letter topic " + topic + " did not take a record of " + record.topic() + "-"
                            + record.partition() + "@" + record.offset() + ": " + e.getMessage(),
                    e);
        }
        LOG.warnf(
                "%s: %s-%d@%d sent to %s: %s",
                channel, record.topic(), record.partition(), record.offset(), topic, reason.getMessage());
    }

    /**
     * The dead letter of a record a consumer could not use: the same key, value and headers (but those named
     * in {@code dropHeaders}, such as a credential), plus the {@link DeadLetterHeaders} that say why and where
     * it came from.
     */
    public static ProducerRecord<String, String> deadLetter(
            String topic, ConsumerRecord<String, String> record, Throwable reason, String... dropHeaders) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, null, record.key(), record.value());
        List<String> dropped = List.of(dropHeaders);
        for (Header h : record.headers()) {
            if (!dropped.contains(h.key())) {
                dead.headers().add(h.key(), h.value());
            }
        }
        header(dead, DeadLetterHeaders.EXCEPTION_CLASS, reason.getClass().getName());
        header(
                dead,
                DeadLetterHeaders.REASON,
                reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage());
        if (reason.getCause() != null && reason.getCause().getMessage() != null) {
            header(dead, DeadLetterHeaders.CAUSE, reason.getCause().getMessage());
        }
        header(dead, DeadLetterHeaders.TOPIC, record.topic());
        header(dead, DeadLetterHeaders.PARTITION, Integer.toString(record.partition()));
        header(dead, DeadLetterHeaders.OFFSET, Long.toString(record.offset()));
        return dead;
    }

    /** The channel's configured dead-letter topic, or SmallRye's default name for it. */
    public static String topicOf(String channel) {
        return ConfigProvider.getConfig()
                .getOptionalValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class)
                .orElse("dead-letter-topic-" + channel);
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Map<String, Object> config = StringProducers.config(kafkaConfig);
                    config.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
                    producer = new KafkaProducer<>(config);
                }
                p = producer;
            }
        }
        return p;
    }

    void stop(@Observes ShutdownEvent ignored) {
        KafkaProducer<String, String> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(10));
        }
    }

    private static void header(ProducerRecord<String, String> record, String key, String value) {
        record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
