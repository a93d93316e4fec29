package com.liftguard.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.Event;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.ingestion.domain.IngestEvents;
import com.liftguard.ingestion.messaging.EventPublisher;
import com.liftguard.ingestion.messaging.EventPublisher.Outgoing;
import com.liftguard.ingestion.persistence.IngestRecord;
import com.liftguard.ingestion.persistence.IngestStore;
import com.liftguard.ingestion.persistence.IngestStore.Kind;
import com.liftguard.ingestion.persistence.IngestStore.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores a validated batch and puts its events on Kafka before answering. Order of work: insert each
 * item as PENDING (the unique index decides ACCEPTED or DUPLICATE), publish the new ones and any left
 * PENDING by an earlier failed attempt, then mark them PUBLISHED. If Kafka fails, this request's inserts
 * are removed again and the caller gets 503: a retry then starts from scratch.
 */
@ApplicationScoped
public class BatchIngestion {
    public enum ItemStatus { ACCEPTED, DUPLICATE }

    public record ItemResult(String id, ItemStatus status) {
    }

    @Inject
    IngestStore store;

    @Inject
    EventPublisher publisher;

    Clock clock = Clock.systemUTC();

    public List<ItemResult> ingest(String tenant, Kind kind, JsonNode batch) throws EventPublisher.PublishFailedException {
        Instant receivedAt = Instant.now(clock);
        List<ItemResult> results = new ArrayList<>(batch.size());
        List<Outgoing> toPublish = new ArrayList<>();
        List<String> insertedIds = new ArrayList<>();
        List<String> toMarkPublished = new ArrayList<>();
        Set<String> seenInBatch = new HashSet<>();
        List<IngestRecord> records = new ArrayList<>(batch.size());
        List<Event<?>> events = new ArrayList<>(batch.size());
        // one result slot per item; duplicates within the batch are answered without touching the store
        List<Integer> recordOfItem = new ArrayList<>(batch.size());
        List<String> itemIds = new ArrayList<>(batch.size());
        for (JsonNode item : batch) {
            String itemId = item.get(kind == Kind.SESSION ? "sessionId" : "checkInId").asText();
            itemIds.add(itemId);
            if (!seenInBatch.add(itemId)) {
                recordOfItem.add(-1);
                continue;
            }
            Event<?> event = kind == Kind.SESSION
                    ? IngestEvents.session(tenant, item, receivedAt)
                    : IngestEvents.checkIn(tenant, item, receivedAt);
            recordOfItem.add(records.size());
            events.add(event);
            records.add(new IngestRecord(tenant, itemId, item.get("athleteId").asText(), item.toString(),
                    event.id(), EventCodec.encode(event)));
        }
        List<IngestStore.Insert> inserts = store.insertPending(kind, records, receivedAt);
        for (int i = 0; i < itemIds.size(); i++) {
            String itemId = itemIds.get(i);
            int r = recordOfItem.get(i);
            if (r < 0) {
                results.add(new ItemResult(itemId, ItemStatus.DUPLICATE));
                continue;
            }
            IngestStore.Insert insert = inserts.get(r);
            if (insert.inserted()) {
                insertedIds.add(itemId);
                toPublish.add(outgoing(events.get(r), records.get(r).eventJson()));
                toMarkPublished.add(itemId);
                results.add(new ItemResult(itemId, ItemStatus.ACCEPTED));
            } else if (insert.status() == Status.PENDING) {
                // an earlier attempt stored it but may not have published it: publish what was stored then
                Event<?> stored = EventCodec.decodeAny(insert.eventJson());
                toPublish.add(outgoing(stored, insert.eventJson()));
                toMarkPublished.add(itemId);
                results.add(new ItemResult(itemId, ItemStatus.ACCEPTED));
            } else {
                results.add(new ItemResult(itemId, ItemStatus.DUPLICATE));
            }
        }
        try {
            publisher.publishAll(toPublish);
        } catch (EventPublisher.PublishFailedException e) {
            store.deletePending(kind, tenant, insertedIds);
            throw e;
        }
        store.markPublished(kind, tenant, toMarkPublished);
        return results;
    }

    /** Publishes a roster entry, then stores it: one stored but never announced would leave coaches unnotified. */
    public RosterChanged updateRoster(String tenant, String athleteId, JsonNode body)
            throws EventPublisher.PublishFailedException {
        Event<RosterChanged> event = IngestEvents.roster(tenant, athleteId, body, Instant.now(clock));
        publisher.publishAll(List.of(outgoing(event, EventCodec.encode(event))));
        store.upsertAthlete(tenant, athleteId, event.data().displayName(), event.data().coachIds(),
                event.data().changedAt());
        return event.data();
    }

    static Outgoing outgoing(Event<?> event, String json) {
        return new Outgoing(event.eventType().topic(), event.key(), event.id(), event.type(), json);
    }
}
