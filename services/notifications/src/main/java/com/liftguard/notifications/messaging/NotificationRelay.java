package com.liftguard.notifications.messaging;

import com.liftguard.events.EventType;
import com.liftguard.events.Topics;
import com.liftguard.notifications.config.NotificationsConfig;
import com.liftguard.notifications.domain.OutboxEntry;
import com.liftguard.notifications.service.NotificationPublishing;
import com.liftguard.notifications.service.NotificationQueued;
import com.liftguard.support.messaging.EventRecords;
import com.liftguard.support.messaging.RelayWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
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

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    NotificationPublishing publishing;

    @Inject
    NotificationsConfig config;

    private volatile RelayWorker worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent ignored) {
        producer = RelayWorker.producer(kafkaConfig, "notifications-relay");
        // a requested run waits GATHER_MS, so that the items of a burst go out in one batch (a platform's
        // notification is not waited on the way a coach's live stream is)
        worker = new RelayWorker(
                "publishing notifications",
                this::drain,
                GATHER_MS,
                config.publishing().pollInterval(),
                config.publishing().sendTimeout());
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (worker != null) {
            worker.close();
        }
        if (producer != null) {
            producer.close(config.publishing().sendTimeout());
        }
    }

    /** A run soon for what the consumer just put in the outbox; many requests before it starts make one run. */
    void on(@Observes NotificationQueued ignored) {
        RelayWorker w = worker;
        if (w != null) {
            w.request();
        }
    }

    /** Publishes everything waiting. */
    void drain() {
        int batchSize = config.publishing().batchSize();
        while (true) {
            List<OutboxEntry> batch = publishing.oldest(batchSize);
            if (batch.isEmpty()) {
                return;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxEntry entry : batch) {
                acks.add(producer.send(EventRecords.event(
                        Topics.NOTIFICATIONS,
                        entry.key(),
                        entry.value(),
                        entry.eventId(),
                        EventType.NOTIFICATION_CREATED.ceType(),
                        entry.trace())));
            }
            List<String> sent = new ArrayList<>(batch.size());
            try {
                for (int i = 0; i < acks.size(); i++) {
                    acks.get(i).get(config.publishing().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(batch.get(i).eventId());
                }
            } catch (Exception e) {
                publishing.sent(sent);
                throw new IllegalStateException("Kafka did not acknowledge notifications: " + e.getMessage(), e);
            }
            publishing.sent(sent);
            if (batch.size() < batchSize) {
                return;
            }
        }
    }
}
