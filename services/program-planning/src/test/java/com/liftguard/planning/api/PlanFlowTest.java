package com.liftguard.planning.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.Topics;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KeyedRecords;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.planning.messaging.PlanConsumer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Triage in, restriction and RecoveryScheduled out, clearance by a coach, on a real broker. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class PlanFlowTest {
    @Inject
    PlanConsumer consumer;

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

    private void send(String topic, Event<?> event) {
        KeyedRecords.send(kafka, topic, event.key(), EventCodec.encode(event));
    }

    private Event<TriageDecided> triage(String id, TriageCategory category, String code) {
        PainReport report = new PainReport(
                PainRegion.LOWER_BACK,
                PainSide.LEFT,
                PainQuality.SHOOTING,
                6,
                PainOnset.WITHIN_HOURS,
                5,
                PainTrend.STABLE,
                true,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false);
        TriageDecided t = new TriageDecided(
                EventIds.derive(id, athlete),
                athlete,
                TriageDecided.SourceKind.SESSION,
                "s-" + id,
                0,
                report,
                category,
                List.of(new Reason(code, "because " + code, List.of("radiatesBelowKnee"))),
                Instant.now());
        return Event.of(t.decisionId(), "/test", "acme", t, Instant.now());
    }

    private void roster(String... coaches) {
        send(
                Topics.ROSTER,
                Event.of(
                        EventIds.derive("roster", athlete, UUID.randomUUID().toString()),
                        "/test",
                        "acme",
                        new RosterChanged(athlete, "Ann", List.of(coaches), Instant.now()),
                        Instant.now()));
    }

    private List<Event<RecoveryScheduled>> recoveryEvents(int expected) {
        return KeyedRecords.exactly(kafka, Topics.RECOVERY, "acme:" + athlete, expected).stream()
                .map(r -> EventCodec.decode(r.value(), RecoveryScheduled.class))
                .toList();
    }

    @Test
    void seeClinicianPausesSpinalLoadingUntilACoachClearsIt() {
        roster("c1");
        Event<TriageDecided> decided = triage("t1", TriageCategory.SEE_CLINICIAN, "RADIATES_BELOW_KNEE");
        send(Topics.TRIAGE, decided);

        List<Event<RecoveryScheduled>> events = recoveryEvents(1);
        assertEquals(
                RecoveryScheduled.Action.PAUSE_SPINAL_LOADING,
                events.get(0).data().action());
        assertEquals(decided.id(), events.get(0).data().causeEventId());
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/plan")
                .then()
                .statusCode(200)
                .body("mayIncreaseLoad", equalTo(false))
                .body("restrictions[0].restriction", equalTo("PAUSE_SPINAL_LOADING"))
                .body("restrictions[0].reason.code", equalTo("RADIATES_BELOW_KNEE"));

        // a replay changes nothing: no second event, no second adjustment
        List<String> adjustments = given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/adjustments")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("PAUSE_SPINAL_LOADING"))
                .body("items.causeEventId", everyItem(equalTo(decided.id())))
                .extract()
                .jsonPath()
                .getList("items.id");
        send(Topics.TRIAGE, decided);
        assertEquals(1, recoveryEvents(1).size());
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/adjustments")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(adjustments));

        // a stranger cannot clear; the coach can, once
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("{\"coachId\":\"stranger\"}")
                .when()
                .post("/v1/athletes/" + athlete + "/clearance")
                .then()
                .statusCode(403);
        // (the roster comes on its own topic: until it has been read, c1 is not yet a coach of the athlete)
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().header("X-Api-Key", "acme-key")
                        .contentType("application/json")
                        .body("{\"coachId\":\"c1\",\"note\":\"seen by physio, cleared\"}")
                        .when()
                        .post("/v1/athletes/" + athlete + "/clearance")
                        .then()
                        .statusCode(200)
                        .body("clearedBy", equalTo("c1")));
        assertEquals(
                RecoveryScheduled.Action.CLEARED,
                recoveryEvents(2).get(1).data().action());
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/plan")
                .then()
                .statusCode(200)
                .body("restrictions", hasSize(0))
                // cleared, but back to basics: no load increase until the gate is met
                .body("returnToBasics", equalTo(true))
                .body("mayIncreaseLoad", equalTo(false));
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("{\"coachId\":\"c1\"}")
                .when()
                .post("/v1/athletes/" + athlete + "/clearance")
                .then()
                .statusCode(409);
    }

    @Test
    void anEmergencyIsNotWeakenedByALaterMilderDecision() {
        roster("c1");
        send(Topics.TRIAGE, triage("e1", TriageCategory.EMERGENCY, "SADDLE_NUMBNESS"));
        send(Topics.TRIAGE, triage("e2", TriageCategory.SEE_CLINICIAN, "FEVER"));
        List<Event<RecoveryScheduled>> events = recoveryEvents(1);
        assertEquals(
                RecoveryScheduled.Action.PAUSE_ALL_TRAINING,
                events.get(0).data().action());
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/plan")
                .then()
                .statusCode(200)
                .body("restrictions[0].paused", equalTo(List.of("ALL_TRAINING")));
    }

    @Test
    void rosterAndTriageRacingOnANewAthleteLoseNothing() throws Exception {
        // both channels create the athlete's plan row at the same instant; the loser must retry, not fail
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                athlete = "race-" + i + "-" + UUID.randomUUID();
                Event<TriageDecided> decided = triage("r" + i, TriageCategory.EMERGENCY, "SADDLE_NUMBNESS");
                String rosterJson = EventCodec.encode(Event.of(
                        EventIds.derive("roster", athlete),
                        "/test",
                        "acme",
                        new RosterChanged(athlete, "Ann", List.of("c1"), Instant.now()),
                        Instant.now()));
                CyclicBarrier together = new CyclicBarrier(2);
                Future<?> a = pool.submit(() -> {
                    together.await();
                    consumer.roster(oneRecord(Topics.ROSTER, rosterJson));
                    return null;
                });
                Future<?> b = pool.submit(() -> {
                    together.await();
                    consumer.triage(oneRecord(Topics.TRIAGE, EventCodec.encode(decided)));
                    return null;
                });
                a.get(30, TimeUnit.SECONDS);
                b.get(30, TimeUnit.SECONDS);
                given().header("X-Api-Key", "acme-key")
                        .when()
                        .get("/v1/athletes/" + athlete + "/plan")
                        .then()
                        .statusCode(200)
                        .body("restrictions[0].paused", equalTo(List.of("ALL_TRAINING")));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A poll of one record, as the channel hands it over. */
    private ConsumerRecords<String, String> oneRecord(String topic, String value) {
        TopicPartition tp = new TopicPartition(topic, 0);
        return new ConsumerRecords<>(
                Map.of(tp, List.of(new ConsumerRecord<>(topic, 0, 0L, "acme:" + athlete, value))), Map.of());
    }

    @Test
    void clearanceRequestsAreValidatedAndScopedToTheTenant() {
        given().header("X-Api-Key", "acme-key")
                .contentType("application/json")
                .body("{\"note\":5,\"x\":1}")
                .when()
                .post("/v1/athletes/" + athlete + "/clearance")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", equalTo(List.of("/x", "/coachId", "/note")));
        roster("c1");
        send(Topics.TRIAGE, triage("g1", TriageCategory.EMERGENCY, "SADDLE_NUMBNESS"));
        recoveryEvents(1);
        given().header("X-Api-Key", "globex-key")
                .when()
                .get("/v1/athletes/" + athlete + "/plan")
                .then()
                .statusCode(404);
        given().header("X-Api-Key", "globex-key")
                .contentType("application/json")
                .body("{\"coachId\":\"c1\"}")
                .when()
                .post("/v1/athletes/" + athlete + "/clearance")
                .then()
                .statusCode(404);
    }

    @Test
    void unreadableRecordsGoToTheDeadLetterTopic() {
        KeyedRecords.send(kafka, Topics.TRIAGE, "acme:" + athlete, "not an event");
        KeyedRecords.exactly(kafka, "liftguard.triage.v1.dlq.program-planning", "acme:" + athlete, 1);
    }
}
