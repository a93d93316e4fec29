package com.liftguard.notifications.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KafkaBroker;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.infra.LocalTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Coach tokens, the live stream with resume, collapsing repeats, risk and plan routing, and the chart series. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class CoachFeaturesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL root;

    private static KafkaCompanion kafka;
    private String athlete;
    private String coach;

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
        String run = UUID.randomUUID().toString();
        athlete = "a-" + run;
        coach = "c-" + run;
    }

    private void send(Event<?> event) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(event.eventType().topic(), event.key(), EventCodec.encode(event)))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private void roster() {
        send(Event.of(
                EventIds.derive("roster", athlete),
                "/test",
                "acme",
                new RosterChanged(athlete, "Ann Lifter", List.of(coach), Instant.now()),
                Instant.now()));
        await().atMost(PATIENCE)
                .untilAsserted(() -> given().header("X-Api-Key", "acme-key")
                        .when()
                        .get("/v1/coaches/" + coach + "/athletes")
                        .then()
                        .statusCode(200));
    }

    private Event<TriageDecided> triage(String sourceId, TriageCategory category, String code) {
        PainReport report = new PainReport(
                PainRegion.LOWER_BACK,
                PainSide.CENTRAL,
                PainQuality.ACHING,
                5,
                PainOnset.WITHIN_HOURS,
                4,
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
                EventIds.derive("decision", athlete, sourceId),
                athlete,
                TriageDecided.SourceKind.SESSION,
                sourceId,
                0,
                report,
                category,
                List.of(new Reason(code, "because " + code, List.of("intensity"))),
                Instant.now());
        return Event.of(EventIds.derive("triage", athlete, sourceId), "/risk-assessment", "acme", t, Instant.now());
    }

    private Event<RiskAssessed> risk(String sourceId, LocalDate day, RiskLevel level, RiskFactor... codes) {
        List<RiskAssessed.Factor> factors = Arrays.stream(codes)
                .map(c -> new RiskAssessed.Factor(c, "because " + c, Map.of("acwr", 1.62)))
                .toList();
        RiskAssessed r = new RiskAssessed(
                athlete,
                level,
                factors,
                sourceId,
                Instant.now(),
                day,
                Map.of(Exercise.DEADLIFT, 180.0),
                null,
                new RiskAssessed.Load(420, 380.5, 240.25, 1.58, 2100));
        return Event.of(EventIds.derive("risk", athlete, sourceId), "/risk-assessment", "acme", r, Instant.now());
    }

    private JsonPath feed(String auth, String authValue) {
        return given().header(auth, authValue)
                .when()
                .get("/v1/coaches/" + coach + "/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath awaitItems(int n) {
        return await().atMost(PATIENCE)
                .until(
                        () -> feed("X-Api-Key", "acme-key"),
                        f -> f.getList("items").size() == n);
    }

    @Test
    void aCoachTokenReadsOnlyItsOwnCoachsFeed() {
        roster();
        send(triage("t1", TriageCategory.SEE_CLINICIAN, "RADIATES_BELOW_KNEE"));
        awaitItems(1);
        String token = LocalTokens.mint("acme", coach, Duration.ofHours(1));
        assertEquals("HIGH", feed("Authorization", "Bearer " + token).getString("items[0].severity"));
        // another coach's feed does not exist for this token; another tenant's token sees nothing of acme
        given().header("Authorization", "Bearer " + token)
                .when()
                .get("/v1/coaches/someone-else/notifications")
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + LocalTokens.mint("globex", coach, Duration.ofHours(1)))
                .when()
                .get("/v1/coaches/" + coach + "/notifications")
                .then()
                .statusCode(404);
        // expired, forged issuer, tampered, unknown tenant: 401 problems
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        for (String bad : List.of(
                LocalTokens.sign("acme", coach, past, past.plus(1, ChronoUnit.HOURS), LocalTokens.ISSUER),
                LocalTokens.sign(
                        "acme", coach, Instant.now(), Instant.now().plus(1, ChronoUnit.HOURS), "https://evil.example"),
                token.substring(0, token.length() - 4) + "AAAA",
                LocalTokens.mint("nobody", coach, Duration.ofHours(1)),
                "not-a-jwt")) {
            given().header("Authorization", "Bearer " + bad)
                    .when()
                    .get("/v1/coaches/" + coach + "/notifications")
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json");
        }
        String itemId = feed("X-Api-Key", "acme-key").getString("items[0].id");
        given().header("Authorization", "Bearer " + LocalTokens.mint("acme", "someone-else", Duration.ofHours(1)))
                .when()
                .post("/v1/coaches/" + coach + "/notifications/" + itemId + "/ack")
                .then()
                .statusCode(404);
        given().header("Authorization", "Bearer " + token)
                .when()
                .post("/v1/coaches/" + coach + "/notifications/" + itemId + "/ack")
                .then()
                .statusCode(200);
    }

    @Test
    void riskAndPlanEventsReachTheFeedWithTheirSeverityAndRepeatsCollapse() {
        roster();
        LocalDate today = LocalDate.now();
        send(risk("s1", today, RiskLevel.LOW));
        send(risk("s2", today, RiskLevel.HIGH, RiskFactor.ACWR_SPIKE, RiskFactor.SHORT_SLEEP));
        JsonPath f = awaitItems(1);
        assertEquals("HIGH", f.getString("items[0].severity"));
        assertEquals("ACWR_SPIKE", f.getString("items[0].reasons[0].code"));
        assertTrue(f.getString("items[0].title").startsWith("Ann Lifter: risk HIGH"));
        // the same leading factor again: folded into the item, not a new one; a replay changes nothing
        Event<RiskAssessed> again = risk("s3", today, RiskLevel.HIGH, RiskFactor.ACWR_SPIKE);
        send(again);
        send(again);
        await().atMost(PATIENCE).until(() -> feed("X-Api-Key", "acme-key").getInt("items[0].repeats"), r -> r == 2);
        assertEquals(1, feed("X-Api-Key", "acme-key").getList("items").size());
        // a plan change is INFO with the prescription as actions
        LoadAdjusted plan = new LoadAdjusted(
                athlete,
                List.of(new LoadAdjusted.Prescription(Exercise.DEADLIFT, null, "4-6", null, 125.0, 70.0, false)),
                -20.0,
                new Reason("ACWR_SPIKE", "spike", List.of()),
                "c",
                Instant.now());
        send(Event.of(EventIds.derive("load", athlete), "/program-planning", "acme", plan, Instant.now()));
        JsonPath two = awaitItems(2);
        List<String> severities = two.getList("items.severity");
        assertTrue(severities.contains("INFO"), severities.toString());
        assertTrue(two.getList("items.recommendedActions.flatten()").stream()
                .anyMatch(a -> a.toString().contains("deadlift") && a.toString().contains("125 kg")));
        // urgent items are never folded
        send(triage("u1", TriageCategory.EMERGENCY, "SADDLE_NUMBNESS"));
        send(triage("u2", TriageCategory.EMERGENCY, "SADDLE_NUMBNESS"));
        awaitItems(4);
    }

    @Test
    void theChartSeriesHoldsEachDaysFiguresAndTheTriageDecisions() {
        roster();
        LocalDate day = LocalDate.of(2026, 10, 5);
        send(risk("d1", day, RiskLevel.MODERATE, RiskFactor.MONOTONY_HIGH));
        send(risk("d2", day.plusDays(1), RiskLevel.LOW));
        send(triage("tri", TriageCategory.MODIFY_TRAINING, "ONE_SIDED"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> given().header("X-Api-Key", "acme-key")
                        .when()
                        .get("/v1/coaches/" + coach + "/athletes/" + athlete + "/series?days=7")
                        .then()
                        .statusCode(200)
                        .body("displayName", equalTo("Ann Lifter"))
                        .body("to", equalTo(day.plusDays(1).toString()))
                        .body("days", hasSize(2))
                        .body("days[0].riskLevel", equalTo("MODERATE"))
                        .body("days[1].acwr", equalTo(1.58f)));
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/coaches/" + coach + "/athletes")
                .then()
                .statusCode(200)
                .body("items[0].athleteId", equalTo(athlete));
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/coaches/stranger/athletes/" + athlete + "/series")
                .then()
                .statusCode(404);
        given().header("X-Api-Key", "acme-key")
                .when()
                .get("/v1/coaches/" + coach + "/athletes/" + athlete + "/series?days=0")
                .then()
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/days"));
    }

    /** A minimal SSE client: events as (id, name, data) in arrival order. */
    record SseEvent(String id, String name, String data) {}

    private Thread listen(String lastEventId, BlockingQueue<SseEvent> events, List<InputStream> streams) {
        Thread t = Thread.ofVirtual().start(() -> {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(root + "v1/coaches/" + coach + "/notifications/stream"))
                    .header("X-Api-Key", "acme-key")
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            try {
                // HTTP/1.1, as a browser's EventSource over cleartext (not the JDK client's default h2c upgrade)
                HttpResponse<InputStream> response = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build()
                        .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                streams.add(response.body());
                if (response.statusCode() != 200) {
                    // reported by next() at once, not as a missing event 20 s later
                    events.add(new SseEvent(
                            null,
                            "failed",
                            response.statusCode() + " "
                                    + new String(response.body().readAllBytes(), StandardCharsets.UTF_8)));
                    return;
                }
                BufferedReader lines =
                        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.isEmpty()) {
                        if (name != null || data.length() > 0) {
                            events.add(new SseEvent(id, name, data.toString()));
                        }
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (Exception e) {
                if (events.isEmpty()) {
                    events.add(new SseEvent(null, "failed", e.toString()));
                }
                // otherwise: the test closed the stream
            }
        });
        return t;
    }

    private static SseEvent next(BlockingQueue<SseEvent> events, String name) throws InterruptedException {
        while (true) {
            SseEvent e = events.poll(20, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no '" + name + "' event within 20 s");
            }
            if (name.equals(e.name())) {
                return e;
            }
            if ("failed".equals(e.name())) {
                throw new AssertionError("the stream failed before '" + name + "': " + e.data());
            }
        }
    }

    @Test
    void theLiveStreamResumesAfterTheLastEventWithoutGapsOrRepeats() throws Exception {
        roster();
        List<InputStream> streams = new ArrayList<>();
        BlockingQueue<SseEvent> first = new LinkedBlockingQueue<>();
        listen(null, first, streams);
        next(first, "ready");
        send(triage("live-1", TriageCategory.SEE_CLINICIAN, "FEVER"));
        SseEvent one = next(first, "notification");
        JsonNode item = EventCodec.mapper().readTree(one.data());
        assertEquals(athlete, item.get("athleteId").asText());
        assertEquals("HIGH", item.get("severity").asText());

        // the client goes away; three more items arrive meanwhile
        streams.forEach(s -> {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing
            }
        });
        for (int i = 2; i <= 4; i++) {
            send(triage("live-" + i, TriageCategory.SEE_CLINICIAN, "CODE_" + i));
        }
        awaitItems(4);

        BlockingQueue<SseEvent> resumed = new LinkedBlockingQueue<>();
        listen(one.id(), resumed, streams);
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sources.add(EventCodec.mapper()
                    .readTree(next(resumed, "notification").data())
                    .get("reasons")
                    .get(0)
                    .get("code")
                    .asText());
        }
        assertEquals(List.of("CODE_2", "CODE_3", "CODE_4"), sources);
        // nothing else follows (no repeat of the first): the next event is a new one
        send(triage("live-5", TriageCategory.SEE_CLINICIAN, "CODE_5"));
        assertEquals(
                "CODE_5",
                EventCodec.mapper()
                        .readTree(next(resumed, "notification").data())
                        .get("reasons")
                        .get(0)
                        .get("code")
                        .asText());
        streams.forEach(s -> {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing
            }
        });
        given().header("X-Api-Key", "acme-key")
                .header("Last-Event-ID", "yesterday")
                .when()
                .get("/v1/coaches/" + coach + "/notifications/stream")
                .then()
                .statusCode(400);
    }
}
