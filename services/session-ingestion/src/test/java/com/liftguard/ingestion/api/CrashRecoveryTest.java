package com.liftguard.ingestion.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.liftguard.events.SessionIngested;
import com.liftguard.events.Topics;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KeyedRecords;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.ingestion.domain.ItemKind;
import com.liftguard.ingestion.persistence.IngestStore;
import com.liftguard.ingestion.service.PendingSweep;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is stored, and what happens when an instance dies between storing a batch and Kafka's
 * acknowledgement: the state such a crash leaves is made with the store's own calls, then recovered.
 */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class CrashRecoveryTest {
    @Inject
    IngestStore store;

    @Inject
    PendingSweep sweep;

    @Inject
    MongoClient mongo;

    @Inject
    Clock clock;

    private static KafkaCompanion kafka;
    private String athlete;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @BeforeEach
    void setUp() {
        athlete = "a-" + UUID.randomUUID();
    }

    private String session(String sessionId) {
        return """
                {"sessionId":"%s","athleteId":"%s","performedAt":"2026-11-20T18:30:00+01:00","durationMinutes":60,
                 "sessionRpe":7,"sets":[{"exercise":"DEADLIFT","variant":"SUMO","reps":3,"loadKg":150,"rir":1}],
                 "wellness":{"sleepHours":6.5}}""".formatted(sessionId, athlete);
    }

    private Document stored(String sessionId) {
        return mongo.getDatabase(ConfigProvider.getConfig().getValue("quarkus.mongodb.database", String.class))
                .getCollection("sessions_received")
                .find(Filters.eq("ids", "acme:" + sessionId))
                .first();
    }

    /** What a request that died after inserting, before Kafka acknowledged, leaves behind. */
    private void crashAfterInsert(String batchId, String sessionId, Instant at) throws Exception {
        List<IngestStore.Item> items =
                List.of(new IngestStore.Item(sessionId, session(sessionId).getBytes(StandardCharsets.UTF_8)));
        store.open(ItemKind.SESSION, "acme", batchId, items, at);
        store.insertNew(ItemKind.SESSION, "acme", batchId, items, at);
    }

    @Test
    void theRawItemIsStoredAsReceivedBesideWhoAndWhen() throws Exception {
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("raw-1") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        Document doc = stored("raw-1");
        assertEquals("acme", doc.getString("tenant"));
        assertEquals(List.of("acme:raw-1"), doc.getList("ids", String.class));
        // the body's one item, byte for byte (its line breaks included), in a JSON array
        assertEquals(
                "[" + session("raw-1") + "]",
                new String(doc.get("raw", Binary.class).getData(), StandardCharsets.UTF_8));
        SessionIngested published = EventCodec.decode(
                        KeyedRecords.exactly(kafka, Topics.SESSIONS, "acme:" + athlete, 1)
                                .get(0)
                                .value(),
                        SessionIngested.class)
                .data();
        assertEquals(doc.getDate("receivedAt").toInstant(), published.receivedAt());
    }

    @Test
    void aRetryOfAnItemWhoseRequestDiedPublishesItOnce() throws Exception {
        crashAfterInsert(
                UUID.randomUUID().toString(), "crashed-1", Instant.now(clock).truncatedTo(ChronoUnit.MILLIS));
        // the platform got no answer and sends the item again: it is accepted, now published, exactly once
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("crashed-1") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("results.status", equalTo(List.of("ACCEPTED")));
        KeyedRecords.exactly(kafka, Topics.SESSIONS, "acme:" + athlete, 1);
    }

    @Test
    void theSweeperPublishesWhatADeadRequestStoredAndClosesItsBatch() throws Exception {
        Instant longAgo = Instant.now(clock).minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        String batchId = UUID.randomUUID().toString();
        crashAfterInsert(batchId, "swept-1", longAgo);
        // and one that died before inserting anything: nothing to publish, but its marker goes too
        String empty = UUID.randomUUID().toString();
        store.open(
                ItemKind.SESSION,
                "acme",
                empty,
                List.of(new IngestStore.Item(
                        "never-stored", session("never-stored").getBytes(StandardCharsets.UTF_8))),
                longAgo);

        sweep.sweep();

        SessionIngested published = EventCodec.decode(
                        KeyedRecords.exactly(kafka, Topics.SESSIONS, "acme:" + athlete, 1)
                                .get(0)
                                .value(),
                        SessionIngested.class)
                .data();
        assertEquals("swept-1", published.sessionId());
        assertEquals(longAgo, published.receivedAt());
        MongoCollection<Document> batches = mongo.getDatabase(
                        ConfigProvider.getConfig().getValue("quarkus.mongodb.database", String.class))
                .getCollection("ingest_batches");
        assertNull(batches.find(Filters.eq("_id", batchId)).first());
        assertNull(batches.find(Filters.eq("_id", empty)).first());
        // once closed, the item is an ordinary duplicate
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("swept-1") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("results.status", equalTo(List.of("DUPLICATE")));
    }
}
