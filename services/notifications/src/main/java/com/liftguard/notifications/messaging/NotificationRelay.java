package com.liftguard.notifications.messaging;

import com.liftguard.events.EventType;
import com.liftguard.events.Topics;
import com.liftguard.notifications.config.NotificationsConfig;
import com.liftguard.notifications.persistence.PublicationStore;
import com.liftguard.support.messaging.RelayWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends the NotificationCreated outbox to {@code liftguard.notifications.v1} in the order the items were
 * written, and takes each event out of the outbox once the broker has acknowledged it. Runs as soon as this
 * instance adds an event (requests in a burst are coalesced into one run) and at the poll interval, which
 * picks up what an instance that stopped or failed left behind. Another instance may send the same entry
 * at the same moment: it goes out twice with the same event id, never zero times.
 */
@ApplicationScoped
public class NotificationRelay {
    /** How long a requested run waits for more events to send with it. */
    static final long GATHER_MS = 20;
    private static final byte[] CE_TYPE = EventType.NOTIFICATION_CREATED.ceType().getBytes(StandardCharsets.UTF_8);

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    PublicationStore publications;

    @Inject
    NotificationsConfig config;

    @Inject
    Clock clock;

    private volatile RelayWorker worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent ignored) {
        producer = RelayWorker.producer(kafkaConfig, "notifications-relay");
        // a requested run waits GATHER_MS, so that the items of a burst go out in one batch (a platform's
        // notification is not waited on the way a coach's live stream is)
        worker = new RelayWorker("publishing notifications", this::drain, GATHER_MS,
                config.publishing().pollInterval(), config.publishing().sendTimeout());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (worker != null) {
            worker.close();
        }
        if (producer != null) {
            producer.close(config.publishing().sendTimeout());
        }
    }

    /** Asks for a run soon; many requests before it starts make one run. */
    public void requestDrain() {
        RelayWorker w = worker;
        if (w != null) {
            w.request();
        }
    }

    /** Publishes everything waiting. */
    void drain() {
        int batchSize = config.publishing().batchSize();
        while (true) {
            List<PublicationStore.Pending> batch = publications.oldest(batchSize);
            if (batch.isEmpty()) {
                return;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (PublicationStore.Pending p : batch) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.NOTIFICATIONS, p.key(), p.value());
                record.headers().add("ce_id", p.eventId().getBytes(StandardCharsets.UTF_8));
                record.headers().add("ce_type", CE_TYPE);
                p.trace().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
                acks.add(producer.send(record));
            }
            List<String> sent = new ArrayList<>(batch.size());
            try {
                for (int i = 0; i < acks.size(); i++) {
                    acks.get(i).get(config.publishing().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(batch.get(i).eventId());
                }
            } catch (Exception e) {
                publications.sent(sent, now());
                throw new IllegalStateException("Kafka did not acknowledge notifications: " + e.getMessage(), e);
            }
            publications.sent(sent, now());
            if (batch.size() < batchSize) {
                return;
            }
        }
    }

    private java.time.Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
