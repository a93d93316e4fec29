package com.liftguard.ingestion.persistence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.ingestion.domain.ItemKind;
import com.liftguard.ingestion.persistence.IngestStore.Item;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Receipts: one document per request, the unique index on item ids deciding what is new. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class IngestStoreTest {
    @Inject
    IngestStore store;

    @Inject
    MongoClient mongo;

    @Inject
    Clock clock;

    private String tenant;
    private Instant at;

    @BeforeEach
    void setUp() {
        at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        // a tenant per test: the ids never meet another test's
        tenant = "t-" + UUID.randomUUID();
    }

    private static Item item(String id) {
        return item(id, "");
    }

    private static Item item(String id, String padding) {
        return new Item(
                id,
                ("{\"sessionId\": \"" + id + "\",\n \"note\":\"" + padding + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private MongoCollection<Document> receipts() {
        return mongo.getDatabase(ConfigProvider.getConfig().getValue("quarkus.mongodb.database", String.class))
                .getCollection("sessions_received");
    }

    private boolean[] insert(String batchId, List<Item> items) {
        store.open(ItemKind.SESSION, tenant, batchId, items, at);
        return store.insertNew(ItemKind.SESSION, tenant, batchId, items, at);
    }

    private static List<String> ids(List<IngestStore.Stored> stored) {
        return stored.stream().map(IngestStore.Stored::itemId).toList();
    }

    @Test
    void aSecondBatchStoresOnlyTheIdsTheTenantDoesNotHaveYet() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        assertArrayEquals(new boolean[] {true, true}, insert(first, List.of(item("x"), item("y"))));
        assertArrayEquals(new boolean[] {false, true, false}, insert(second, List.of(item("y"), item("z"), item("x"))));

        assertEquals(
                List.of(tenant + ":x", tenant + ":y"),
                receipts().find(Filters.eq("_id", first)).first().getList("ids", String.class));
        List<IngestStore.Stored> stored = store.itemsOf(new IngestStore.OpenBatch(second, ItemKind.SESSION, tenant, 1));
        assertEquals(List.of("z"), ids(stored));
        assertArrayEquals(item("z").raw(), stored.get(0).raw());
        assertEquals(at, stored.get(0).receivedAt());
        // another tenant's ids are its own
        String other = tenant;
        tenant = "t-" + UUID.randomUUID();
        assertArrayEquals(new boolean[] {true}, insert(UUID.randomUUID().toString(), List.of(item("x"))));
        tenant = other;
    }

    @Test
    void aBatchOfOnlyDuplicatesStoresNoReceipt() {
        insert(UUID.randomUUID().toString(), List.of(item("d1")));
        String again = UUID.randomUUID().toString();
        assertArrayEquals(new boolean[] {false}, insert(again, List.of(item("d1"))));
        assertEquals(0, receipts().countDocuments(Filters.eq("_id", again)));
    }

    @Test
    void insertingTheSameReceiptAgainFindsItsOwnItemsStored() {
        // as when a write landed but its answer was lost and the insert ran again
        String batchId = UUID.randomUUID().toString();
        insert(batchId, List.of(item("o1"), item("o2")));
        assertArrayEquals(
                new boolean[] {true, true},
                store.insertNew(ItemKind.SESSION, tenant, batchId, List.of(item("o1"), item("o2")), at));
    }

    @Test
    void abortRemovesWhatTheBatchStoredAndNothingElse() {
        insert(UUID.randomUUID().toString(), List.of(item("kept")));
        String aborted = UUID.randomUUID().toString();
        List<Item> items = List.of(item("kept"), item("gone"));
        assertArrayEquals(new boolean[] {false, true}, insert(aborted, items));

        store.abort(ItemKind.SESSION, aborted, IngestStore.parts(items).size());

        assertEquals(1, receipts().countDocuments(Filters.eq("ids", tenant + ":kept")));
        assertEquals(0, receipts().countDocuments(Filters.eq("ids", tenant + ":gone")));
        assertTrue(store.staleBatches(Duration.ZERO, 10_000).stream()
                .noneMatch(b -> b.batchId().equals(aborted)));
        // and the aborted id can be sent again
        assertArrayEquals(new boolean[] {true}, insert(UUID.randomUUID().toString(), List.of(item("gone"))));
    }

    @Test
    void anAbortKeepsWhatAnotherRequestRepublishedAndLeavesTheBatchToTheSweeper() {
        // request A stored r1 and r2 and is still waiting for Kafka; a retry B finds r1 a duplicate of A's open batch
        String a = UUID.randomUUID().toString();
        List<Item> items = List.of(item("r1"), item("r2"));
        insert(a, items);
        String b = UUID.randomUUID().toString();
        assertArrayEquals(new boolean[] {false}, insert(b, List.of(item("r1"))));
        assertEquals(List.of("r1"), ids(store.stillOpen(ItemKind.SESSION, tenant, List.of("r1"), b)));

        // B publishes r1 and answers ACCEPTED; then A gives up: what A stored stays
        assertFalse(store.abort(ItemKind.SESSION, a, IngestStore.parts(items).size()));
        assertEquals(1, receipts().countDocuments(Filters.eq("ids", tenant + ":r1")));
        IngestStore.OpenBatch open = store.staleBatches(Duration.ZERO, 10_000).stream()
                .filter(batch -> batch.batchId().equals(a))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("r1", "r2"), ids(store.itemsOf(open)), "for the sweeper to publish");
    }

    @Test
    void aRequestDoesNotRepublishFromABatchBeingAborted() {
        String a = UUID.randomUUID().toString();
        insert(a, List.of(item("g1")));
        assertTrue(store.claimAbort(a)); // A is removing what it stored
        String b = UUID.randomUUID().toString();
        assertArrayEquals(new boolean[] {false}, insert(b, List.of(item("g1"))));
        assertThrows(
                IngestStore.BatchAborting.class, () -> store.stillOpen(ItemKind.SESSION, tenant, List.of("g1"), b));
        assertFalse(store.adopt(a));
    }

    @Test
    void aClosedBatchIsNotAborted() {
        String a = UUID.randomUUID().toString();
        List<Item> items = List.of(item("c1"));
        insert(a, items);
        store.close(a); // its events are on Kafka
        assertFalse(store.abort(ItemKind.SESSION, a, IngestStore.parts(items).size()));
        assertEquals(1, receipts().countDocuments(Filters.eq("ids", tenant + ":c1")));
    }

    @Test
    void aRequestLargerThanAPartIsStoredAsSeveralReceiptsAndReadBackWhole() {
        String pad = "p".repeat(3 * 1024 * 1024);
        List<Item> items = List.of(item("big-1", pad), item("big-2", pad), item("big-3", pad), item("small"));
        assertEquals(
                List.of(2, 2), IngestStore.parts(items).stream().map(List::size).toList());
        String batchId = UUID.randomUUID().toString();
        assertArrayEquals(new boolean[] {true, true, true, true}, insert(batchId, items));

        IngestStore.OpenBatch open = store.staleBatches(Duration.ZERO, 10_000).stream()
                .filter(b -> b.batchId().equals(batchId))
                .findFirst()
                .orElseThrow();
        assertEquals(2, open.parts());
        List<IngestStore.Stored> stored = store.itemsOf(open);
        assertEquals(List.of("big-1", "big-2", "big-3", "small"), ids(stored));
        assertArrayEquals(items.get(2).raw(), stored.get(2).raw());

        store.abort(ItemKind.SESSION, batchId, open.parts());
        assertEquals(List.of(), store.itemsOf(open));
    }

    @Test
    void concurrentBatchesWithOverlappingIdsStoreEachIdExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int worker = w;
                results.add(pool.submit((Callable<List<String>>) () -> {
                    List<String> mine = new ArrayList<>();
                    for (int round = 0; round < 25; round++) {
                        // every worker sends ids round*10 .. round*10+9, in a different order
                        List<Item> items = new ArrayList<>();
                        for (int i = 0; i < 10; i++) {
                            items.add(item("c-" + (round * 10 + (i + worker * 3) % 10)));
                        }
                        boolean[] inserted = insert(UUID.randomUUID().toString(), items);
                        for (int i = 0; i < items.size(); i++) {
                            if (inserted[i]) {
                                mine.add(items.get(i).itemId());
                            }
                        }
                    }
                    return mine;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> r : results) {
                all.addAll(r.get());
            }
            assertEquals(250, all.size(), "each id stored by exactly one batch");
            assertEquals(250, new HashSet<>(all).size());
            Set<String> inMongo = new HashSet<>();
            receipts().find(Filters.eq("tenant", tenant)).forEach(d -> inMongo.addAll(d.getList("ids", String.class)));
            assertEquals(250, inMongo.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
