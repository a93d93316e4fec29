package com.liftguard.ingestion.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.Topics;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KeyedRecords;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.support.messaging.DeadLetterHeaders;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP in, Kafka out, on a real broker and mongo-java-server. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class IngestionFlowTest {
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
                {"sessionId":"%s","athleteId":"%s","performedAt":"2026-11-20T18:30:00+01:00",
                 "durationMinutes":60,"sessionRpe":7,
                 "sets":[{"exercise":"BACK_SQUAT","reps":5,"loadKg":100,"rpe":8}],
                 "painReports":[{"region":"LOWER_BACK","side":"CENTRAL","quality":"DULL","intensity":2,
                                 "onset":"NEXT_DAY","hoursSinceOnset":20,"trend":"IMPROVING","saddleNumbness":true}]}
                """.formatted(sessionId, athlete);
    }

    private List<ConsumerRecord<String, String>> recordsOf(String topic, String key, int expected) {
        return KeyedRecords.exactly(kafka, topic, key, expected);
    }

    private List<Event<SessionIngested>> sessionEventsOf(String athleteId, int expected) {
        return recordsOf(Topics.SESSIONS, "acme:" + athleteId, expected).stream()
                .map(ConsumerRecord::value)
                .map(v -> EventCodec.decode(v, SessionIngested.class))
                .toList();
    }

    @Test
    void anAcceptedSessionIsOnKafkaKeyedByTenantAndAthlete() {
        String body = "[" + session("s1") + "," + session("s2") + "]";
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body(body)
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(2))
                .body("duplicates", equalTo(0))
                .body("results.sessionId", equalTo(List.of("s1", "s2")))
                .body("results.status", equalTo(List.of("ACCEPTED", "ACCEPTED")))
                .body("results[0]", not(hasKey("checkInId")));

        List<ConsumerRecord<String, String>> records = recordsOf(Topics.SESSIONS, "acme:" + athlete, 2);
        // each record names its event, and carries the request's trace (W3C traceparent) to the consumers
        for (ConsumerRecord<String, String> r : records) {
            assertEquals("com.liftguard.session.ingested.v1", header(r, "ce_type"));
            String traceparent = header(r, "traceparent");
            assertTrue(
                    traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"),
                    "traceparent: " + traceparent);
        }
        List<Event<SessionIngested>> events = records.stream()
                .map(ConsumerRecord::value)
                .map(v -> EventCodec.decode(v, SessionIngested.class))
                .toList();
        assertEquals(2, events.size());
        Event<SessionIngested> first = events.get(0);
        assertEquals("acme", first.tenant());
        assertEquals("2026-11-20T18:30+01:00", first.data().performedAt().toString());
        assertEquals(true, first.data().painReports().get(0).saddleNumbness());
    }

    @Test
    void aSessionSentAgainIsADuplicateAndPublishesNothing() {
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("dup") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("dup") + "," + session("dup") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(2))
                .body("results.status", equalTo(List.of("DUPLICATE", "DUPLICATE")));
        assertEquals(1, sessionEventsOf(athlete, 1).size());
    }

    @Test
    void tenantsHaveTheirOwnIdSpace() {
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("shared") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
        given().header("X-Api-Key", "globex-key")
                .contentType("application/json")
                .body("[" + session("shared") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
    }

    @Test
    void anInvalidBatchIsRefusedWholeWithEveryError() {
        String bad =
                session("bad").replace("\"reps\":5", "\"reps\":0").replace("\"sessionRpe\":7", "\"sessionRpe\":12");
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("good") + "," + bad + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.pointer", equalTo(List.of("/1/sessionRpe", "/1/sets/0/reps")));
        // nothing of the batch was kept: the good item is still new
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("good") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));
    }

    @Test
    void aKeyIsRequired() {
        given().contentType("application/json")
                .body("[" + session("x") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Api-Key", "nope")
                .contentType("application/json")
                .body("[" + session("x") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(401);
    }

    @Test
    void rosterEntriesArePublished() {
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("{\"displayName\":\"Ann\",\"coachIds\":[\"c1\",\"c2\"]}")
                .when()
                .put("/v1/athletes/" + athlete)
                .then()
                .statusCode(200)
                .body("coachIds", hasItem("c2"));
        assertEquals(1, recordsOf(Topics.ROSTER, "acme:" + athlete, 1).size());
    }

    private void produceIngest(String topic, String key, String value, String apiKey) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        if (apiKey != null) {
            record.headers().add("x-api-key", apiKey.getBytes(StandardCharsets.UTF_8));
        }
        kafka.produceStrings().fromRecords(record).awaitCompletion(Duration.ofSeconds(10));
    }

    @Test
    void sessionsStreamedIntoTheIngestTopicTakeTheSamePath() {
        produceIngest(Topics.INGEST_SESSIONS, athlete, session("k1"), "acme-key");
        List<Event<SessionIngested>> events = sessionEventsOf(athlete, 1);
        assertEquals("k1", events.get(0).data().sessionId());
        // and it is now known to the HTTP path too
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + session("k1") + "]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("duplicates", equalTo(1));
    }

    @Test
    void invalidStreamedRecordsGoToTheDeadLetterTopicWithTheReason() {
        String bad = session("k-bad").replace("\"reps\":5", "\"reps\":0");
        produceIngest(Topics.INGEST_SESSIONS, athlete, bad, "acme-key");
        produceIngest(Topics.INGEST_SESSIONS, athlete, session("k-nokey"), null);
        produceIngest(Topics.INGEST_SESSIONS, athlete, "{not json", "acme-key");

        // each channel has its own dead-letter topic, with the headers every consumer writes
        List<ConsumerRecord<String, String>> dead =
                recordsOf(Topics.INGEST_SESSIONS + ".dlq.session-ingestion", athlete, 3);
        List<String> reasons =
                dead.stream().map(r -> header(r, DeadLetterHeaders.REASON)).toList();
        assertEquals("invalid session", reasons.get(0));
        assertEquals("the x-api-key header is missing", reasons.get(1));
        assertTrue(reasons.get(2).startsWith("the value is not JSON"), reasons.get(2));
        assertTrue(header(dead.get(0), DeadLetterHeaders.ERRORS).contains("/sets/0/reps"));
        assertEquals(Topics.INGEST_SESSIONS, header(dead.get(0), DeadLetterHeaders.TOPIC));
        assertEquals(bad, dead.get(0).value());
        // a credential is never copied into a dead-letter topic
        assertNull(header(dead.get(0), "x-api-key"));
        assertNull(header(dead.get(2), "x-api-key"));
        // nothing of them reached the sessions topic
        assertEquals(0, recordsOf(Topics.SESSIONS, "acme:" + athlete, 0).size());
    }

    @Test
    void rosterEntriesCanBeStreamedToo() {
        produceIngest(
                Topics.INGEST_ROSTER,
                athlete,
                "{\"athleteId\":\"" + athlete + "\",\"displayName\":\"Bo\",\"coachIds\":[\"c9\"]}",
                "acme-key");
        assertEquals(1, recordsOf(Topics.ROSTER, "acme:" + athlete, 1).size());
    }

    @Test
    void anOversizeBodyIs413ProblemBeforeItIsRead() {
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[" + "\"x\",".repeat(300_000) + "\"x\"]")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void malformedJsonIsAProblemToo() {
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("[{\"sessionId\":")
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @Test
    void aCheckInIsAnsweredByItsIdAndPublishedOnceOnTheCheckInTopic() {
        String checkIn = """
                {"checkInId":"c-%s","athleteId":"%s","reportedAt":"2026-11-21T08:00:00Z","wellness":{"sleepHours":5},
                 "painReports":[]}""".formatted(athlete, athlete);
        for (String expected : List.of("ACCEPTED", "DUPLICATE")) {
            given().header("X-Api-Key", "acme-key")
                    .contentType("application/json")
                    .body("[" + checkIn + "]")
                    .when()
                    .post("/v1/check-ins")
                    .then()
                    .statusCode(202)
                    .contentType("application/json")
                    .body("accepted", equalTo(expected.equals("ACCEPTED") ? 1 : 0))
                    .body("duplicates", equalTo(expected.equals("ACCEPTED") ? 0 : 1))
                    .body("results.checkInId", equalTo(List.of("c-" + athlete)))
                    .body("results.status", equalTo(List.of(expected)))
                    .body("results[0]", not(hasKey("sessionId")));
        }
        assertEquals(1, recordsOf(Topics.CHECK_INS, "acme:" + athlete, 1).size());
    }
}
