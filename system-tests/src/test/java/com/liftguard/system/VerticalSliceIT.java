package com.liftguard.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.infra.EmbeddedMongo;
import com.liftguard.infra.KafkaBroker;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole chain, each service a real process on a real Kafka broker: a platform posts a session with a
 * red-flag pain report, and the athlete's coach finds it on their feed, with the triage and the pause
 * it caused visible in risk-assessment and program-planning.
 */
class VerticalSliceIT {
    private static final String KEY = "acme-key";
    private static KafkaBroker broker;
    private static EmbeddedMongo mongo;
    private static final Map<String, ServiceProcess> services = new HashMap<>();

    @BeforeAll
    static void startSystem() throws Exception {
        broker = KafkaBroker.start(KafkaBroker.Options.defaults());
        mongo = EmbeddedMongo.start(0, null);
        Map<String, String> config = Map.of(
                "kafka.bootstrap.servers",
                broker.bootstrapServers(),
                "quarkus.mongodb.connection-string",
                mongo.connectionString(),
                "liftguard.tenants.acme.api-keys",
                KEY,
                "liftguard.tenants.globex.api-keys",
                "globex-key");
        List<String> names = List.of("session-ingestion", "risk-assessment", "program-planning", "notifications");
        for (String name : names) {
            services.put(name, ServiceProcess.start(name, config));
        }
        for (String name : names) {
            services.get(name).awaitReady(Duration.ofSeconds(90));
        }
    }

    @AfterAll
    static void stopSystem() throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (ServiceProcess p : services.values()) {
            try {
                p.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (mongo != null) {
            mongo.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    /** The coach's feed, or null while the coach is still unknown to notifications (404). */
    private static JsonPath feedOf(String coach) {
        var response = given().baseUri(url("notifications"))
                .header("X-Api-Key", KEY)
                .when()
                .get("/v1/coaches/" + coach + "/notifications");
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    private static String url(String service) {
        return services.get(service).baseUrl();
    }

    @Test
    void aRedFlagReportReachesTheCoachWithTheReasonAndTheNextStep() {
        String athlete = "athlete-" + UUID.randomUUID();
        String coach = "coach-" + UUID.randomUUID();

        given().baseUri(url("session-ingestion"))
                .header("X-Api-Key", KEY)
                .contentType("application/json")
                .body("{\"displayName\":\"Ann Lifter\",\"coachIds\":[\"" + coach + "\"]}")
                .when()
                .put("/v1/athletes/" + athlete)
                .then()
                .statusCode(200);

        String session = """
                [{"sessionId":"s-1","athleteId":"%s","performedAt":"2026-11-23T18:30:00+01:00",
                  "durationMinutes":70,"sessionRpe":8,
                  "sets":[{"exercise":"DEADLIFT","variant":"CONVENTIONAL","reps":5,"loadKg":160,"rpe":9}],
                  "painReports":[{"region":"LOWER_BACK","side":"CENTRAL","quality":"ACHING","intensity":5,
                                  "onset":"WITHIN_HOURS","hoursSinceOnset":4,"trend":"WORSENING",
                                  "saddleNumbness":true}]}]
                """.formatted(athlete);
        given().baseUri(url("session-ingestion"))
                .header("X-Api-Key", KEY)
                .contentType("application/json")
                .body(session)
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("accepted", equalTo(1));

        JsonPath feed = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> feedOf(coach),
                        f -> f != null
                                && f.getList("items.severity").contains("URGENT")
                                && f.getList("items.severity").contains("HIGH"));

        List<Map<String, Object>> items = feed.getList("items");
        assertEquals("URGENT", items.get(0).get("severity"), "the urgent item comes first");
        assertEquals(athlete, items.get(0).get("athleteId"));
        assertTrue(feed.getList("items[0].reasons.code").contains("SADDLE_NUMBNESS"));
        assertTrue(!feed.getList("items[0].recommendedActions").isEmpty());

        given().baseUri(url("risk-assessment"))
                .header("X-Api-Key", KEY)
                .when()
                .get("/v1/athletes/" + athlete + "/triage")
                .then()
                .statusCode(200)
                .body("category", equalTo("EMERGENCY"))
                .body("sourceId", equalTo("s-1"))
                .body("reasons.code", hasItem("SADDLE_NUMBNESS"));

        // the HIGH item may be risk-assessment's: program-planning reads its own topics at its own pace
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().baseUri(url("program-planning"))
                        .header("X-Api-Key", KEY)
                        .when()
                        .get("/v1/athletes/" + athlete + "/plan")
                        .then()
                        .statusCode(200));

        // another tenant sees nothing of it
        given().baseUri(url("risk-assessment"))
                .header("X-Api-Key", "globex-key")
                .when()
                .get("/v1/athletes/" + athlete + "/triage")
                .then()
                .statusCode(404);

        // the session also leads to a risk assessment and plan changes, which reach the feed a little later:
        // wait until the feed has been still for 3 s
        AtomicReference<List<Object>> seen = new AtomicReference<>();
        AtomicLong stillSince = new AtomicLong(System.nanoTime());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    List<Object> ids = feedOf(coach).getList("items.id");
                    if (!ids.equals(seen.getAndSet(ids))) {
                        stillSince.set(System.nanoTime());
                    }
                    return System.nanoTime() - stillSince.get()
                            > Duration.ofSeconds(3).toNanos();
                });
        List<Object> settled = seen.get();

        // the same session again changes nothing: still exactly these items
        given().baseUri(url("session-ingestion"))
                .header("X-Api-Key", KEY)
                .contentType("application/json")
                .body(session)
                .when()
                .post("/v1/sessions")
                .then()
                .statusCode(202)
                .body("duplicates", equalTo(1));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> feedOf(coach).getList("items.id").equals(settled));
    }
}
