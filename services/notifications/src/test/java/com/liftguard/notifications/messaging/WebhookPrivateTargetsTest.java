package com.liftguard.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.Topics;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.notifications.domain.Webhook;
import com.liftguard.notifications.persistence.WebhookDeliveryStore;
import com.liftguard.notifications.persistence.WebhookStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With private targets refused, as everywhere but the local and test profiles. */
@QuarkusTest
@TestProfile(WebhookPrivateTargetsTest.PrivateTargetsRefused.class)
@WithTestResource(LiftguardTestResource.class)
class WebhookPrivateTargetsTest {
    private static final String ACME = "acme-key";
    private static final String SECRET = "s3cret-of-sixteen+";

    public static class PrivateTargetsRefused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // the profiled key too: application.properties sets %test.liftguard.webhooks.allow-private-targets
            return Map.of(
                    "liftguard.webhooks.allow-private-targets",
                    "false",
                    "%test.liftguard.webhooks.allow-private-targets",
                    "false");
        }
    }

    @Inject
    WebhookStore webhooks;

    @Inject
    WebhookDeliveryStore deliveries;

    private String coach;
    private String athlete;
    private WebhookReceiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        String run = UUID.randomUUID().toString();
        coach = "c-" + run;
        athlete = "a-" + run;
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void internalUrlsAreRefusedOnUrl() {
        for (String url : List.of(
                receiver.url(),
                "http://localhost:8080/hook",
                "http://[::1]/hook",
                "http://169.254.169.254/latest/meta-data/",
                "https://10.0.0.7/hook",
                "http://[::ffff:192.168.1.1]/")) {
            given().header("X-Api-Key", ACME)
                    .contentType("application/json")
                    .body(Map.of("url", url, "secret", SECRET))
                    .when()
                    .put("/v1/coaches/" + coach + "/webhook")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.pointer", equalTo(List.of("/url")))
                    .body("errors[0].message", containsString("internal address"));
        }
        given().header("X-Api-Key", ACME)
                .when()
                .get("/v1/coaches/" + coach + "/webhook")
                .then()
                .statusCode(404);

        // a public address is fine (a literal: no name to look up)
        given().header("X-Api-Key", ACME)
                .contentType("application/json")
                .body(Map.of("url", "https://93.184.216.34/hook", "secret", SECRET))
                .when()
                .put("/v1/coaches/" + coach + "/webhook")
                .then()
                .statusCode(200);
    }

    @Test
    void aTargetThatHasBecomeInternalIsDeadLetteredAtDeliveryWithoutACall() {
        // as if the webhook's name had resolved to a public address when it was stored, and no longer does
        webhooks.put(new Webhook("acme", coach, receiver.url(), SECRET, Instant.now()));
        try (WebhookTestEvents events = new WebhookTestEvents(athlete)) {
            events.roster(coach);
            Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.EMERGENCY);
            events.send(Topics.TRIAGE, emergency);

            Document dead = await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(50))
                    .until(
                            () -> deliveries.find(itemId(emergency)).orElse(null),
                            d -> d != null && "DEAD".equals(d.getString("status")));
            assertEquals(1, dead.getInteger("attempts"), "refused at once, not retried");
            assertTrue(
                    dead.getString("lastError").contains("internal address (127.0.0.1)"), dead.getString("lastError"));
            assertEquals(List.of(), receiver.received());
        }
    }

    private String itemId(Event<TriageDecided> event) {
        return (String) await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().header("X-Api-Key", ACME)
                                .when()
                                .get("/v1/coaches/" + coach + "/notifications")
                                .then()
                                .extract()
                                .jsonPath()
                                .getList("items", Map.class),
                        items -> items != null
                                && items.stream().anyMatch(i -> event.id().equals(i.get("sourceEventId"))))
                .stream()
                .filter(i -> event.id().equals(i.get("sourceEventId")))
                .findFirst()
                .orElseThrow()
                .get("id");
    }
}
