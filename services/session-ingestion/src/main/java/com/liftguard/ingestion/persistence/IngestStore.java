package com.liftguard.ingestion.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Raw sessions and check-ins in MongoDB, unique per tenant and platform id. A record is PENDING from
 * insert until Kafka has acknowledged its event, then PUBLISHED; a PENDING record is either being
 * published right now, or was left by a crash and is re-published by a retry or the sweeper.
 */
@ApplicationScoped
public class IngestStore {
    public enum Kind {
        SESSION("sessions", "sessionId"), CHECK_IN("check_ins", "checkInId");

        final String collection;
        final String idField;

        Kind(String collection, String idField) {
            this.collection = collection;
            this.idField = idField;
        }
    }

    public enum Status { PENDING, PUBLISHED }

    /** The outcome of inserting one item: new, or already there (with its stored status and event). */
    public record Insert(boolean inserted, Status status, String eventJson) {
    }

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void createIndexes(@Observes StartupEvent ignored) {
        for (Kind kind : Kind.values()) {
            MongoCollection<Document> c = collection(kind);
            c.createIndex(Indexes.ascending("tenant", kind.idField), new IndexOptions().unique(true).name("tenant_item"));
            c.createIndex(Indexes.ascending("status", "receivedAt"), new IndexOptions().name("status_received"));
        }
        athletes().createIndex(Indexes.ascending("tenant", "athleteId"),
                new IndexOptions().unique(true).name("tenant_athlete"));
    }

    /**
     * Inserts every record as PENDING in one round trip; the unique index decides which are new. For
     * the others the stored status and event are returned, in the order of {@code records}.
     */
    public List<Insert> insertPending(Kind kind, List<IngestRecord> records, Instant receivedAt) {
        List<Document> docs = new ArrayList<>(records.size());
        for (IngestRecord record : records) {
            docs.add(new Document("_id", record.tenant() + ":" + record.itemId())
                    .append("tenant", record.tenant())
                    .append(kind.idField, record.itemId())
                    .append("athleteId", record.athleteId())
                    .append("receivedAt", Date.from(receivedAt))
                    .append("status", Status.PENDING.name())
                    .append("eventId", record.eventId())
                    .append("event", record.eventJson())
                    .append("raw", Document.parse(record.rawJson())));
        }
        java.util.Set<Integer> duplicates = new java.util.HashSet<>();
        if (!docs.isEmpty()) {
            try {
                collection(kind).insertMany(docs, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                        throw e;
                    }
                    duplicates.add(error.getIndex());
                }
            }
        }
        Map<Object, Document> existing = new HashMap<>();
        if (!duplicates.isEmpty()) {
            List<Object> ids = duplicates.stream().map(i -> docs.get(i).get("_id")).toList();
            collection(kind).find(Filters.in("_id", ids)).forEach(d -> existing.put(d.get("_id"), d));
        }
        List<Insert> results = new ArrayList<>(records.size());
        for (int i = 0; i < docs.size(); i++) {
            if (!duplicates.contains(i)) {
                results.add(new Insert(true, Status.PENDING, records.get(i).eventJson()));
                continue;
            }
            Document stored = existing.get(docs.get(i).get("_id"));
            if (stored == null) {
                // removed by a concurrent request whose publish failed: that request answered 503
                throw new IllegalStateException("item " + records.get(i).itemId() + " changed concurrently; retry");
            }
            results.add(new Insert(false, Status.valueOf(stored.getString("status")), stored.getString("event")));
        }
        return results;
    }

    public void markPublished(Kind kind, String tenant, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        collection(kind).updateMany(Filters.in("_id", ids(tenant, itemIds)),
                Updates.set("status", Status.PUBLISHED.name()));
    }

    /** Undoes the inserts of a request whose events Kafka did not acknowledge: nothing half-stored. */
    public void deletePending(Kind kind, String tenant, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return;
        }
        collection(kind).deleteMany(Filters.and(Filters.in("_id", ids(tenant, itemIds)),
                Filters.eq("status", Status.PENDING.name())));
    }

    /** Records left PENDING longer than {@code age}: a crash between insert and acknowledgement. */
    public List<Document> stalePending(Kind kind, Duration age, int limit) {
        return collection(kind)
                .find(Filters.and(Filters.eq("status", Status.PENDING.name()),
                        Filters.lt("receivedAt", Date.from(Instant.now().minus(age)))))
                .limit(limit)
                .into(new ArrayList<>());
    }

    public Document upsertAthlete(String tenant, String athleteId, String displayName, List<String> coachIds,
                                  Instant changedAt) {
        Document doc = new Document("_id", tenant + ":" + athleteId)
                .append("tenant", tenant)
                .append("athleteId", athleteId)
                .append("displayName", displayName)
                .append("coachIds", coachIds)
                .append("changedAt", Date.from(changedAt));
        athletes().replaceOne(Filters.eq("_id", doc.get("_id")), doc,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        return doc;
    }

    private static List<String> ids(String tenant, List<String> itemIds) {
        return itemIds.stream().map(id -> tenant + ":" + id).toList();
    }

    private MongoCollection<Document> collection(Kind kind) {
        return mongo.getDatabase(database).getCollection(kind.collection);
    }

    private MongoCollection<Document> athletes() {
        return mongo.getDatabase(database).getCollection("athletes");
    }
}
