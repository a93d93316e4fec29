package com.liftguard.ingestion.messaging;

import com.liftguard.events.Event;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.ingestion.persistence.IngestStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes items a crashed instance left PENDING (stored, maybe never published). Consumers drop the
 * copy when the event did reach Kafka before the crash: its id is the same.
 */
@ApplicationScoped
public class PendingSweeper {
    private static final Logger LOG = Logger.getLogger(PendingSweeper.class);

    @Inject
    IngestStore store;

    @Inject
    EventPublisher publisher;

    @ConfigProperty(name = "liftguard.ingestion.pending-grace", defaultValue = "PT1M")
    Duration grace;

    @Scheduled(every = "${liftguard.ingestion.sweep-interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        for (IngestStore.Kind kind : IngestStore.Kind.values()) {
            sweep(kind);
        }
    }

    public int sweep(IngestStore.Kind kind) {
        List<Document> stale = store.stalePending(kind, grace, 500);
        if (stale.isEmpty()) {
            return 0;
        }
        List<EventPublisher.Outgoing> events = new ArrayList<>();
        for (Document d : stale) {
            Event<?> event = EventCodec.decodeAny(d.getString("event"));
            events.add(new EventPublisher.Outgoing(event.eventType().topic(), event.key(), event.id(), event.type(),
                    d.getString("event")));
        }
        try {
            publisher.publishAll(events);
        } catch (EventPublisher.PublishFailedException e) {
            LOG.warnf("could not publish %d pending %s items, will retry: %s", stale.size(), kind, e.getMessage());
            return 0;
        }
        stale.stream().map(d -> d.getString("tenant")).distinct().forEach(tenant -> store.markPublished(kind, tenant,
                stale.stream().filter(d -> tenant.equals(d.getString("tenant")))
                        .map(d -> d.getString(kind == IngestStore.Kind.SESSION ? "sessionId" : "checkInId"))
                        .toList()));
        LOG.infof("published %d %s items left pending by an earlier crash", stale.size(), kind);
        return stale.size();
    }
}
