package com.liftguard.support.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, null, record.key(), record.value());
        for (Header h : record.headers()) {
            dead.headers().add(h.key(), h.value());
        }
        header(dead, "dead-letter-exception-class-name", reason.getClass().getName());
        header(dead, "dead-letter-reason", reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage());
        if (reason.getCause() != null && reason.getCause().getMessage() != null) {
            header(dead, "dead-letter-cause", reason.getCause().getMessage());
        }
        header(dead, "dead-letter-topic", record.topic());
        header(dead, "dead-letter-partition", Integer.toString(record.partition()));
        header(dead, "dead-letter-offset", Long.toString(record.offset()));
        try {
            producer().send(dead).get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the dead-letter topic " + topic + " did not take a record of "
                    + record.topic() + "-" + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
        }
        LOG.warnf("%s: %s-%d@%d sent to %s: %s", channel, record.topic(), record.partition(), record.offset(), topic,
                reason.getMessage());
    }

    /** The channel's configured dead-letter topic, or SmallRye's default name for it. */
    static String topicOf(String channel) {
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
