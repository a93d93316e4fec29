package com.liftguard.ingestion.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Raw sessions and check-ins in MongoDB, one document per tenant and platform id ({@code _id} is
 * {@code tenant:id}, so the primary key is the idempotency check). Each stored item names the request
 * ("batch") that stored it. A batch has an open marker in {@code ingest_batches} from before its items are
 * inserted until Kafka has acknowledged their events: an item whose batch is still open may not have been
 * published yet, and is re-published by a retry of the same item or by the sweeper. Closing a batch is one
 * delete, whatever its size, which keeps the accept path to three writes per request.
 *
 * <p>{@code raw} is the item exactly as received (its JSON text), and {@code receivedAt} is kept to the
 * millisecond the event carries, so the event can be rebuilt byte for byte from what is stored.
 */
@ApplicationScoped
public class IngestStore {
    public enum Kind {
        SESSION("sessions", "sessionId"), CHECK_IN("check_ins", "checkInId");

        final String collection;
        public final String idField;

        Kind(String collection, String idField) {
            this.collection = collection;
            this.idField = idField;
        }
    }

    /** One item to store: the tenant's id for it, its athlete and the JSON text received. */
    public record Item(String itemId, String athleteId, String rawJson) {
    }

    /** A stored item whose batch is still open: enough to rebuild and publish its event. */
    public record Stored(String itemId, String rawJson, Instant receivedAt) {
    }

    /** An open batch older than the sweeper's grace: its request crashed or is hanging. */
    public record OpenBatch(String batchId, Kind kind, String tenant, List<String> itemIds) {
    }

    static final String BATCHES = "ingest_batches";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void createIndexes(@Observes StartupEvent ignored) {
        batches().createIndex(Indexes.ascending("openedAt"), new IndexOptions().name("opened_at"));
        athletes().createIndex(Indexes.ascending("tenant", "athleteId"),
                new IndexOptions().unique(true).name("tenant_athlete"));
    }

    /** Opens a batch before any of its items is stored; {@code itemIds} are every id it may insert. */
    public void open(Kind kind, String tenant, String batchId, List<String> itemIds, Instant at) {
        batches().insertOne(new Document("_id", batchId).append("kind", kind.name()).append("tenant", tenant)
                .append("ids", itemIds).append("openedAt", Date.from(at)));
    }

    /**
     * Inserts the items in one round trip; the primary key decides which are new. Returns, in the order
     * of {@code items}, whether each one was inserted (false: the tenant already has an item with that id).
     */
    public boolean[] insertNew(Kind kind, String tenant, String batchId, List<Item> items, Instant receivedAt) {
        boolean[] inserted = new boolean[items.size()];
        if (items.isEmpty()) {
            return inserted;
        }
        Date received = Date.from(receivedAt);
        List<Document> docs = new ArrayList<>(items.size());
        for (Item item : items) {
            docs.add(new Document("_id", id(tenant, item.itemId()))
                    .append("tenant", tenant)
                    .append(kind.idField, item.itemId())
                    .append("athleteId", item.athleteId())
                    .append("receivedAt", received)
                    .append("batch", batchId)
                    .append("raw", item.rawJson()));
        }
        java.util.Arrays.fill(inserted, true);
        try {
            collection(kind).insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                inserted[error.getIndex()] = false;
            }
        }
        return inserted;
    }

    /**
     * Of the given items already stored, those whose batch (another than {@code exceptBatch}) is still open:
     * they may not be on Kafka yet. Only duplicates come here, so the common path never reads.
     */
    public List<Stored> stillOpen(Kind kind, String tenant, List<String> itemIds, String exceptBatch) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        List<Document> stored = collection(kind).find(Filters.in("_id", itemIds.stream().map(i -> id(tenant, i)).toList()))
                .into(new ArrayList<>());
        Set<Object> batchIds = new HashSet<>();
        stored.forEach(d -> batchIds.add(d.get("batch")));
        batchIds.remove(exceptBatch);
        if (batchIds.isEmpty()) {
            return List.of();
        }
        Set<Object> open = new HashSet<>();
        batches().find(Filters.in("_id", batchIds)).forEach(b -> open.add(b.get("_id")));
        return stored.stream().filter(d -> open.contains(d.get("batch"))).map(d -> stored(kind, d)).toList();
    }

    /** Kafka acknowledged every event of the batch. */
    public void close(String batchId) {
        batches().deleteOne(Filters.eq("_id", batchId));
    }

    /** Kafka did not acknowledge the batch: remove what it inserted, then the marker. Nothing half-stored. */
    public void abort(Kind kind, String tenant, String batchId, List<String> insertedIds) {
        if (!insertedIds.isEmpty()) {
            collection(kind).deleteMany(Filters.and(
                    Filters.in("_id", insertedIds.stream().map(i -> id(tenant, i)).toList()),
                    Filters.eq("batch", batchId)));
        }
        close(batchId);
    }

    /** Batches opened longer than {@code age} ago and never closed. */
    public List<OpenBatch> staleBatches(Duration age, int limit) {
        List<OpenBatch> stale = new ArrayList<>();
        batches().find(Filters.lt("openedAt", Date.from(Instant.now().minus(age)))).limit(limit)
                .forEach(b -> stale.add(new OpenBatch(b.getString("_id"), Kind.valueOf(b.getString("kind")),
                        b.getString("tenant"), b.getList("ids", String.class))));
        return stale;
    }

    /** The items a batch managed to store (a crash may have come before the insert). */
    public List<Stored> itemsOf(OpenBatch batch) {
        List<Stored> items = new ArrayList<>();
        collection(batch.kind()).find(Filters.and(
                        Filters.in("_id", batch.itemIds().stream().map(i -> id(batch.tenant(), i)).toList()),
                        Filters.eq("batch", batch.batchId())))
                .forEach(d -> items.add(stored(batch.kind(), d)));
        return items;
    }

    public Document upsertAthlete(String tenant, String athleteId, String displayName, List<String> coachIds,
                                  Instant changedAt) {
        Document doc = new Document("_id", id(tenant, athleteId))
                .append("tenant", tenant)
                .append("athleteId", athleteId)
                .append("displayName", displayName)
                .append("coachIds", coachIds)
                .append("changedAt", Date.from(changedAt));
        athletes().replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
        return doc;
    }

    private static Stored stored(Kind kind, Document d) {
        return new Stored(d.getString(kind.idField), d.getString("raw"), d.getDate("receivedAt").toInstant());
    }

    private static String id(String tenant, String itemId) {
        return tenant + ":" + itemId;
    }

    private MongoCollection<Document> collection(Kind kind) {
        return mongo.getDatabase(database).getCollection(kind.collection);
    }

    private MongoCollection<Document> batches() {
        return mongo.getDatabase(database).getCollection(BATCHES);
    }

    private MongoCollection<Document> athletes() {
        return mongo.getDatabase(database).getCollection("athletes");
    }
}
