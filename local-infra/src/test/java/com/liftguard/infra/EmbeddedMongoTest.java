package com.liftguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB features Liftguard may rely on, checked against mongo-java-server with the real driver,
 * and the limits that matter when designing a service (a test here fails when a new version lifts one,
 * which is news worth having).
 */
class EmbeddedMongoTest {
    private static MongoClient client;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedMongo.shared().connectionString());
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    /** A collection no other test touches: the server is shared by the whole JVM. */
    private static MongoCollection<Document> freshCollection() {
        return client.getDatabase("infra-test").getCollection("c" + UUID.randomUUID());
    }

    private static MongoCollection<Document> numbered(int count) {
        MongoCollection<Document> c = freshCollection();
        for (int i = 0; i < count; i++) {
            c.insertOne(new Document("_id", "k" + i).append("n", i).append("kind", i % 2 == 0 ? "even" : "odd"));
        }
        return c;
    }

    private static List<Integer> ns(Iterable<Document> docs) {
        List<Integer> out = new ArrayList<>();
        docs.forEach(d -> out.add(d.getInteger("n")));
        return out;
    }

    @Test
    void aUniqueCompoundIndexRejectsADuplicateWithCode11000() {
        MongoCollection<Document> c = freshCollection();
        c.createIndex(Indexes.ascending("tenant", "itemId"), new IndexOptions().unique(true));
        c.insertOne(new Document("tenant", "acme").append("itemId", "s1"));
        c.insertOne(new Document("tenant", "globex").append("itemId", "s1"));
        MongoWriteException e = assertThrows(
                MongoWriteException.class, () -> c.insertOne(new Document("tenant", "acme").append("itemId", "s1")));
        assertEquals(11000, e.getCode());
        assertEquals(ErrorCategory.DUPLICATE_KEY, e.getError().getCategory());
        assertEquals(2, c.countDocuments());
    }

    @Test
    void anUpdateOrUpsertIntoAUniqueKeyAlsoFailsWith11000() {
        MongoCollection<Document> c = freshCollection();
        c.createIndex(Indexes.ascending("a", "b"), new IndexOptions().unique(true));
        c.insertOne(new Document("a", 1).append("b", 1));
        c.insertOne(new Document("a", 1).append("b", 2));
        assertEquals(
                11000,
                assertThrows(MongoWriteException.class, () -> c.updateOne(Filters.eq("b", 2), Updates.set("b", 1)))
                        .getCode());
        assertEquals(
                11000,
                assertThrows(
                                MongoWriteException.class,
                                () -> c.updateOne(
                                        Filters.eq("b", 99),
                                        Updates.combine(Updates.set("a", 1), Updates.set("b", 1)),
                                        new UpdateOptions().upsert(true)))
                        .getCode());
    }

    @Test
    void anUnorderedInsertManyKeepsTheGoodDocumentsAndReportsTheDuplicates() {
        MongoCollection<Document> c = numbered(1);
        MongoBulkWriteException e = assertThrows(
                MongoBulkWriteException.class,
                () -> c.insertMany(
                        List.of(new Document("_id", "k0"), new Document("_id", "fresh")),
                        new InsertManyOptions().ordered(false)));
        assertEquals(
                List.of(11000),
                e.getWriteErrors().stream().map(w -> w.getCode()).toList());
        assertEquals(1, c.countDocuments(Filters.eq("_id", "fresh")));
    }

    @Test
    void findWithSortAndLimitAndSkip() {
        MongoCollection<Document> c = numbered(10);
        assertEquals(List.of(9, 8, 7), ns(c.find().sort(Sorts.descending("n")).limit(3)));
        assertEquals(
                List.of(2, 3), ns(c.find().sort(Sorts.ascending("n")).skip(2).limit(2)));
        assertEquals(
                List.of(8, 6, 4, 2, 0, 9),
                ns(c.find()
                        .sort(Sorts.orderBy(Sorts.ascending("kind"), Sorts.descending("n")))
                        .limit(6)));
    }

    @Test
    void inAndRangeFilters() {
        MongoCollection<Document> c = numbered(10);
        assertEquals(
                List.of(1, 4, 7),
                ns(c.find(Filters.in("_id", List.of("k1", "k4", "k7", "missing")))
                        .sort(Sorts.ascending("n"))));
        assertEquals(
                List.of(3, 4),
                ns(c.find(Filters.and(Filters.gt("n", 2), Filters.lt("n", 5))).sort(Sorts.ascending("n"))));
        assertEquals(5, c.countDocuments(Filters.eq("kind", "even")));
    }

    @Test
    void setSetOnInsertIncAndUpserts() {
        MongoCollection<Document> c = numbered(3);
        assertEquals(
                2,
                c.updateMany(Filters.in("_id", List.of("k1", "k2")), Updates.set("seen", true))
                        .getModifiedCount());
        assertEquals(2, c.countDocuments(Filters.eq("seen", true)));

        c.updateOne(
                Filters.eq("_id", "new"),
                Updates.combine(Updates.setOnInsert("n", 99), Updates.set("x", 1)),
                new UpdateOptions().upsert(true));
        c.updateOne(
                Filters.eq("_id", "new"),
                Updates.combine(Updates.setOnInsert("n", 100), Updates.set("x", 2)),
                new UpdateOptions().upsert(true));
        Document upserted = c.find(Filters.eq("_id", "new")).first();
        assertEquals(99, upserted.getInteger("n"));
        assertEquals(2, upserted.getInteger("x"));

        c.replaceOne(
                Filters.eq("_id", "k0"), new Document("_id", "k0").append("n", -1), new ReplaceOptions().upsert(true));
        assertEquals(-1, c.find(Filters.eq("_id", "k0")).first().getInteger("n"));

        Document after = c.findOneAndUpdate(
                Filters.eq("_id", "k1"),
                Updates.inc("n", 10),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        assertEquals(11, after.getInteger("n"));
    }

    @Test
    void simpleAggregationMatchSortLimit() {
        MongoCollection<Document> c = numbered(10);
        assertEquals(
                List.of(9, 7),
                ns(c.aggregate(List.of(
                        Aggregates.match(Filters.eq("kind", "odd")),
                        Aggregates.sort(Sorts.descending("n")),
                        Aggregates.limit(2)))));
    }

    @Test
    void aFileBackedServerKeepsItsDataAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("data.mv");
        try (EmbeddedMongo first = EmbeddedMongo.start(0, file);
                MongoClient c = MongoClients.create(first.connectionString())) {
            c.getDatabase("durable").getCollection("kept").insertOne(new Document("_id", "kept"));
        }
        try (EmbeddedMongo second = EmbeddedMongo.start(0, file);
                MongoClient c = MongoClients.create(second.connectionString())) {
            assertEquals(1, c.getDatabase("durable").getCollection("kept").countDocuments());
        }
    }

    @Test
    void limitTransactionsAreNotSupported() {
        MongoCollection<Document> c = freshCollection();
        assertThrows(MongoClientException.class, () -> {
            try (ClientSession session = client.startSession()) {
                session.startTransaction();
                c.insertOne(session, new Document("_id", "tx"));
                session.commitTransaction();
            }
        });
    }

    @Test
    void limitPartialIndexesAreNotSupportedButSparseOnesAre() {
        MongoCollection<Document> c = numbered(2);
        // the filter is ignored, so the documents without the field collide on null
        assertThrows(
                MongoException.class,
                () -> c.createIndex(
                        Indexes.ascending("p"),
                        new IndexOptions().unique(true).partialFilterExpression(Filters.exists("p"))));
        c.createIndex(Indexes.ascending("s"), new IndexOptions().unique(true).sparse(true));
        c.insertOne(new Document("_id", "s1").append("s", "x"));
        assertEquals(
                11000,
                assertThrows(MongoWriteException.class, () -> c.insertOne(new Document("_id", "s2").append("s", "x")))
                        .getCode());
    }
}
