package com.liftguard.notifications.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.liftguard.events.Event;
import com.liftguard.events.Topics;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.notifications.persistence.WebhookDeliveryStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events in from the real broker, webhook POSTs out to a receiver on 127.0.0.1 (allowed in the test
 * profile), outcomes in MongoDB. The test profile retries fast: 3 attempts, backoff 0.1 s doubling to 0.5 s.
 */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class WebhookDeliveryFlowTest {
    private static final String ACME = "acme-key";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Long enough for a second POST (or retry) that should not happen to have happened. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    WebhookDeliveryStore deliveries;

    private String athlete;
    private String coach;
    private String secret;
    private WebhookReceiver receiver;
    private WebhookTestEvents events;

    @BeforeEach
    void setUp() throws Exception {
        String run = UUID.randomUUID().toString();
        athlete = "a-" + run;
        coach = "c-" + run;
        secret = "secret-" + run;
        receiver = new WebhookReceiver();
        events = new WebhookTestEvents(athlete);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
        assertEquals(List.of(), receiver.failures(), "the receiver's actions failed");
        events.close();
    }

    private void putWebhook(String withSecret) {
        given().header("X-Api-Key", ACME)
                .contentType("application/json")
                .body(Map.of("url", receiver.url(), "secret", withSecret))
                .when()
                .put("/v1/coaches/" + coach + "/webhook")
                .then()
                .statusCode(200);
    }

    /** The coach's feed item of the event, once it is there. */
    private Map<String, Object> awaitItem(String forCoach, Event<?> event) {
        JsonPath feed = await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().header("X-Api-Key", ACME)
                                .when()
                                .get("/v1/coaches/" + forCoach + "/notifications?limit=200")
                                .then()
                                .extract()
                                .jsonPath(),
                        f -> f.get("items") != null
                                && f.getList("items.sourceEventId").contains(event.id()));
        return feed.getList("items", Map.class).stream()
                .filter(i -> event.id().equals(i.get("sourceEventId")))
                .map(i -> (Map<String, Object>) i)
                .findFirst()
                .orElseThrow();
    }

    private Document awaitDelivery(String id, String status) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> deliveries.find(id),
                        d -> d.isPresent() && status.equals(d.get().getString("status")))
                .orElseThrow();
    }

    private void awaitQuietly(int expected) {
        await().atMost(PATIENCE).until(() -> receiver.received().size() >= expected);
        await().during(QUIET)
                .atMost(QUIET.plusSeconds(5))
                .until(() -> receiver.received().size() == expected);
    }

    private static Map<String, Object> json(String body) throws Exception {
        return JSON.readValue(body, new TypeReference<>() {});
    }

    @Test
    void aNotificationIsPostedOnceSignedWithTheCoachsSecret() throws Exception {
        putWebhook(secret);
        String coachWithoutWebhook = coach + "-2";
        events.roster(coach, coachWithoutWebhook);
        Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.EMERGENCY);
        events.send(Topics.TRIAGE, emergency);

        awaitQuietly(1);
        WebhookReceiver.Received post = receiver.received().get(0);
        Map<String, Object> item = awaitItem(coach, emergency);
        assertEquals("POST", post.method());
        assertEquals("/hook", post.path());
        assertTrue(post.header("Content-Type").startsWith("application/json"), post.header("Content-Type"));
        assertEquals(item.get("id"), post.header("Liftguard-Delivery"));
        assertEquals(item, json(post.body()), "the body is the notification as the feed shows it");
        assertEquals("URGENT", json(post.body()).get("severity"));

        String signature = post.header("Liftguard-Signature");
        assertTrue(WebhookTestEvents.verifies(signature, secret, post.body()), signature);
        long t = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - t) < 60, "t is the send time: " + t);

        Document delivered = awaitDelivery((String) item.get("id"), "DELIVERED");
        assertEquals(1, delivered.getInteger("attempts"));
        assertEquals("acme", delivered.getString("tenant"));
        assertEquals(coach, delivered.getString("coachId"));
        assertEquals(receiver.url(), delivered.getString("url"));
        assertEquals(post.body(), delivered.getString("body"));
        assertEquals(
                delivered.getDate("deliveredAt").toInstant().plus(Duration.ofDays(7)),
                delivered.getDate("expireAt").toInstant(),
                "a delivery made is kept for the delivered-retention");

        // the other coach of the roster has the item on their feed, and no webhook: nothing is enqueued
        Map<String, Object> otherItem = awaitItem(coachWithoutWebhook, emergency);
        assertEquals(Optional.empty(), deliveries.find((String) otherItem.get("id")));
    }

    @Test
    void aReceiverFailingTwiceGetsTheItemOnTheThirdTry() throws Exception {
        receiver.answer(500, 503);
        putWebhook(secret);
        events.roster(coach);
        Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.EMERGENCY);
        events.send(Topics.TRIAGE, emergency);

        awaitQuietly(3);
        String id = (String) awaitItem(coach, emergency).get("id");
        List<WebhookReceiver.Received> posts = receiver.received();
        for (WebhookReceiver.Received post : posts) {
            assertEquals(id, post.header("Liftguard-Delivery"));
            assertEquals(posts.get(0).body(), post.body());
            assertTrue(WebhookTestEvents.verifies(post.header("Liftguard-Signature"), secret, post.body()));
        }
        // backed off: at least half of 0.1 s, then of 0.2 s
        assertTrue(Duration.between(posts.get(0).at(), posts.get(1).at()).toMillis() >= 50);
        assertTrue(Duration.between(posts.get(1).at(), posts.get(2).at()).toMillis() >= 100);

        Document delivered = awaitDelivery(id, "DELIVERED");
        assertEquals(3, delivered.getInteger("attempts"));
        assertEquals(null, delivered.getString("lastError"));
    }

    @Test
    void aReceiverThatAlwaysFailsLeavesADeadRecordAfterTheLastAttempt() {
        receiver.otherwise(500);
        putWebhook(secret);
        events.roster(coach);
        Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.SEE_CLINICIAN);
        events.send(Topics.TRIAGE, emergency);

        String id = (String) awaitItem(coach, emergency).get("id");
        Document dead = awaitDelivery(id, "DEAD");
        assertEquals(3, dead.getInteger("attempts"), "max-attempts of the test profile");
        assertEquals("HTTP 500", dead.getString("lastError"));
        assertEquals(
                dead.getDate("deadAt").toInstant().plus(Duration.ofDays(30)),
                dead.getDate("expireAt").toInstant(),
                "a dead letter is kept for the dead-retention");
        awaitQuietly(3);
        assertEquals(3, receiver.receivedFor(id).size());
    }

    @Test
    void anUnreachableReceiverIsRetriedAndDeadLetteredToo() {
        putWebhook(secret);
        receiver.close(); // nothing listens on its port any more
        events.roster(coach);
        Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.MODIFY_TRAINING);
        events.send(Topics.TRIAGE, emergency);

        Document dead = awaitDelivery((String) awaitItem(coach, emergency).get("id"), "DEAD");
        assertEquals(3, dead.getInteger("attempts"));
        assertTrue(dead.getString("lastError").contains("ConnectException"), dead.getString("lastError"));
    }

    @Test
    void aReplayedEventIsNotPostedAgain() {
        putWebhook(secret);
        events.roster(coach);
        Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.EMERGENCY);
        events.send(Topics.TRIAGE, emergency);
        await().atMost(PATIENCE).until(() -> receiver.received().size() == 1);
        String id = receiver.received().get(0).header("Liftguard-Delivery");

        events.send(Topics.TRIAGE, emergency);
        events.send(Topics.TRIAGE, emergency);
        // one key, one partition: once the marker is posted, the replays before it were handled
        Event<TriageDecided> marker = events.triage("s-2", TriageCategory.NORMAL_SORENESS, "MARKER");
        events.send(Topics.TRIAGE, marker);
        String markerId = (String) awaitItem(coach, marker).get("id");
        await().atMost(PATIENCE).until(() -> receiver.receivedFor(markerId).size() == 1);

        awaitQuietly(2);
        assertEquals(1, receiver.receivedFor(id).size());
        assertEquals(1, awaitDelivery(id, "DELIVERED").getInteger("attempts"));
    }

    @Test
    void aRotatedSecretSignsWhatIsStillPending() {
        String rotated = "rotated-" + secret;
        // the first attempt fails, and the coach rotates the secret before it is answered
        receiver.answer(500).beforeAnswer(n -> {
            if (n == 1) {
                putWebhook(rotated);
            }
        });
        putWebhook(secret);
        events.roster(coach);
        events.send(Topics.TRIAGE, events.triage("s-1", TriageCategory.EMERGENCY));

        awaitQuietly(2);
        List<WebhookReceiver.Received> posts = receiver.received();
        assertTrue(WebhookTestEvents.verifies(
                posts.get(0).header("Liftguard-Signature"), secret, posts.get(0).body()));
        assertTrue(WebhookTestEvents.verifies(
                posts.get(1).header("Liftguard-Signature"),
                rotated,
                posts.get(1).body()));
    }

    @Test
    void aRemovedWebhookGetsNothingMore() {
        // the first attempt fails, and the coach removes the webhook before it is answered
        receiver.answer(500).beforeAnswer(n -> {
            if (n == 1) {
                given().header("X-Api-Key", ACME)
                        .when()
                        .delete("/v1/coaches/" + coach + "/webhook")
                        .then()
                        .statusCode(204);
            }
        });
        putWebhook(secret);
        events.roster(coach);
        Event<TriageDecided> emergency = events.triage("s-1", TriageCategory.EMERGENCY);
        events.send(Topics.TRIAGE, emergency);

        Document dead = awaitDelivery((String) awaitItem(coach, emergency).get("id"), "DEAD");
        assertEquals("the coach's webhook was removed", dead.getString("lastError"));
        awaitQuietly(1);
    }
}
