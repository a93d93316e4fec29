package com.liftguard.support.outbox;

import com.liftguard.support.messaging.EventRecords;
import com.liftguard.support.messaging.RelayWorker;
import com.liftguard.support.messaging.TraceHeaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Publishes outbox rows to Kafka in id order and deletes them once the broker has acknowledged them.
 * A crash between the acknowledgement and the delete publishes a row twice with the same event id,
 * which consumers drop; nothing is ever lost. Several instances may relay the same rows for the same
 * reason. Runs at once after each commit that appended rows, and on a timer as a safety net.
 */
@ApplicationScoped
public class OutboxRelay {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @ConfigProperty(name = "liftguard.outbox.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "liftguard.outbox.send-timeout", defaultValue = "PT10S")
    Duration sendTimeout;

    @ConfigProperty(name = "liftguard.outbox.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;

    private volatile RelayWorker worker;
    private KafkaProducer<String, String> producer;

    void start(@Observes StartupEvent ignored) {
        producer = RelayWorker.producer(kafkaConfig, "outbox-relay");
        // at once after each commit that appended rows: a burst of commits makes one run, which takes all
        worker = new RelayWorker("outbox relay", this::drain, 0, pollInterval, sendTimeout);
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (worker != null) {
            worker.close();
        }
        if (producer != null) {
            producer.close(sendTimeout);
        }
    }

    /** Asks for a run soon; many requests before it starts make one run. */
    void requestDrain() {
        RelayWorker w = worker;
        if (w != null) {
            w.request();
        }
    }

    /** Publishes every pending row; returns how many were published. */
    public int drain() {
        int total = 0;
        while (true) {
            List<OutboxRecord> batch = QuarkusTransaction.requiringNew()
                    .call(() -> OutboxRecord.<OutboxRecord>find("order by id")
                            .page(0, batchSize)
                            .list());
            if (batch.isEmpty()) {
                return total;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
            for (OutboxRecord r : batch) {
                acks.add(producer.send(EventRecords.event(
                        r.topic, r.recordKey, r.payload, r.eventId, r.eventType, TraceHeaders.decode(r.traceContext))));
            }
            List<Long> sent = new ArrayList<>(batch.size());
            try {
                for (int i = 0; i < acks.size(); i++) {
                    acks.get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(batch.get(i).id);
                }
            } catch (Exception e) {
                deleteSent(sent);
                throw new IllegalStateException("Kafka did not acknowledge outbox events: " + e.getMessage(), e);
            }
            deleteSent(sent);
            total += sent.size();
        }
    }

    private void deleteSent(List<Long> ids) {
        if (!ids.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> OutboxRecord.delete("id in ?1", ids));
        }
    }

    /** Rows not yet published, for health checks and tests. */
    public long pending() {
        // a lambda, not OutboxRecord::count: the method reference binds to PanacheEntityBase.count, which Panache
        // does not rewrite for the entity, and throws
        return QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count());
    }
}
