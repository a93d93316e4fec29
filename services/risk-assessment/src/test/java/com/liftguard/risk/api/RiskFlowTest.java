package com.liftguard.risk.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.Topics;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.Wellness;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KafkaBroker;
import com.liftguard.infra.KeyedRecords;
import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sessions and check-ins in; load, e1RM and risk on the API and RiskAssessed on Kafka, on a real broker. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class RiskFlowTest {
    private static final LocalDate START = LocalDate.of(2026, 9, 1);
    private static final ZoneOffset PLUS_ONE = ZoneOffset.ofHours(1);
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
        // figures are doubles; RestAssured's default would read them as floats
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @AfterEach
    void tearDown() {
        RestAssured.reset();
    }

    private Event<SessionIngested> session(
            String athleteId,
            String id,
            OffsetDateTime at,
            int minutes,
            double rpe,
            Double sleepHours,
            LoggedSet... sets) {
        SessionIngested s = new SessionIngested(
                id,
                athleteId,
                at,
                minutes,
                rpe,
                List.of(sets),
                sleepHours == null ? null : new Wellness(sleepHours, null, null),
                List.of(),
                Instant.now());
        return Event.of(EventIds.derive("session", "acme", athleteId, id), "/test", "acme", s, Instant.now());
    }

    private static LoggedSet squat(int reps, double kg, Double rpe) {
        return new LoggedSet(Exercise.BACK_SQUAT, null, reps, kg, rpe, null, null, null, null, null, null);
    }

    private static LoggedSet deadlift(int reps, double kg, Double rpe) {
        return new LoggedSet(Exercise.DEADLIFT, null, reps, kg, rpe, null, null, null, null, null, null);
    }

    /** Puts the events on their topics, in this order, and waits for the broker to take every one. */
    private void send(List<? extends Event<?>> events) {
        kafka.produceStrings()
                .fromRecords(events.stream()
                        .map(e -> new ProducerRecord<>(e.eventType().topic(), e.key(), EventCodec.encode(e)))
                        .toList())
                .awaitCompletion(ARRIVAL);
    }

    private void send(Event<?> event) {
        send(List.of(event));
    }

    private JsonPath get(String athleteId, String path) {
        return given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athleteId + path)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /**
     * Every RiskAssessed of the athlete from the topic's beginning, once there are {@code expected}, and no more
     * after a quiet moment: a duplicate would have followed by then.
     */
    private List<Event<RiskAssessed>> assessments(String athleteId, int expected) {
        String key = "acme:" + athleteId;
        List<ConsumerRecord<String, String>> records = KeyedRecords.exactly(kafka, Topics.RISK, key, expected);
        return records.stream()
                .map(r -> EventCodec.decode(r.value(), RiskAssessed.class))
                .toList();
    }

    /** Four weeks of steady training (a session every other day), then a week of double volume every day. */
    private List<Event<SessionIngested>> spikeHistory(String athleteId) {
        List<Event<SessionIngested>> events = new ArrayList<>();
        for (int d = 0; d < 35; d++) {
            OffsetDateTime at = START.plusDays(d).atTime(18, 0).atOffset(PLUS_ONE);
            if (d < 28 && d % 2 == 0) {
                events.add(session(athleteId, "s" + d, at, 60, 6, 7.5, squat(5, 100, 7.0)));
            } else if (d >= 28) {
                events.add(session(athleteId, "s" + d, at, 90, 8, 7.5, squat(5, 100, 8.0)));
            }
        }
        return events;
    }

    /** The same EWMA, computed the slow way over every day from the first session. */
    private static double ewma(double[] daily, int upTo, double lambda) {
        double e = 0;
        for (int d = 0; d <= upTo; d++) {
            e = lambda * daily[d] + (1 - lambda) * e;
        }
        return e;
    }

    @Test
    void loadFiguresFollowRulesMdAndAnAcwrSpikeRaisesTheRisk() {
        List<Event<SessionIngested>> history = spikeHistory(athlete);
        send(history);
        List<Event<RiskAssessed>> published = assessments(athlete, history.size());

        double[] daily = new double[35];
        for (int d = 0; d < 35; d++) {
            daily[d] = d < 28 ? (d % 2 == 0 ? 360 : 0) : 720;
        }
        LocalDate asOf = START.plusDays(34);
        double acute = ewma(daily, 34, 0.25);
        double chronic = ewma(daily, 34, 2.0 / 29);
        JsonPath load = get(athlete, "/load?asOf=" + asOf);
        assertEquals(asOf.toString(), load.getString("asOf"));
        assertEquals(acute, load.getDouble("acuteLoad"), 1e-6);
        assertEquals(chronic, load.getDouble("chronicLoad"), 1e-6);
        assertEquals(acute / chronic, load.getDouble("acwr"), 1e-6);
        assertEquals(7 * 720.0, load.getDouble("weeklyLoad"), 1e-9);
        // the week before held days 21..27: 360 on 22, 24, 26 (and 0 between), so 1,080
        assertEquals(100.0 * (5040 - 1080) / 1080, load.getDouble("weekOverWeekChangePct"), 1e-6);
        // seven equal days: no variation, so monotony and strain are null
        assertEquals((Object) null, load.get("monotony"));
        assertEquals((Object) null, load.get("strain"));

        // ACWR is null before 28 days have passed since the first session
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/load?asOf=" + START.plusDays(20))
                .then()
                .statusCode(200)
                .body("acwr", nullValue())
                .body("monotony", not(nullValue()));

        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/risk?asOf=" + asOf)
                .then()
                .statusCode(200)
                .body("factors.code", hasItem("ACWR_SPIKE"))
                .body("factors.find { it.code == 'ACWR_SPIKE' }.figures.acwr", closeTo(acute / chronic, 1e-6));
        Event<RiskAssessed> last = published.stream()
                .filter(e -> e.data().sourceId().equals("s34"))
                .findFirst()
                .orElseThrow();
        assertEquals(true, last.data().factors().stream().anyMatch(f -> f.code() == RiskFactor.ACWR_SPIKE));
    }

    @Test
    void aBackfillInAnyOrderGivesTheSameFiguresAsInOrder() {
        String inOrder = athlete;
        String shuffled = "b-" + UUID.randomUUID();
        send(spikeHistory(inOrder));
        List<Event<SessionIngested>> backfill = new ArrayList<>(spikeHistory(shuffled));
        Collections.shuffle(backfill, new Random(7));
        send(backfill);
        assessments(inOrder, 21);
        assessments(shuffled, 21);

        for (LocalDate d : List.of(START.plusDays(10), START.plusDays(28), START.plusDays(34), START.plusDays(50))) {
            assertEquals(
                    get(inOrder, "/load?asOf=" + d).getMap(""),
                    get(shuffled, "/load?asOf=" + d).getMap(""));
            JsonPath a = get(inOrder, "/risk?asOf=" + d);
            JsonPath b = get(shuffled, "/risk?asOf=" + d);
            assertEquals(a.getString("level"), b.getString("level"));
            assertEquals(a.getList("factors"), b.getList("factors"));
        }
    }

    @Test
    void e1rmComesFromTheRpeChartWithTheSetItCameFrom() {
        OffsetDateTime at = OffsetDateTime.now(PLUS_ONE).minusDays(1);
        LoggedSet frontSquat =
                new LoggedSet(Exercise.FRONT_SQUAT, null, 5, 100, 8.0, null, null, null, null, null, null);
        // back squat: 90 x 8 @ 7 (chart index 10: .707 -> 127.3) beats 100 x 5 @ 8 (.811 -> 123.3)
        send(session(
                athlete,
                "e1",
                at,
                60,
                7,
                null,
                squat(8, 90, 7.0),
                squat(5, 100, 8.0),
                deadlift(3, 150, null),
                frontSquat));
        RiskAssessed published = assessments(athlete, 1).get(0).data();
        // planning reads the e1RMs and the date from the event
        assertEquals(at.toLocalDate(), published.asOf());
        assertEquals(90 / 0.707, published.e1rmKg().get(Exercise.BACK_SQUAT), 1e-9);
        assertEquals(165.0, published.e1rmKg().get(Exercise.DEADLIFT), 1e-9);
        JsonPath e1rm = get(athlete, "/e1rm");
        assertEquals(127.3, e1rm.getDouble("items.find { it.exercise == 'BACK_SQUAT' }.e1rmKg"), 1e-9);
        assertEquals(0, e1rm.getInt("items.find { it.exercise == 'BACK_SQUAT' }.setIndex"));
        assertEquals("e1", e1rm.getString("items.find { it.exercise == 'BACK_SQUAT' }.sessionId"));
        // the worked example of docs/rules.md: 100 kg x 5 @ RPE 8 -> 100 / .811 = 123.3 kg
        assertEquals(123.3, e1rm.getDouble("items.find { it.exercise == 'FRONT_SQUAT' }.e1rmKg"), 1e-9);
        assertEquals(3, e1rm.getInt("items.find { it.exercise == 'FRONT_SQUAT' }.setIndex"));
        // no RPE: Epley, 150 x (1 + 3/30) = 165
        assertEquals(165.0, e1rm.getDouble("items.find { it.exercise == 'DEADLIFT' }.e1rmKg"), 1e-9);
        // 43 days later the estimates have left the 42-day window
        assertEquals(
                List.of(),
                get(athlete, "/e1rm?asOf=" + at.toLocalDate().plusDays(42)).getList("items"));
    }

    @Test
    void heavySpinalSessionsTooCloseAndShortSleepRaiseTheRisk() {
        OffsetDateTime first = OffsetDateTime.now(PLUS_ONE).minusDays(3).withHour(9);
        send(session(athlete, "h1", first, 60, 8, 5.5, deadlift(3, 180, 9.0)));
        send(session(athlete, "h2", first.plusHours(30), 60, 8, 5.0, deadlift(3, 180, 8.5)));
        CheckInIngested checkIn = new CheckInIngested(
                "c1", athlete, first.plusHours(40), new Wellness(5.5, 3, 3), List.of(), Instant.now());
        send(Event.of(EventIds.derive("check-in", "acme", athlete, "c1"), "/test", "acme", checkIn, Instant.now()));
        List<Event<RiskAssessed>> published = assessments(athlete, 3);

        // sessions of one athlete arrive in order, so the second one's assessment sees the first
        Event<RiskAssessed> afterSecond = published.stream()
                .filter(e -> e.data().sourceId().equals("h2"))
                .findFirst()
                .orElseThrow();
        List<RiskFactor> codes = afterSecond.data().factors().stream()
                .map(RiskAssessed.Factor::code)
                .toList();
        assertEquals(true, codes.contains(RiskFactor.HEAVY_SESSIONS_TOO_CLOSE), codes.toString());
        // times are kept to the microsecond (what the databases store)
        assertEquals(
                first.plusHours(30).toInstant().truncatedTo(ChronoUnit.MICROS),
                afterSecond.data().lastHeavySpinalSessionAt());
        // check-ins come on their own topic, in any order relative to sessions: the API shows the result
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().header("X-Api-Key", "acme-key")
                        .when()
                        .get("/v1/athletes/" + athlete + "/risk")
                        .then()
                        .statusCode(200)
                        .body("level", equalTo("HIGH"))
                        .body("factors.code", hasItem("HEAVY_SESSIONS_TOO_CLOSE"))
                        .body("factors.code", hasItem("VERY_SHORT_SLEEP"))
                        .body(
                                "factors.find { it.code == 'VERY_SHORT_SLEEP' }.figures.meanSleepHours",
                                closeTo((5.5 + 5.0 + 5.5) / 3, 1e-9)));
    }

    @Test
    void aReplayedSessionIsCountedOnce() {
        OffsetDateTime performedAt = OffsetDateTime.now(PLUS_ONE);
        Event<SessionIngested> s = session(athlete, "once", performedAt, 50, 6, null, squat(5, 80, 6.0));
        send(s);
        assessments(athlete, 1);
        send(s);
        assessments(athlete, 1);
        // as of the session's own day: between 23:00 and 24:00 UTC it is already tomorrow at +01:00, after the
        // default asOf (today in UTC)
        assertEquals(
                300.0, get(athlete, "/load?asOf=" + performedAt.toLocalDate()).getDouble("weeklyLoad"), 1e-9);
    }

    @Test
    void unknownAthletesOtherTenantsAndBadDatesAreRefused() {
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/nobody-" + athlete + "/risk")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        send(session(athlete, "t1", OffsetDateTime.now(PLUS_ONE), 50, 6, null, squat(5, 80, 6.0)));
        assessments(athlete, 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().header("X-Api-Key", "acme-key")
                        .when()
                        .get("/v1/athletes/" + athlete + "/load")
                        .then()
                        .statusCode(200));
        given().header("X-Api-Key", "globex-key")
                .when()
                .get("/v1/athletes/" + athlete + "/load")
                .then()
                .statusCode(404);
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/load?asOf=26-11-2026")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/asOf"));
    }
}
