package com.liftguard.planning.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
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
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.TechniqueFault;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KeyedRecords;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.planning.domain.PlanState;
import com.liftguard.planning.persistence.PlanStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** docs/rules.md section 6 end to end: triage, risk and sessions in; plan, adjustments and events out. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class PlanningFlowTest {
    private static final Instant T0 =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(2, ChronoUnit.DAYS);

    private static KafkaCompanion kafka;

    @Inject
    PlanStore store;

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
        RestAssured.config = RestAssuredConfig.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @AfterEach
    void tearDown() {
        RestAssured.reset();
    }

    private void send(Event<?> event) {
        KeyedRecords.send(kafka, event.eventType().topic(), event.key(), EventCodec.encode(event));
    }

    private void roster() {
        send(Event.of(
                EventIds.derive("roster", athlete),
                "/test",
                "acme",
                new RosterChanged(athlete, "Ann", List.of("c1"), T0),
                T0));
    }

    private Event<TriageDecided> triage(String sessionId, TriageCategory category, String code) {
        PainReport report = new PainReport(
                PainRegion.LOWER_BACK,
                PainSide.LEFT,
                PainQuality.ACHING,
                5,
                PainOnset.WITHIN_HOURS,
                5,
                PainTrend.STABLE,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false,
                false);
        TriageDecided t = new TriageDecided(
                EventIds.derive(athlete, sessionId, code),
                athlete,
                TriageDecided.SourceKind.SESSION,
                sessionId,
                0,
                report,
                category,
                List.of(new Reason(code, "because " + code, List.of("intensity"))),
                T0);
        return Event.of(t.decisionId(), "/test", "acme", t, T0);
    }

    private Event<RiskAssessed> risk(
            String sourceId, LocalDate asOf, Map<Exercise, Double> e1rm, Instant lastHeavy, RiskFactor... codes) {
        List<RiskAssessed.Factor> factors = Arrays.stream(codes)
                .map(c -> new RiskAssessed.Factor(c, "because " + c, Map.of("acwr", 1.7)))
                .toList();
        RiskAssessed r = new RiskAssessed(
                athlete,
                codes.length == 0 ? RiskLevel.LOW : RiskLevel.MODERATE,
                factors,
                sourceId,
                T0,
                asOf,
                e1rm,
                lastHeavy,
                null);
        String codeList = String.join(",", Arrays.stream(codes).map(Enum::name).toList());
        return Event.of(EventIds.derive("risk", athlete, sourceId, codeList), "/test", "acme", r, T0);
    }

    private Event<SessionIngested> session(String id, Instant at, LoggedSet... sets) {
        SessionIngested s = new SessionIngested(
                id, athlete, at.atOffset(ZoneOffset.ofHours(1)), 60, 7, List.of(sets), null, List.of(), T0);
        return Event.of(EventIds.derive("session", athlete, id), "/test", "acme", s, T0);
    }

    private static LoggedSet squat(Variant bar, double rpe, TechniqueFault... faults) {
        return new LoggedSet(Exercise.BACK_SQUAT, bar, 6, 100, rpe, null, "3-1-1", null, null, List.of(faults), null);
    }

    private void awaitPlan(Consumer<ValidatableResponse> check) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> check.accept(given().header("X-Api-Key", "acme-key")
                        .when()
                        .get("/v1/athletes/" + athlete + "/plan")
                        .then()
                        .statusCode(200)));
    }

    private List<Event<LoadAdjusted>> loadEvents(int expected) {
        return KeyedRecords.exactly(kafka, Topics.LOAD_ADJUSTMENTS, "acme:" + athlete, expected).stream()
                .map(r -> EventCodec.decode(r.value(), LoadAdjusted.class))
                .toList();
    }

    private List<Event<RecoveryScheduled>> recoveryEvents(int expected) {
        return KeyedRecords.exactly(kafka, Topics.RECOVERY, "acme:" + athlete, expected).stream()
                .map(r -> EventCodec.decode(r.value(), RecoveryScheduled.class))
                .toList();
    }

    @Test
    void modifyTrainingReturnsToBasicsExactlyAsRulesMdSays() {
        roster();
        send(risk("s0", LocalDate.now(), Map.of(Exercise.DEADLIFT, 200.0, Exercise.BACK_SQUAT, 150.0), null));
        awaitPlan(r -> r.body("exercises.find { it.exercise == 'DEADLIFT' }", notNullValue()));
        send(triage("s1", TriageCategory.MODIFY_TRAINING, "INTENSITY_MODERATE"));
        awaitPlan(r -> r.body("returnToBasics", equalTo(true))
                .body("mayIncreaseLoad", equalTo(false))
                .body("basicsReason.code", equalTo("INTENSITY_MODERATE"))
                .body("exercises.find { it.exercise == 'BACK_SQUAT' }.sets", equalTo("3-4"))
                .body("exercises.find { it.exercise == 'BACK_SQUAT' }.reps", equalTo("6-8"))
                .body("exercises.find { it.exercise == 'BACK_SQUAT' }.tempo", equalTo("3-1-1"))
                .body("exercises.find { it.exercise == 'DEADLIFT' }.reps", equalTo("4-6"))
                .body("exercises.find { it.exercise == 'DEADLIFT' }.loadKg", equalTo(140.0))
                .body("exercises.find { it.exercise == 'DEADLIFT' }.loadKgMax", equalTo(160.0))
                .body("exercises.find { it.exercise == 'DEADLIFT' }.percentOfE1rm", equalTo(70.0))
                .body("accessories.name", hasItems("Romanian deadlift", "45-degree back extension", "Hip thrust"))
                .body("core.name", hasItems("Curl-up", "Side bridge", "Bird-dog"))
                .body("mobility.name", hasItems("Ankle mobility", "Hip mobility"))
                .body("cues.name", hasItem("Film your sets from the side"))
                .body("accessories.reason.code", hasItem("INTENSITY_MODERATE")));
        // the first assessment changed nothing worth announcing; the return to basics did
        LoadAdjusted basics = loadEvents(1).get(0).data();
        assertEquals("INTENSITY_MODERATE", basics.reason().code());
        assertTrue(basics.prescriptions().stream()
                .anyMatch(p -> p.exercise() == Exercise.DEADLIFT
                        && Double.valueOf(140.0).equals(p.loadKg())
                        && !p.mayIncreaseLoad()));
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/adjustments")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("BASICS_STARTED"));
    }

    @Test
    void aGoodMorningSquatPatternSuggestsTheOtherBarPosition() {
        roster();
        send(session(
                "gm1",
                T0,
                squat(Variant.HIGH_BAR, 7, TechniqueFault.GOOD_MORNING_SQUAT),
                squat(Variant.HIGH_BAR, 7.5, TechniqueFault.GOOD_MORNING_SQUAT)));
        awaitPlan(r -> r.body("gate", notNullValue()));
        send(risk("gm1", LocalDate.now(), null, null, RiskFactor.PATTERN_GOOD_MORNING_SQUAT));
        awaitPlan(r -> r.body("returnToBasics", equalTo(true))
                .body("basicsReason.code", equalTo("PATTERN_GOOD_MORNING_SQUAT"))
                .body("cues.find { it.name == 'Try the other bar position' }.detail", containsString("low-bar")));
    }

    @Test
    void twoLoadFactorsSpaceHeavySessionsCutVolumeThirtyPercentAndDeload() {
        roster();
        Instant lastHeavy = T0.plus(1, ChronoUnit.DAYS);
        send(risk(
                "r1",
                LocalDate.now(),
                Map.of(Exercise.DEADLIFT, 200.0),
                lastHeavy,
                RiskFactor.ACWR_SPIKE,
                RiskFactor.MONOTONY_HIGH));
        awaitPlan(r -> r.body("spinalVolumeChangePct", equalTo(-30.0))
                .body("deloadWeek", equalTo(true))
                .body(
                        "earliestNextHeavySpinal",
                        equalTo(lastHeavy.plus(72, ChronoUnit.HOURS).toString()))
                .body("mayIncreaseLoad", equalTo(false)));
        List<RecoveryScheduled.Action> actions =
                recoveryEvents(2).stream().map(e -> e.data().action()).toList();
        assertTrue(
                actions.containsAll(
                        List.of(RecoveryScheduled.Action.SPACE_HEAVY_SESSIONS, RecoveryScheduled.Action.DELOAD_WEEK)),
                actions.toString());
        LoadAdjusted cut = loadEvents(1).get(0).data();
        assertEquals(-30.0, cut.spinalVolumeChangePct());
        // the same assessment again changes nothing and publishes nothing
        send(risk(
                "r1",
                LocalDate.now(),
                Map.of(Exercise.DEADLIFT, 200.0),
                lastHeavy,
                RiskFactor.ACWR_SPIKE,
                RiskFactor.MONOTONY_HIGH));
        recoveryEvents(2);
        loadEvents(1);
        // one factor left: a 20% cut, no deload
        send(risk("r2", LocalDate.now(), Map.of(Exercise.DEADLIFT, 200.0), lastHeavy, RiskFactor.ACWR_SPIKE));
        awaitPlan(r -> r.body("spinalVolumeChangePct", equalTo(-20.0)).body("deloadWeek", equalTo(false)));
    }

    @Test
    void anAssessmentThatRepeatsThePlansInputsLeavesThePlanAsItWas() {
        roster();
        LocalDate day = LocalDate.now().minusDays(2);
        send(risk("d1", day, Map.of(Exercise.DEADLIFT, 200.0), null));
        String firstBuilt =
                day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        awaitPlan(r -> r.body("asOf", equalTo(firstBuilt)).body("exercises.exercise", equalTo(List.of("DEADLIFT"))));

        // the next day's assessment says what the last one said: recorded, but the plan is not rebuilt
        send(risk("d2", day.plusDays(1), Map.of(Exercise.DEADLIFT, 200.0), null));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> Optional.of(day.plusDays(1))
                        .equals(QuarkusTransaction.requiringNew()
                                .call(() -> store.find("acme", athlete)
                                        .map(PlanState::risk)
                                        .map(PlanState.Risk::asOf))));
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/plan")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(firstBuilt));

        // a new e1RM rebuilds it, as of the day of the assessment that brought it
        send(risk("d3", day.plusDays(2), Map.of(Exercise.DEADLIFT, 200.0, Exercise.BACK_SQUAT, 150.0), null));
        awaitPlan(r -> r.body(
                        "asOf",
                        equalTo(day.plusDays(3)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant()
                                .toString()))
                .body("exercises.exercise", hasItems("DEADLIFT", "BACK_SQUAT")));
    }

    @Test
    void shortSleepHoldsLoadAndNormalSorenessChangesNothing() {
        roster();
        send(risk("z1", LocalDate.now(), null, null, RiskFactor.SHORT_SLEEP));
        awaitPlan(r -> r.body("mayIncreaseLoad", equalTo(false))
                .body("loadIncreaseReason.code", equalTo("SHORT_SLEEP"))
                .body("cues.name", hasItem("Sleep first")));
        send(risk("z2", LocalDate.now(), null, null));
        send(triage("z2", TriageCategory.NORMAL_SORENESS, "NORMAL_SORENESS"));
        awaitPlan(r -> r.body("mayIncreaseLoad", equalTo(true))
                .body("returnToBasics", equalTo(false))
                .body("cues.name", hasItem("Recovery"))
                .body("restrictions", empty()));
    }

    @Test
    void theGateOpensAfterThreeCleanSpinalSessionsOnly() {
        roster();
        send(triage("before", TriageCategory.MODIFY_TRAINING, "ONE_SIDED"));
        awaitPlan(r -> r.body("returnToBasics", equalTo(true)).body("gate.consecutiveCleanSessions", equalTo(0)));
        Instant after = Instant.now().plus(1, ChronoUnit.HOURS);
        send(session("g1", after, squat(Variant.LOW_BAR, 7)));
        send(session("g2", after.plus(3, ChronoUnit.DAYS), squat(Variant.LOW_BAR, 8.5)));
        awaitPlan(r -> r.body("gate.open", equalTo(false)).body("mayIncreaseLoad", equalTo(false)));
        send(session("g3", after.plus(6, ChronoUnit.DAYS), squat(Variant.LOW_BAR, 8)));
        send(session("g4", after.plus(9, ChronoUnit.DAYS), squat(Variant.LOW_BAR, 7.5)));
        awaitPlan(r -> r.body("gate.consecutiveCleanSessions", equalTo(2)).body("gate.open", equalTo(false)));
        send(session("g5", after.plus(12, ChronoUnit.DAYS), squat(Variant.LOW_BAR, 8)));
        awaitPlan(r -> r.body("gate.open", equalTo(true)).body("mayIncreaseLoad", equalTo(true)));
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/athletes/" + athlete + "/adjustments")
                .then()
                .statusCode(200)
                .body("items.action", hasItem("LOAD_INCREASE_ALLOWED"));
    }

    @Test
    void afterAClearedPauseTheAthleteReturnsToBasics() {
        roster();
        send(triage("p1", TriageCategory.SEE_CLINICIAN, "RADIATES_BELOW_KNEE"));
        awaitPlan(r -> r.body("restrictions[0].restriction", equalTo("PAUSE_SPINAL_LOADING"))
                .body("exercises.findAll { it.paused }.exercise", hasItems("BACK_SQUAT", "DEADLIFT", "GOOD_MORNING")));
        // the roster arrives on its own topic: until it has, c1 is not (yet) a coach of the athlete
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> given().header("X-Api-Key", "acme-key")
                        .contentType("application/json")
                        .body("{\"coachId\":\"c1\"}")
                        .when()
                        .post("/v1/athletes/" + athlete + "/clearance")
                        .then()
                        .statusCode(200));
        awaitPlan(r -> r.body("restrictions", empty())
                .body("returnToBasics", equalTo(true))
                .body("basicsReason.code", equalTo("RADIATES_BELOW_KNEE"))
                .body("earliestNextHeavySpinal", nullValue()));
    }
}
