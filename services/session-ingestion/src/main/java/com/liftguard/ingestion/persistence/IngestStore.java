package com.liftguard.ingestion.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.liftguard.events.serde.Json;
import com.liftguard.ingestion.domain.ItemKind;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What platforms sent, in MongoDB. Each accepted request is one receipt document per kind
 * ({@code sessions_received}, {@code check_ins_received}): the tenant, the receipt time, the ids of the items
 * it stored ({@code ids}, each {@code tenant:itemId}) and the items themselves exactly as received
 * ({@code raw}: the UTF-8 bytes of a JSON array whose elements are the items' texts byte for byte, in the
 * order of {@code ids}). A unique index on {@code ids} is the idempotency check: an item id is stored at
 * most once per tenant, whichever receipt holds it. One document per request instead of one per item keeps
 * the accept path to three writes per request whatever its size: open the batch, insert the receipt, close
 * the batch. A request larger than {@link #PART_BYTES} is stored as several receipts (parts).
 *
 * <p>A batch has an open marker in {@code ingest_batches} from before its receipt is inserted until Kafka
 * has acknowledged its events: an item whose batch is still open may not have been published yet, and is
 * re-published by a retry of the same item or by the sweeper. Closing a batch is one delete.
 *
 * <p>{@code receivedAt} is kept to the millisecond the events carry, so every event can be rebuilt byte
 * for byte from what is stored.
 */
@ApplicationScoped
public class IngestStore {
    /** One item to store: the tenant's id for it and the JSON text received (UTF-8). */
    public record Item(String itemId, byte[] raw) {}

    /** A stored item: enough to rebuild and publish its event. */
    public record Stored(String itemId, byte[] raw, Instant receivedAt) {}

    /** An open batch older than the sweeper's grace: its request crashed or is hanging. */
    public record OpenBatch(String batchId, ItemKind kind, String tenant, int parts) {}

    static final String BATCHES = "ingest_batches";
    /** Raw bytes per receipt document before a request is split into parts (MongoDB's limit is 16 MiB). */
    static final int PART_BYTES = 8 * 1024 * 1024;
    /** Inserting a receipt again after dropping what turned out to be duplicates: bounded, for a live race. */
    private static final int INSERT_ATTEMPTS = 8;

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    @Inject
    Clock clock;

    void createIndexes(@Observes StartupEvent ignored) {
        for (ItemKind kind : ItemKind.values()) {
            collection(kind)
                    .createIndex(
                            Indexes.ascending("ids"),
                            new IndexOptions().unique(true).name("item_ids"));
        }
        batches().createIndex(Indexes.ascending("openedAt"), new IndexOptions().name("opened_at"));
        athletes()
                .createIndex(
                        Indexes.ascending("tenant", "athleteId"),
                        new IndexOptions().unique(true).name("tenant_athlete"));
    }

    /** Opens a batch before any of it is stored; {@code items} are every item it may insert. */
    public void open(ItemKind kind, String tenant, String batchId, List<Item> items, Instant at) {
        batches()
                .insertOne(new Document("_id", batchId)
                        .append("kind", kind.name())
                        .append("tenant", tenant)
                        .append("parts", parts(items).size())
                        .append("openedAt", Date.from(at)));
    }

    /**
     * Stores the items that are new for the tenant, in one receipt per part; the unique index decides which
     * are new. Returns, in the order of {@code items}, whether each one was stored by this call (false: the
     * tenant already has an item with that id). {@code items} must not repeat an id.
     */
    public boolean[] insertNew(ItemKind kind, String tenant, String batchId, List<Item> items, Instant receivedAt) {
        boolean[] inserted = new boolean[items.size()];
        int offset = 0;
        List<List<Item>> parts = parts(items);
        for (int p = 0; p < parts.size(); p++) {
            List<Item> part = parts.get(p);
            Set<String> stored = insertPart(kind, tenant, batchId, partId(batchId, p), part, receivedAt);
            for (int i = 0; i < part.size(); i++) {
                inserted[offset + i] = stored.contains(part.get(i).itemId());
            }
            offset += part.size();
        }
        return inserted;
    }

    /** Inserts one receipt; on a duplicate id, finds which ids the tenant already has and stores the rest. */
    private Set<String> insertPart(
            ItemKind kind, String tenant, String batchId, String receiptId, List<Item> part, Instant receivedAt) {
        List<Item> remaining = part;
        for (int attempt = 0; attempt < INSERT_ATTEMPTS; attempt++) {
            if (remaining.isEmpty()) {
                return Set.of();
            }
            try {
                collection(kind).insertOne(receipt(tenant, batchId, receiptId, remaining, receivedAt));
                Set<String> stored = new HashSet<>();
                remaining.forEach(i -> stored.add(i.itemId()));
                return stored;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            // an earlier attempt of this very insert may have landed (an error after the write): it is ours
            Document ours = collection(kind)
                    .find(Filters.eq("_id", receiptId))
                    .projection(new Document("ids", 1))
                    .first();
            if (ours != null) {
                Set<String> stored = new HashSet<>();
                ours.getList("ids", String.class).forEach(id -> stored.add(id.substring(tenant.length() + 1)));
                return stored;
            }
            Set<String> existing = new HashSet<>();
            collection(kind)
                    .find(Filters.in("ids", ids(tenant, remaining)))
                    .projection(new Document("ids", 1))
                    .forEach(d -> existing.addAll(d.getList("ids", String.class)));
            remaining = remaining.stream()
                    .filter(i -> !existing.contains(id(tenant, i.itemId())))
                    .toList();
        }
        throw new IllegalStateException("could not store receipt " + receiptId + " in " + INSERT_ATTEMPTS
                + " attempts: its items kept turning out to be duplicates of concurrent requests");
    }

    private static Document receipt(
            String tenant, String batchId, String receiptId, List<Item> items, Instant receivedAt) {
        int size = 2;
        for (Item item : items) {
            size += item.raw().length + 1;
        }
        byte[] raw = new byte[size - (items.isEmpty() ? 0 : 1)];
        int at = 0;
        raw[at++] = '[';
        for (Item item : items) {
            if (at > 1) {
                raw[at++] = ',';
            }
            System.arraycopy(item.raw(), 0, raw, at, item.raw().length);
            at += item.raw().length;
        }
        raw[at] = ']';
        return new Document("_id", receiptId)
                .append("batch", batchId)
                .append("tenant", tenant)
                .append("receivedAt", Date.from(receivedAt))
                .append("ids", ids(tenant, items))
                .append("raw", new Binary(raw));
    }

    /**
     * Of the given items already stored, those whose batch (another than {@code exceptBatch}) is still open:
     * they may not be on Kafka yet. Only duplicates come here, so the common path never reads. Each such batch
     * is adopted ({@link #adopt}): the caller is about to publish its items and answer ACCEPTED for them, so
     * its own request's abort must not remove them.
     *
     * @throws BatchAborting if one of those batches is being aborted: its items are about to be removed
     */
    public List<Stored> stillOpen(ItemKind kind, String tenant, List<String> itemIds, String exceptBatch) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        List<Document> receipts = collection(kind)
                .find(Filters.in("ids", itemIds.stream().map(i -> id(tenant, i)).toList()))
                .into(new ArrayList<>());
        Set<Object> batchIds = new HashSet<>();
        receipts.forEach(d -> batchIds.add(d.get("batch")));
        batchIds.remove(exceptBatch);
        if (batchIds.isEmpty()) {
            return List.of();
        }
        Set<Object> open = new HashSet<>();
        batches().find(Filters.in("_id", batchIds)).forEach(b -> open.add(b.get("_id")));
        for (Object batch : open) {
            if (!adopt((String) batch)) {
                throw new BatchAborting("an earlier request with some of these items is being undone: " + batch);
            }
        }
        Set<String> wanted = new HashSet<>(itemIds);
        List<Stored> stored = new ArrayList<>();
        for (Document receipt : receipts) {
            if (open.contains(receipt.get("batch"))) {
                items(receipt).stream().filter(i -> wanted.contains(i.itemId())).forEach(stored::add);
            }
        }
        return stored;
    }

    /** Kafka acknowledged every event of the batch. */
    public void close(String batchId) {
        batches().deleteOne(Filters.eq("_id", batchId));
    }

    /**
     * Kafka did not acknowledge the batch: remove its receipts (only what it stored), then the marker. Not if
     * another request adopted the batch (it published some of its items and said ACCEPTED for them) or the
     * batch is closed already (its events are on Kafka): then what it stored stays, and the sweeper publishes
     * an adopted batch after the grace period, as after a crash.
     *
     * @return whether the batch's receipts were removed
     */
    public boolean abort(ItemKind kind, String batchId, int parts) {
        if (!claimAbort(batchId)) {
            return false;
        }
        collection(kind).deleteMany(Filters.in("_id", partIds(batchId, parts)));
        close(batchId);
        return true;
    }

    /** Marks the open batch as being aborted, unless another request adopted it; one of the two wins. */
    boolean claimAbort(String batchId) {
        return batches()
                        .updateOne(
                                Filters.and(Filters.eq("_id", batchId), Filters.ne("adopted", true)),
                                new Document("$set", new Document("aborting", true)))
                        .getMatchedCount()
                > 0;
    }

    /** Marks another request's open batch as adopted, unless it is being aborted; one of the two wins. */
    boolean adopt(String batchId) {
        return batches()
                        .updateOne(
                                Filters.and(Filters.eq("_id", batchId), Filters.ne("aborting", true)),
                                new Document("$set", new Document("adopted", true)))
                        .getMatchedCount()
                > 0;
    }

    /** A request found items it would republish in a batch that is being aborted (so they are being removed). */
    public static final class BatchAborting extends RuntimeException {
        BatchAborting(String message) {
            super(message);
        }
    }

    /** Batches opened longer than {@code age} ago and never closed. */
    public List<OpenBatch> staleBatches(Duration age, int limit) {
        List<OpenBatch> stale = new ArrayList<>();
        batches()
                .find(Filters.lt("openedAt", Date.from(Instant.now(clock).minus(age))))
                .limit(limit)
                .forEach(b -> stale.add(new OpenBatch(
                        b.getString("_id"),
                        ItemKind.valueOf(b.getString("kind")),
                        b.getString("tenant"),
                        b.getInteger("parts", 1))));
        return stale;
    }

    /** The items a batch managed to store (a crash may have come before the insert). */
    public List<Stored> itemsOf(OpenBatch batch) {
        List<Stored> items = new ArrayList<>();
        collection(batch.kind())
                .find(Filters.in("_id", partIds(batch.batchId(), batch.parts())))
                .forEach(d -> items.addAll(items(d)));
        return items;
    }

    /** The parts of a request, in order: consecutive items, each part at most {@link #PART_BYTES} of raw text. */
    public static List<List<Item>> parts(List<Item> items) {
        List<List<Item>> parts = new ArrayList<>();
        int from = 0;
        long bytes = 0;
        for (int i = 0; i < items.size(); i++) {
            int size = items.get(i).raw().length + 1;
            if (i > from && bytes + size > PART_BYTES) {
                parts.add(items.subList(from, i));
                from = i;
                bytes = 0;
            }
            bytes += size;
        }
        if (from < items.size()) {
            parts.add(items.subList(from, items.size()));
        }
        return parts;
    }

    private static String partId(String batchId, int part) {
        return part == 0 ? batchId : batchId + "/" + (part + 1);
    }

    private static List<String> partIds(String batchId, int parts) {
        List<String> ids = new ArrayList<>(Math.max(1, parts));
        for (int p = 0; p < Math.max(1, parts); p++) {
            ids.add(partId(batchId, p));
        }
        return ids;
    }

    /**
     * A receipt's items, read back from its raw array: element i is the item whose id is the receipt's
     * {@code ids[i]} (they are written in the same order), its text cut out byte for byte.
     */
    private static List<Stored> items(Document receipt) {
        Instant receivedAt = receipt.getDate("receivedAt").toInstant();
        int prefix = receipt.getString("tenant").length() + 1;
        List<String> ids = receipt.getList("ids", String.class);
        byte[] raw = receipt.get("raw", Binary.class).getData();
        List<Stored> stored = new ArrayList<>(ids.size());
        try (JsonParser p = Json.mapper().getFactory().createParser(raw)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array");
            }
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                int end = (int) p.currentLocation().getByteOffset();
                if (stored.size() == ids.size()) {
                    throw new IOException("more items than ids");
                }
                stored.add(new Stored(
                        ids.get(stored.size()).substring(prefix), Arrays.copyOfRange(raw, start, end), receivedAt));
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "receipt " + receipt.get("_id") + " does not hold a JSON array of its items: " + e.getMessage(), e);
        }
        if (stored.size() != ids.size()) {
            throw new IllegalStateException(
                    "receipt " + receipt.get("_id") + " holds " + stored.size() + " items for " + ids.size() + " ids");
        }
        return stored;
    }

    private static List<String> ids(String tenant, List<Item> items) {
        List<String> ids = new ArrayList<>(items.size());
        for (Item item : items) {
            ids.add(id(tenant, item.itemId()));
        }
        return ids;
    }

    public Document upsertAthlete(
            String tenant, String athleteId, String displayName, List<String> coachIds, Instant changedAt) {
        Document doc = new Document("_id", id(tenant, athleteId))
                .append("tenant", tenant)
                .append("athleteId", athleteId)
                .append("displayName", displayName)
                .append("coachIds", coachIds)
                .append("changedAt", Date.from(changedAt));
        athletes().replaceOne(Filters.eq("_id", doc.get("_id")), doc, new ReplaceOptions().upsert(true));
        return doc;
    }

    private static String id(String tenant, String itemId) {
        return tenant + ":" + itemId;
    }

    private MongoCollection<Document> collection(ItemKind kind) {
        return mongo.getDatabase(database).getCollection(collectionOf(kind));
    }

    private static String collectionOf(ItemKind kind) {
        return switch (kind) {
            case SESSION -> "sessions_received";
            case CHECK_IN -> "check_ins_received";
        };
    }

    private MongoCollection<Document> batches() {
        return mongo.getDatabase(database).getCollection(BATCHES);
    }

    private MongoCollection<Document> athletes() {
        return mongo.getDatabase(database).getCollection("athletes");
    }
}
