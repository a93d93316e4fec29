package com.liftguard.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.ingestion.domain.ItemKind;
import com.liftguard.ingestion.persistence.IngestStore;
import com.liftguard.ingestion.service.EventPublisher.Outgoing;
import com.liftguard.ingestion.wire.CanonicalEvents;
import com.liftguard.ingestion.wire.ReceivedBatch;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Stores a validated batch and puts its events on Kafka before answering. Order of work: open the batch
 * (a marker), insert its receipt (the unique index on item ids decides ACCEPTED or DUPLICATE), publish
 * the new ones and any duplicate whose own batch is still open (an earlier attempt that may not have
 * reached Kafka), then close the batch. If Kafka fails, the batch's inserts are removed again and the
 * caller gets 503: a retry then starts from scratch. If this instance dies in between, the sweeper finds
 * the open batch and publishes what it stored; consumers drop the copy if the first send did land.
 */
@ApplicationScoped
public class BatchIngestion {
    public enum ItemStatus {
        ACCEPTED,
        DUPLICATE
    }

    public record ItemResult(String id, ItemStatus status) {}

    @Inject
    IngestStore store;

    @Inject
    EventPublisher publisher;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** Ingests validated items; each comes with the text it was received as, which is stored as its raw document. */
    public List<ItemResult> ingest(String tenant, ItemKind kind, List<ReceivedBatch.Received> batch)
            throws EventPublisher.PublishFailedException {
        // stored to the millisecond, so the event rebuilt from the store is the event published now
        Instant receivedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        String batchId = UUID.randomUUID().toString();
        List<String> itemIds = new ArrayList<>(batch.size());
        List<IngestStore.Item> items = new ArrayList<>(batch.size());
        List<CanonicalEvents.Prepared> events = new ArrayList<>(batch.size());
        // a repeat of an id within the batch is a duplicate without touching the store
        int[] itemOf = new int[batch.size()];
        Set<String> seenInBatch = new HashSet<>();
        int n = 0;
        for (ReceivedBatch.Received received : batch) {
            JsonNode item = received.item();
            String itemId = item.get(kind.idField()).asText();
            itemIds.add(itemId);
            if (!seenInBatch.add(itemId)) {
                itemOf[n++] = -1;
                continue;
            }
            itemOf[n++] = items.size();
            items.add(new IngestStore.Item(itemId, received.raw()));
            events.add(CanonicalEvents.of(kind, tenant, item, receivedAt));
        }

        store.open(kind, tenant, batchId, items, receivedAt);
        List<String> inserted = new ArrayList<>(items.size());
        try {
            boolean[] isNew = store.insertNew(kind, tenant, batchId, items, receivedAt);
            List<String> duplicates = new ArrayList<>();
            List<Outgoing> toPublish = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                if (isNew[i]) {
                    inserted.add(items.get(i).itemId());
                    toPublish.add(outgoing(events.get(i)));
                } else {
                    duplicates.add(items.get(i).itemId());
                }
            }
            Set<String> republished = new HashSet<>();
            for (IngestStore.Stored open : store.stillOpen(kind, tenant, duplicates, batchId)) {
                toPublish.add(outgoing(rebuild(kind, tenant, open)));
                republished.add(open.itemId());
            }
            publisher.publishAll(toPublish);
            store.close(batchId);
            count(kind, "accepted", inserted.size() + republished.size());
            count(kind, "duplicate", itemIds.size() - inserted.size() - republished.size());

            Set<String> accepted = new HashSet<>(inserted);
            accepted.addAll(republished);
            List<ItemResult> results = new ArrayList<>(itemIds.size());
            for (int i = 0; i < itemIds.size(); i++) {
                boolean first = itemOf[i] >= 0;
                results.add(new ItemResult(
                        itemIds.get(i),
                        first && accepted.contains(itemIds.get(i)) ? ItemStatus.ACCEPTED : ItemStatus.DUPLICATE));
            }
            return results;
        } catch (EventPublisher.PublishFailedException | RuntimeException e) {
            try {
                store.abort(kind, batchId, IngestStore.parts(items).size());
            } catch (RuntimeException cleanup) {
                // the batch stays open: the sweeper publishes what it stored, as after a crash
                e.addSuppressed(cleanup);
            }
            if (e instanceof IngestStore.BatchAborting aborting) {
                // the earlier request's abort removes those items: this one is undone too, and a retry stores them
                throw new EventPublisher.PublishFailedException(aborting.getMessage(), aborting);
            }
            throw e;
        }
    }

    /** {@code liftguard_ingest_items_total{kind,outcome}}: what platforms sent and what it became. */
    private void count(ItemKind kind, String outcome, int n) {
        if (n > 0) {
            metrics.counter("liftguard.ingest.items", "kind", kind.name().toLowerCase(Locale.ROOT), "outcome", outcome)
                    .increment(n);
        }
    }

    /** The event of an item stored earlier, rebuilt byte for byte from its raw JSON and receipt time. */
    static CanonicalEvents.Prepared rebuild(ItemKind kind, String tenant, IngestStore.Stored stored) {
        return CanonicalEvents.rebuild(kind, tenant, stored.itemId(), stored.raw(), stored.receivedAt());
    }

    static Outgoing outgoing(CanonicalEvents.Prepared e) {
        return new Outgoing(e.topic(), e.key(), e.eventId(), e.ceType(), e.json());
    }
}
