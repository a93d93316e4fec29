package com.liftguard.ingestion.service;

import com.liftguard.ingestion.persistence.IngestStore;
import com.liftguard.ingestion.wire.CanonicalEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes what a crashed (or hung) request stored but may never have published: the items of every
 * batch left open longer than the grace period. Consumers drop the copy when the event did reach Kafka
 * before the crash: its id is the same.
 */
@ApplicationScoped
public class PendingSweep {
    private static final Logger LOG = Logger.getLogger(PendingSweep.class);

    @Inject
    IngestStore store;

    @Inject
    EventPublisher publisher;

    @ConfigProperty(name = "liftguard.ingestion.pending-grace", defaultValue = "PT1M")
    Duration grace;

    /** Returns how many items were published again. */
    public int sweep() {
        int published = 0;
        for (IngestStore.OpenBatch batch : store.staleBatches(grace, 100)) {
            List<EventPublisher.Outgoing> events = new ArrayList<>();
            for (IngestStore.Stored item : store.itemsOf(batch)) {
                CanonicalEvents.Prepared e = BatchIngestion.rebuild(batch.kind(), batch.tenant(), item);
                events.add(BatchIngestion.outgoing(e));
            }
            try {
                publisher.publishAll(events);
            } catch (EventPublisher.PublishFailedException e) {
                LOG.warnf(
                        "could not publish the %d items of open batch %s, will retry: %s",
                        events.size(), batch.batchId(), e.getMessage());
                return published;
            }
            store.close(batch.batchId());
            published += events.size();
            LOG.infof(
                    "published %d %s items of batch %s, left open by an earlier crash",
                    events.size(), batch.kind(), batch.batchId());
        }
        return published;
    }
}
