package com.liftguard.risk.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.Topics;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KafkaBroker;
import com.liftguard.infra.KeyedRecords;
import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingested events in, triage decisions out and on the API, on a real broker. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class TriageFlowTest {
    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    private static KafkaCompanion kafka;
    private String athlete;

    @BeforeAll
    static void connect() {
        kafka = new KafkaCompanion(KafkaBroker.shared().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @BeforeEach
    void setUp() {
        athlete = "a-" + UUID.randomUUID();
    }

    static PainReport report(PainQuality quality, int intensity, PainOnset onset, int hours, boolean saddleNumbness) {
        return new PainReport(
                PainRegion.LOWER_BACK,
                PainSide.CENTRAL,
                quality,
                intensity,
                onset,
                hours,
                PainTrend.STABLE,
                false,
                false,
                false,
                saddleNumbness,
                false,
                false,
                false,
                false,
                false);
    }

    private Event<SessionIngested> session(String sessionId, OffsetDateTime at, PainReport... reports) {
        SessionIngested s = new SessionIngested(
                sessionId,
                athlete,
                at,
                60,
                8,
                List.of(new LoggedSet(Exercise.DEADLIFT, null, 5, 140, 8.0, null, null, null, null, null, null)),
                null,
                List.of(reports),
                Instant.now());
        return Event.of(EventIds.derive("session", "acme", sessionId + athlete), "/test", "acme", s, Instant.now());
    }

    private void send(String topic, Event<?> event) {
        send(new ProducerRecord<>(topic, event.key(), EventCodec.encode(event)));
    }

    /** Puts a record on its topic and waits for the broker to take it. */
    private static void send(ProducerRecord<String, String> record) {
        kafka.produceStrings().fromRecords(record).awaitCompletion(ARRIVAL);
    }

    /**
     * Every record of {@code key} on {@code topic} from its beginning, once there are {@code expected}, and no more
     * after a quiet moment: a duplicate would have followed by then.
     */
    private static List<ConsumerRecord<String, String>> records(String topic, String key, int expected) {
        return KeyedRecords.exactly(kafka, topic, key, expected);
    }

    private List<Event<TriageDecided>> decisionsOf(int expected) {
        return records(Topics.TRIAGE, "acme:" + athlete, expected).stream()
                .map(r -> EventCodec.decode(r.value(), TriageDecided.class))
                .toList();
    }

    @Test
    void theTraceOfTheIncomingEventContinuesInTheDecisionsRecord() {
        // a W3C trace context as ingestion sends it; the decision, relayed through the outbox, carries the same trace
        String traceId = HexFormat.of()
                .formatHex(ByteBuffer.allocate(16)
                        .putLong(System.nanoTime())
                        .putLong(7)
                        .array());
        Event<SessionIngested> event = session(
                "traced",
                OffsetDateTime.now(ZoneOffset.ofHours(1)),
                report(PainQuality.ACHING, 3, PainOnset.WITHIN_HOURS, 2, true));
        List<Header> traceContext = List.of(new RecordHeader(
                "traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8)));
        send(new ProducerRecord<>(Topics.SESSIONS, null, event.key(), EventCodec.encode(event), traceContext));
        ConsumerRecord<String, String> record =
                records(Topics.TRIAGE, "acme:" + athlete, 1).get(0);
        Header header = record.headers().lastHeader("traceparent");
        assertNotNull(header, "the decision record carries a traceparent");
        String traceparent = new String(header.value(), StandardCharsets.UTF_8);
        assertEquals(traceId, traceparent.split("-")[1], traceparent);
    }

    @Test
    void aRedFlagIsAnEmergencyOnKafkaAndOnTheApi() {
        Event<SessionIngested> event = session(
                "s1",
                OffsetDateTime.now(ZoneOffset.ofHours(1)),
                report(PainQuality.ACHING, 3, PainOnset.WITHIN_HOURS, 2, true));
        send(Topics.SESSIONS, event);

        List<Event<TriageDecided>> decisions = decisionsOf(1);
        assertEquals(TriageCategory.EMERGENCY, decisions.get(0).data().category());
        // operators see every rule that fired, per category
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when()
                        .get("/q/metrics")
                        .then()
                        .statusCode(200)
                        .body(containsString(
                                "liftguard_triage_rules_total{category=\"EMERGENCY\",code=\"SADDLE_NUMBNESS\""))
                        .body(containsString("liftguard_triage_decisions_total{category=\"EMERGENCY\"")));
        assertEquals("SADDLE_NUMBNESS", decisions.get(0).data().reasons().get(0).code());

        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/triage")
                .then()
                .statusCode(200)
                .body("category", equalTo("EMERGENCY"))
                .body("sourceId", equalTo("s1"))
                .body("reasons.code", hasItem("SADDLE_NUMBNESS"))
                .body("reasons[0].fields", equalTo(List.of("saddleNumbness")));

        // the same event again: no second decision
        send(Topics.SESSIONS, event);
        assertEquals(1, decisionsOf(1).size());
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/triage/history")
                .then()
                .statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void backPainAfterThreeOfTheLastFourSpinalSessionsIsRecurrent() {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-01T18:00:00+01:00");
        PainReport mild = report(PainQuality.DULL, 2, PainOnset.NEXT_DAY, 20, false);
        send(Topics.SESSIONS, session("r1", start, mild));
        send(Topics.SESSIONS, session("r2", start.plusDays(2)));
        send(Topics.SESSIONS, session("r3", start.plusDays(4), mild));
        List<Event<TriageDecided>> two = decisionsOf(2);
        assertEquals(TriageCategory.NORMAL_SORENESS, two.get(1).data().category());
        // a check-in reporting back pain after the 4th session makes it 3 of 4 (sent once the session is read,
        // as a platform would a day later: read first, the check-in would find three sessions, two with pain)
        send(Topics.SESSIONS, session("r4", start.plusDays(6)));
        records(Topics.RISK, "acme:" + athlete, 4);
        CheckInIngested checkIn =
                new CheckInIngested("c1", athlete, start.plusDays(7), null, List.of(mild), Instant.now());
        send(Topics.CHECK_INS, Event.of(EventIds.derive("check-in", athlete), "/test", "acme", checkIn, Instant.now()));
        List<Event<TriageDecided>> three = decisionsOf(3);
        assertEquals(TriageCategory.MODIFY_TRAINING, three.get(2).data().category());
        assertEquals(
                "RECURRENT_AFTER_SPINAL_SESSIONS",
                three.get(2).data().reasons().get(0).code());
    }

    @Test
    void aSessionReadAfterTheCheckInThatFollowedItCountsTheCheckInsBackPain() {
        OffsetDateTime start = OffsetDateTime.parse("2026-11-01T18:00:00+01:00");
        PainReport mild = report(PainQuality.DULL, 2, PainOnset.NEXT_DAY, 20, false);
        send(Topics.SESSIONS, session("o1", start));
        send(Topics.SESSIONS, session("o2", start.plusDays(2), mild));
        decisionsOf(1);
        // back pain on day 5, after the session of day 4, which the platform only sends later
        CheckInIngested checkIn =
                new CheckInIngested("c5", athlete, start.plusDays(5), null, List.of(mild), Instant.now());
        send(
                Topics.CHECK_INS,
                Event.of(EventIds.derive("check-in", athlete, "c5"), "/test", "acme", checkIn, Instant.now()));
        assertEquals(
                TriageCategory.NORMAL_SORENESS, decisionsOf(2).get(1).data().category());
        send(Topics.SESSIONS, session("o3", start.plusDays(4)));
        // back pain after o2, o3 (the check-in) and o4 of the last four: persistent soreness
        send(Topics.SESSIONS, session("o4", start.plusDays(6), mild));
        Event<TriageDecided> last = decisionsOf(3).get(2);
        assertEquals(TriageCategory.MODIFY_TRAINING, last.data().category());
        assertEquals(
                "RECURRENT_AFTER_SPINAL_SESSIONS", last.data().reasons().get(0).code());
    }

    @Test
    void aRedFlagCheckInFromAnAthleteWithNoSessionIsAnEmergency() {
        // the first thing the platform sends about this athlete is a check-in: there is no load history yet
        CheckInIngested checkIn = new CheckInIngested(
                "first",
                athlete,
                OffsetDateTime.now(ZoneOffset.UTC),
                null,
                List.of(report(PainQuality.ACHING, 3, PainOnset.WITHIN_HOURS, 2, true)),
                Instant.now());
        send(
                Topics.CHECK_INS,
                Event.of(EventIds.derive("check-in", athlete, "first"), "/test", "acme", checkIn, Instant.now()));
        List<Event<TriageDecided>> decisions = decisionsOf(1);
        assertEquals(TriageCategory.EMERGENCY, decisions.get(0).data().category());
        assertEquals(1, records(Topics.RISK, "acme:" + athlete, 1).size(), "and a risk assessment");
        // known from the check-in alone: figures of zero, not an error
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/load")
                .then()
                .statusCode(200);
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/risk")
                .then()
                .statusCode(200);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopic() {
        send(new ProducerRecord<>(Topics.SESSIONS, "acme:" + athlete, "{garbage"));
        records("liftguard.sessions.v1.dlq.risk-assessment", "acme:" + athlete, 1);
    }

    @Test
    void otherTenantsAndStrangersSeeNothing() {
        send(
                Topics.SESSIONS,
                session(
                        "t1",
                        OffsetDateTime.now(ZoneOffset.UTC),
                        report(PainQuality.SHARP, 8, PainOnset.DURING_SET, 0, false)));
        decisionsOf(1);
        given().header("X-Api-Key", "globex-key")
                .when()
                .get("/v1/athletes/" + athlete + "/triage")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/v1/athletes/" + athlete + "/triage").then().statusCode(401);
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/nobody-" + athlete + "/triage")
                .then()
                .statusCode(404);
    }
}
