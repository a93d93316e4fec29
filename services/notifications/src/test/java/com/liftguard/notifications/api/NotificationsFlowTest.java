package com.liftguard.notifications.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.EventData;
import com.liftguard.events.EventIds;
import com.liftguard.events.NotificationCreated;
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
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.notifications.persistence.AthleteEventStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Roster, triage and recovery events in from a real broker; coaches' feeds out over HTTP. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class NotificationsFlowTest {
    private static final String ACME = "acme-key";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AthleteEventStore athleteEvents;

    private KafkaCompanion kafka;
    private String athlete;
    private String coach1;
    private String coach2;

    @BeforeEach
    void setUp() {
        kafka = new KafkaCompanion(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        String run = UUID.randomUUID().toString();
        athlete = "a-" + run;
        coach1 = "c1-" + run;
        coach2 = "c2-" + run;
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    // ---- events in

    private static final PainReport SADDLE_NUMBNESS = new PainReport(
            PainRegion.LOWER_BACK,
            PainSide.CENTRAL,
            PainQuality.ACHING,
            5,
            PainOnset.WITHIN_HOURS,
            4,
            PainTrend.WORSENING,
            false,
            false,
            false,
            true,
            false,
            false,
            false,
            false,
            false);

    private Event<TriageDecided> triage(String sourceId, TriageCategory category) {
        return triage(sourceId, category, "SADDLE_NUMBNESS");
    }

    private Event<TriageDecided> triage(String sourceId, TriageCategory category, String code) {
        TriageDecided decision = new TriageDecided(
                EventIds.derive("decision", sourceId),
                athlete,
                TriageDecided.SourceKind.SESSION,
                sourceId,
                0,
                SADDLE_NUMBNESS,
                category,
                List.of(new Reason(code, "Saddle numbness is a red flag", List.of("saddleNumbness"))),
                Instant.now());
        return Event.of(
                EventIds.derive("triage", athlete, sourceId), "/risk-assessment", "acme", decision, Instant.now());
    }

    private Event<RecoveryScheduled> pauseAll(String cause) {
        RecoveryScheduled pause = new RecoveryScheduled(
                athlete,
                RecoveryScheduled.Action.PAUSE_ALL_TRAINING,
                List.of(PlanItem.ALL_TRAINING),
                true,
                null,
                new Reason("TRIAGE_EMERGENCY", "Pain report triaged EMERGENCY", List.of()),
                cause,
                Instant.now());
        return Event.of(EventIds.derive("recovery", cause), "/program-planning", "acme", pause, Instant.now());
    }

    private Event<RosterChanged> roster(Instant changedAt, String... coachIds) {
        return Event.of(
                EventIds.derive("roster", athlete, changedAt.toString()),
                "/session-ingestion",
                "acme",
                new RosterChanged(athlete, "Ann Lifter", List.of(coachIds), changedAt),
                changedAt);
    }

    private void send(String topic, Event<? extends EventData> event) {
        send(topic, event.key(), EventCodec.encode(event));
    }

    private void send(String topic, String key, String value) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, key, value))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    // ---- feeds out

    private JsonPath feed(String coach, String query) {
        return given().header("X-Api-Key", ACME)
                .when()
                .get("/v1/coaches/" + coach + "/notifications" + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath awaitFeed(String coach, Predicate<JsonPath> until) {
        return await().atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().header("X-Api-Key", ACME)
                                .when()
                                .get("/v1/coaches/" + coach + "/notifications?limit=200")
                                .then()
                                .extract()
                                .jsonPath(),
                        f -> f.get("items") != null && until.test(f));
    }

    private static Predicate<JsonPath> hasSource(String sourceEventId) {
        return f -> f.getList("items.sourceEventId").contains(sourceEventId);
    }

    private static Predicate<JsonPath> size(int n) {
        return f -> f.getList("items").size() == n;
    }

    @Test
    void anEmergencyReachesEveryCoachOfTheAthleteUrgentWithReasonsAndActions() {
        send(Topics.ROSTER, roster(Instant.now(), coach1, coach2));
        Event<TriageDecided> emergency = triage("s-1", TriageCategory.EMERGENCY);
        send(Topics.TRIAGE, emergency);

        for (String coach : List.of(coach1, coach2)) {
            JsonPath feed = awaitFeed(coach, hasSource(emergency.id()));
            assertEquals(1, feed.getList("items").size());
            Map<String, Object> item = feed.getMap("items[0]");
            assertEquals("URGENT", item.get("severity"));
            assertEquals(athlete, item.get("athleteId"));
            assertEquals("Ann Lifter: red flag, stop training and seek medical care today", item.get("title"));
            assertTrue(((String) item.get("body")).contains("in session s-1"));
            assertEquals(List.of("SADDLE_NUMBNESS"), feed.getList("items[0].reasons.code"));
            assertTrue(feed.getList("items[0].recommendedActions", String.class).stream()
                    .anyMatch(a -> a.contains("seek medical care today")));
            assertNotNull(item.get("id"));
            assertNotNull(item.get("createdAt"));
            assertTrue(item.containsKey("acknowledgedAt"), "present, and null until acknowledged");
            assertNull(item.get("acknowledgedAt"));
            assertNull(feed.get("nextCursor"));
        }
    }

    @Test
    void aReplayedEventIsStillOneItem() {
        send(Topics.ROSTER, roster(Instant.now(), coach1));
        Event<TriageDecided> emergency = triage("s-1", TriageCategory.EMERGENCY);
        send(Topics.TRIAGE, emergency);
        awaitFeed(coach1, hasSource(emergency.id()));

        send(Topics.TRIAGE, emergency);
        send(Topics.TRIAGE, emergency);
        // the same key keeps the partition's order: once the marker is on the feed, the replays were handled
        Event<TriageDecided> marker = triage("s-2", TriageCategory.NORMAL_SORENESS);
        send(Topics.TRIAGE, marker);
        JsonPath feed = awaitFeed(coach1, hasSource(marker.id()));

        assertEquals(2, feed.getList("items").size());
        assertEquals(
                1,
                feed.getList("items.sourceEventId").stream()
                        .filter(emergency.id()::equals)
                        .count());
    }

    @Test
    void aRosterArrivingAfterTheEventStillDeliversItAndAStaleRosterIsIgnored() {
        Event<TriageDecided> emergency = triage("s-1", TriageCategory.EMERGENCY);
        send(Topics.TRIAGE, emergency);
        await().atMost(PATIENCE)
                .until(() -> !athleteEvents
                        .receivedSince("acme", athlete, Instant.EPOCH)
                        .isEmpty());

        Instant first = Instant.now();
        send(Topics.ROSTER, roster(first, coach1));
        awaitFeed(coach1, hasSource(emergency.id()));

        // a coach added later gets the athlete's recent events too
        send(Topics.ROSTER, roster(first.plusSeconds(60), coach1, coach2));
        JsonPath second = awaitFeed(coach2, hasSource(emergency.id()));
        assertEquals("URGENT", second.get("items[0].severity"));

        // an older roster entry arriving late changes nothing: its coach never gets the item
        String stale = "stale-" + coach1;
        String coach3 = "c3-" + coach1;
        send(Topics.ROSTER, roster(first.minusSeconds(3600), stale));
        // one key, one partition: once the newer entry after it is handled, so was the stale one
        send(Topics.ROSTER, roster(first.plusSeconds(120), coach1, coach2, coach3));
        awaitFeed(coach3, hasSource(emergency.id()));
        given().header("X-Api-Key", ACME)
                .when()
                .get("/v1/coaches/" + stale + "/notifications")
                .then()
                .statusCode(404);
        assertEquals(1, feed(coach1, "").getList("items").size());
    }

    @Test
    void recoveryPausesAreHighAndTheUrgentItemComesFirstInItsPage() {
        send(Topics.ROSTER, roster(Instant.now(), coach1));
        Event<TriageDecided> emergency = triage("s-1", TriageCategory.EMERGENCY);
        send(Topics.TRIAGE, emergency);
        awaitFeed(coach1, hasSource(emergency.id()));
        Event<RecoveryScheduled> pause = pauseAll(emergency.id());
        send(Topics.RECOVERY, pause);

        JsonPath feed = awaitFeed(coach1, hasSource(pause.id()));
        assertEquals(List.of("URGENT", "HIGH"), feed.getList("items.severity"), "the newer HIGH item comes second");
        assertEquals("Ann Lifter: all training paused until a coach clears them", feed.get("items[1].title"));
        assertEquals(List.of("TRIAGE_EMERGENCY"), feed.getList("items[1].reasons.code"));
    }

    @Test
    void pagesWalkTheFeedNewestFirstWithoutGapsOrRepeatsWhileItemsArrive() {
        send(Topics.ROSTER, roster(Instant.now(), coach1));
        List<TriageCategory> categories = List.of(
                TriageCategory.EMERGENCY,
                TriageCategory.NORMAL_SORENESS,
                TriageCategory.SEE_CLINICIAN,
                TriageCategory.MODIFY_TRAINING,
                TriageCategory.NORMAL_SORENESS);
        for (int i = 0; i < categories.size(); i++) {
            // distinct reasons: repeats of one reason would collapse into one item
            send(Topics.TRIAGE, triage("s-" + i, categories.get(i), "REASON_" + i));
            // one at a time, so that every item has its own creation instant in the order sent
            awaitFeed(coach1, size(i + 1));
        }
        List<String> newestFirst = new ArrayList<>(feed(coach1, "").getList("items", Map.class).stream()
                .sorted(Comparator.comparing((Map m) -> Instant.parse((String) m.get("createdAt")))
                        .reversed())
                .map(m -> (String) m.get("id"))
                .toList());

        JsonPath page1 = feed(coach1, "?limit=2");
        assertEquals(2, page1.getList("items").size());
        assertNotNull(page1.get("nextCursor"));
        assertEquals(Set.copyOf(newestFirst.subList(0, 2)), Set.copyOf(page1.getList("items.id")));

        // a new item arrives while the coach pages: it lands before the cursor, never in a later page
        Event<TriageDecided> late = triage("s-late", TriageCategory.EMERGENCY);
        send(Topics.TRIAGE, late);
        awaitFeed(coach1, hasSource(late.id()));

        JsonPath page2 = feed(coach1, "?limit=2&after=" + page1.getString("nextCursor"));
        assertEquals(Set.copyOf(newestFirst.subList(2, 4)), Set.copyOf(page2.getList("items.id")));
        assertEquals(List.of("HIGH", "INFO"), page2.getList("items.severity"), "most severe first within the page");
        JsonPath page3 = feed(coach1, "?limit=2&after=" + page2.getString("nextCursor"));
        assertEquals(List.of(newestFirst.get(4)), page3.getList("items.id"));
        assertNull(page3.get("nextCursor"));

        Set<String> seen = new HashSet<>();
        for (JsonPath page : List.of(page1, page2, page3)) {
            for (String id : page.getList("items.id", String.class)) {
                assertTrue(seen.add(id), "repeated " + id);
            }
        }
        assertEquals(Set.copyOf(newestFirst), seen);

        // a page that ends exactly at the end of the feed says so
        JsonPath exact = feed(coach1, "?limit=3&after=" + page1.getString("nextCursor"));
        assertEquals(3, exact.getList("items").size());
        assertNull(exact.get("nextCursor"));
    }

    @Test
    void badLimitsAndCursorsAreRefusedWithPointers() {
        send(Topics.ROSTER, roster(Instant.now(), coach1));
        for (String limit : List.of("0", "-1", "201", "1.5", "abc")) {
            given().header("X-Api-Key", ACME)
                    .queryParam("limit", limit)
                    .when()
                    .get("/v1/coaches/" + coach1 + "/notifications")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.pointer", equalTo(List.of("/limit")));
        }
        given().header("X-Api-Key", ACME)
                .queryParam("limit", "0")
                .queryParam("after", "bogus")
                .when()
                .get("/v1/coaches/" + coach1 + "/notifications")
                .then()
                .statusCode(400)
                .body("status", equalTo(400))
                .body("errors.pointer", containsInAnyOrder("/limit", "/after"));
        given().header("X-Api-Key", ACME)
                .queryParam("limit", "200")
                .when()
                .get("/v1/coaches/" + coach1 + "/notifications")
                .then()
                .statusCode(200);
    }

    @Test
    void acknowledgingIsIdempotentAndMovesTheItemBehindWhatStillNeedsTheCoach() {
        send(Topics.ROSTER, roster(Instant.now(), coach1, coach2));
        Event<TriageDecided> emergency = triage("s-1", TriageCategory.EMERGENCY);
        send(Topics.TRIAGE, emergency);
        JsonPath before = awaitFeed(coach1, hasSource(emergency.id()));
        String id = before.getString("items[0].id");
        Event<TriageDecided> info = triage("s-2", TriageCategory.NORMAL_SORENESS);
        send(Topics.TRIAGE, info);
        awaitFeed(coach1, hasSource(info.id()));
        awaitFeed(coach2, hasSource(info.id())); // coaches' feeds are written one after the other

        String acknowledgedAt = given().header("X-Api-Key", ACME)
                .when()
                .post("/v1/coaches/" + coach1 + "/notifications/" + id + "/ack")
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("acknowledgedAt", notNullValue())
                .extract()
                .path("acknowledgedAt");
        given().header("X-Api-Key", ACME)
                .when()
                .post("/v1/coaches/" + coach1 + "/notifications/" + id + "/ack")
                .then()
                .statusCode(200)
                .body("acknowledgedAt", equalTo(acknowledgedAt));

        JsonPath after = feed(coach1, "");
        assertEquals(List.of("INFO", "URGENT"), after.getList("items.severity"));
        assertEquals(acknowledgedAt, after.getString("items[1].acknowledgedAt"));
        // the other coach's copy is theirs to acknowledge
        JsonPath other = feed(coach2, "");
        assertEquals(List.of("URGENT", "INFO"), other.getList("items.severity"));
        assertNull(other.get("items[0].acknowledgedAt"));

        given().header("X-Api-Key", ACME)
                .when()
                .post("/v1/coaches/" + coach1 + "/notifications/no-such-item/ack")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Api-Key", ACME)
                .when()
                .post("/v1/coaches/" + coach2 + "/notifications/" + id + "/ack")
                .then()
                .statusCode(404);
    }

    @Test
    void anotherTenantSeesNothing() {
        send(Topics.ROSTER, roster(Instant.now(), coach1));
        Event<TriageDecided> emergency = triage("s-1", TriageCategory.EMERGENCY);
        send(Topics.TRIAGE, emergency);
        String id = awaitFeed(coach1, hasSource(emergency.id())).getString("items[0].id");

        given().header("X-Api-Key", "globex-key")
                .when()
                .get("/v1/coaches/" + coach1 + "/notifications")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Api-Key", "globex-key")
                .when()
                .post("/v1/coaches/" + coach1 + "/notifications/" + id + "/ack")
                .then()
                .statusCode(404);

        // the same coach id in globex is another coach, with their own (empty) feed
        Event<RosterChanged> globexRoster = Event.of(
                EventIds.derive("globex-roster", athlete),
                "/session-ingestion",
                "globex",
                new RosterChanged(athlete, "Other", List.of(coach1), Instant.now()),
                Instant.now());
        send(Topics.ROSTER, globexRoster);
        JsonPath globexFeed = await().atMost(PATIENCE)
                .until(
                        () -> given().header("X-Api-Key", "globex-key")
                                .when()
                                .get("/v1/coaches/" + coach1 + "/notifications")
                                .then()
                                .extract(),
                        r -> r.statusCode() == 200)
                .jsonPath();
        assertEquals(List.of(), globexFeed.getList("items"));
        assertNull(feed(coach1, "").getString("items[0].acknowledgedAt"), "acme's item untouched");
    }

    @Test
    void unreadableRecordsGoToTheChannelsDeadLetterTopic() {
        String key = "acme:" + athlete;
        ConsumerTask<String, String> dlq = kafka.consumeStrings().fromTopics("liftguard.triage.v1.dlq.notifications");
        try {
            send(Topics.TRIAGE, key, "{not json");
            // a valid envelope of the wrong type for the topic is just as unreadable here
            send(Topics.TRIAGE, key, EventCodec.encode(roster(Instant.now(), coach1)));
            // the channel goes on: a valid event after them is delivered
            send(Topics.ROSTER, roster(Instant.now(), coach1));
            Event<TriageDecided> valid = triage("s-1", TriageCategory.SEE_CLINICIAN);
            send(Topics.TRIAGE, valid);
            awaitFeed(coach1, hasSource(valid.id()));

            await().atMost(PATIENCE).until(() -> mine(dlq, key).size() >= 2);
            List<ConsumerRecord<String, String>> dead = mine(dlq, key);
            assertEquals("{not json", dead.get(0).value());
            assertTrue(dead.get(1).value().contains("com.liftguard.roster.changed.v1"));
            assertNotNull(dead.get(0).headers().lastHeader("dead-letter-reason"));
            assertTrue(new String(
                            dead.get(1)
                                    .headers()
                                    .lastHeader("dead-letter-reason")
                                    .value(),
                            StandardCharsets.UTF_8)
                    .contains("expected event type"));
            assertFalse(feed(coach1, "").getList("items.severity").contains("URGENT"));
        } finally {
            dlq.close();
        }
    }

    @Test
    void everyNewItemIsPublishedOnceForPlatforms() {
        String key = "acme:" + athlete;
        ConsumerTask<String, String> published = kafka.consumeStrings().fromTopics(Topics.NOTIFICATIONS);
        try {
            Instant first = Instant.now();
            send(Topics.ROSTER, roster(first, coach1));
            Event<TriageDecided> emergency = triage("s-1", TriageCategory.EMERGENCY);
            send(Topics.TRIAGE, emergency);
            await().atMost(PATIENCE).until(() -> !mine(published, key).isEmpty());
            ConsumerRecord<String, String> record = mine(published, key).get(0);
            Event<NotificationCreated> event = EventCodec.decode(record.value(), NotificationCreated.class);
            NotificationCreated n = event.data();
            assertEquals(coach1, n.coachId());
            assertEquals(athlete, n.athleteId());
            assertEquals(Severity.URGENT, n.severity());
            assertEquals(emergency.id(), n.sourceEventId());
            assertEquals("Ann Lifter: red flag, stop training and seek medical care today", n.title());
            assertEquals(
                    List.of("SADDLE_NUMBNESS"),
                    n.reasons().stream().map(Reason::code).toList());
            assertTrue(n.recommendedActions().stream().anyMatch(a -> a.contains("seek medical care today")));
            assertEquals(feed(coach1, "").getString("items[0].id"), n.notificationId(), "the feed item's id");
            assertEquals("acme", event.tenant());
            assertEquals(
                    event.id(), new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));

            // a replay of the event, and a roster change that sends the athlete's recent events to every coach
            // again: only coach2's item is new
            send(Topics.TRIAGE, emergency);
            send(Topics.ROSTER, roster(first.plusSeconds(60), coach1, coach2));
            Event<TriageDecided> marker = triage("s-2", TriageCategory.NORMAL_SORENESS);
            send(Topics.TRIAGE, marker);
            // the marker's items, one per coach, go out after the emergency's (the outbox keeps the write order)
            await().atMost(PATIENCE)
                    .until(() -> ofSource(mine(published, key), marker.id()).size() == 2);
            List<NotificationCreated> emergencies = ofSource(mine(published, key), emergency.id());
            assertEquals(
                    Set.of(coach1, coach2),
                    emergencies.stream().map(NotificationCreated::coachId).collect(Collectors.toSet()));
            assertEquals(2, emergencies.size(), "each coach's item once: " + emergencies);
        } finally {
            published.close();
        }
    }

    private static List<NotificationCreated> ofSource(List<ConsumerRecord<String, String>> records, String source) {
        return records.stream()
                .map(r ->
                        EventCodec.decode(r.value(), NotificationCreated.class).data())
                .filter(n -> source.equals(n.sourceEventId()))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> mine(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    @Test
    void aKeyIsRequired() {
        given().when()
                .get("/v1/coaches/" + coach1 + "/notifications")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().header("X-Api-Key", "nope")
                .when()
                .get("/v1/coaches/" + coach1 + "/notifications")
                .then()
                .statusCode(401);
        given().when()
                .post("/v1/coaches/" + coach1 + "/notifications/x/ack")
                .then()
                .statusCode(401);
    }

    @Test
    void aCoachNobodyFollowsIsNotFound() {
        given().header("X-Api-Key", ACME)
                .when()
                .get("/v1/coaches/" + coach1 + "/notifications")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
        send(Topics.ROSTER, roster(Instant.now(), coach1));
        await().atMost(PATIENCE)
                .until(() -> given().header("X-Api-Key", ACME)
                                .when()
                                .get("/v1/coaches/" + coach1 + "/notifications")
                                .statusCode()
                        == 200);
        given().header("X-Api-Key", ACME)
                .when()
                .get("/v1/coaches/" + coach1 + "/notifications")
                .then()
                .body("items", hasSize(0))
                .body("$", hasKey("nextCursor"))
                .body("nextCursor", nullValue());
    }

    @Test
    void theServiceReportsReadyAndDocumentsTheFeed() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("paths", hasKey("/v1/coaches/{coachId}/notifications"))
                .body("paths", hasKey("/v1/coaches/{coachId}/notifications/{id}/ack"));
    }
}
