package com.liftguard.notifications.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.EventData;
import com.liftguard.events.EventIds;
import com.liftguard.events.RiskAssessed;
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
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KafkaBroker;
import com.liftguard.infra.LiftguardTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The coach's page ({@code GET /}) in a real headless Chromium against the real service: a feed seeded through
 * Kafka must come out of the page's own JavaScript, most urgent first, next to the athletes' chart panel.
 */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class CoachPageBrowserTest {
    private static final String ACME = "acme-key";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int VIRTUAL_TIME_BUDGET_MS = 8000;
    private static final Path BROWSER_DIR = Path.of("target", "browser");
    /** Kept by the build as the test's artifact: what a coach sees. */
    static final Path SCREENSHOT = BROWSER_DIR.resolve("coach-page.png");

    private static final Pattern FEED_ITEM = Pattern.compile("<li\\b[^>]*\\bdata-testid=\"feed-item\"[^>]*>");
    private static final Pattern ATHLETE_TAB = Pattern.compile("<button\\b[^>]*\\bdata-testid=\"athlete-tab\"[^>]*>");
    private static final String DISPLAY_NAME = "Ann Lifter";

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
        coach = "c1-" + run;
    }

    // ---- the feed, seeded through the broker as production fills it

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

    /** Each category with a reason of its own: the feed folds repeats of one athlete's same reason together. */
    private static final Map<TriageCategory, Reason> REASONS = Map.of(
            TriageCategory.EMERGENCY,
            new Reason("SADDLE_NUMBNESS", "Saddle numbness is a red flag", List.of("saddleNumbness")),
            TriageCategory.SEE_CLINICIAN,
            new Reason("PAIN_WORSENING", "Pain worse than last time", List.of("trend")),
            TriageCategory.NORMAL_SORENESS,
            new Reason("DELAYED_ONSET", "Aching that began the day after training", List.of("onset")));

    private Event<TriageDecided> triage(String sourceId, TriageCategory category) {
        TriageDecided decision = new TriageDecided(
                EventIds.derive("decision", athlete, sourceId),
                athlete,
                TriageDecided.SourceKind.SESSION,
                sourceId,
                0,
                SADDLE_NUMBNESS,
                category,
                List.of(REASONS.get(category)),
                Instant.now());
        return Event.of(
                EventIds.derive("triage", athlete, sourceId), "/risk-assessment", "acme", decision, Instant.now());
    }

    private Event<RosterChanged> roster(Instant changedAt, String... coachIds) {
        return Event.of(
                EventIds.derive("roster", athlete, changedAt.toString()),
                "/session-ingestion",
                "acme",
                new RosterChanged(athlete, DISPLAY_NAME, List.of(coachIds), changedAt),
                changedAt);
    }

    private void send(String topic, Event<? extends EventData> event) {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(topic, event.key(), EventCodec.encode(event)))
                .awaitCompletion(Duration.ofSeconds(10));
    }

    private JsonPath awaitFeedOf(int size) {
        return await("the feed of " + coach + " holding " + size + " items")
                .atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> given().header("X-Api-Key", ACME)
                                .when()
                                .get("/v1/coaches/" + coach + "/notifications?limit=200")
                                .then()
                                .extract()
                                .jsonPath(),
                        f -> f.get("items") != null && f.getList("items").size() == size);
    }

    /** URGENT first, then HIGH, and the newest item, INFO, last: the page must not simply list by time. */
    private List<Map<String, Object>> seedFeed() {
        send(Topics.ROSTER, roster(Instant.now(), coach));
        List<TriageCategory> oldestFirst =
                List.of(TriageCategory.EMERGENCY, TriageCategory.SEE_CLINICIAN, TriageCategory.NORMAL_SORENESS);
        JsonPath feed = null;
        for (int i = 0; i < oldestFirst.size(); i++) {
            send(Topics.TRIAGE, triage("s-" + i, oldestFirst.get(i)));
            // one at a time, so that each item has its own creation instant in the order sent
            feed = awaitFeedOf(i + 1);
        }
        seedFigures();
        return feed.getList("items");
    }

    /**
     * Five weeks of daily figures up to today (LOW risk, so they chart without adding to the feed): a
     * session every other day, heavier in the last week, ACWR from the fourth week on.
     */
    private void seedFigures() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int d = 34; d >= 0; d--) {
            LocalDate day = today.minusDays(d);
            double daily = d % 2 == 0 ? (d < 7 ? 540 : 360) : 0;
            Double acwr = d > 6 ? null : 1.1 + (7 - d) * 0.06;
            RiskAssessed r = new RiskAssessed(
                    athlete,
                    RiskLevel.LOW,
                    List.of(),
                    "day-" + d,
                    Instant.now(),
                    day,
                    Map.of(),
                    null,
                    new RiskAssessed.Load(daily, 200 + d, 180, acwr, 1400));
            send(
                    Topics.RISK,
                    Event.of(
                            EventIds.derive("risk", athlete, day.toString()),
                            "/risk-assessment",
                            "acme",
                            r,
                            Instant.now()));
        }
        await().atMost(PATIENCE)
                .until(
                        () -> given().header("X-Api-Key", ACME)
                                .when()
                                .get("/v1/coaches/" + coach + "/athletes/" + athlete + "/series?days=42")
                                .then()
                                .extract()
                                .jsonPath(),
                        s -> s.getList("days") != null && s.getList("days").size() == 35);
    }

    private String pageUrl() {
        return root.toString().replaceFirst("/?$", "/") + "#coach=" + URLEncoder.encode(coach, StandardCharsets.UTF_8)
                + "&key=" + URLEncoder.encode(ACME, StandardCharsets.UTF_8);
    }

    // ---- the page

    @Test
    void theCoachSeesTheSeededFeedUrgentFirstAndTheAthleteChartsInARealBrowser() throws IOException {
        // before seeding: a missing browser should say so at once, not after the broker round trips
        HeadlessChromium chromium = HeadlessChromium.require(BROWSER_DIR);
        List<Map<String, Object>> seeded = seedFeed();
        String title = severityTitle(seeded, "URGENT");
        String highTitle = severityTitle(seeded, "HIGH");
        String infoTitle = severityTitle(seeded, "INFO");
        assertTrue(title.startsWith(DISPLAY_NAME + ": "), title);

        String dom = chromium.dumpDom(pageUrl(), VIRTUAL_TIME_BUDGET_MS);

        // the static page has no items: these come from app.js calling the feed with the key from the fragment
        // the <template> copy of a feed item has no data-id
        List<String> itemTags = tags(dom, FEED_ITEM).stream()
                .filter(t -> t.contains("data-id="))
                .toList();
        assertEquals(3, itemTags.size(), "three rendered feed items in:\n" + excerpt(dom));
        assertArrayEquals(
                new String[] {"URGENT", "HIGH", "INFO"},
                itemTags.stream().map(t -> attribute(t, "data-severity")).toArray(),
                "most severe first");
        assertEquals(
                seeded.stream().map(i -> i.get("id")).sorted().toList(),
                itemTags.stream().map(t -> attribute(t, "data-id")).sorted().toList(),
                "the seeded items' ids");
        assertTrue(itemTags.stream().allMatch(t -> athlete.equals(attribute(t, "data-athlete-id"))));

        int urgentAt = dom.indexOf(html(title));
        int highAt = dom.indexOf(html(highTitle));
        int infoAt = dom.indexOf(html(infoTitle));
        assertTrue(urgentAt >= 0 && highAt >= 0 && infoAt >= 0, "every seeded title rendered:\n" + excerpt(dom));
        assertTrue(urgentAt < highAt && highAt < infoAt, "URGENT, then HIGH, then the newer INFO item");
        int feedAt = dom.indexOf("data-testid=\"feed-list\"");
        assertTrue(feedAt >= 0 && feedAt < urgentAt, "the items are inside the feed list");

        // each item carries its reasons, recommended actions and an Acknowledge button
        for (Reason reason : REASONS.values()) {
            assertTrue(
                    dom.contains("<code>" + reason.code() + "</code> " + html(reason.message())),
                    "reason code and message: " + reason.code());
        }
        for (Map<String, Object> item : seeded) {
            for (Object action : (List<?>) item.get("recommendedActions")) {
                assertTrue(dom.contains("<li>" + html((String) action) + "</li>"), "recommended action: " + action);
            }
        }
        assertTrue(count(dom, "data-testid=\"ack\"") >= 4, "an Acknowledge button per item (and the template's)");

        // signed in from the fragment: no sign-in form, no error banner
        assertTrue(tagOf(dom, "id=\"settings\"").contains("hidden"), "the sign-in form stays hidden");
        assertTrue(tagOf(dom, "data-testid=\"notice\"").contains("hidden"), "no error notice:\n" + excerpt(dom));
        assertTrue(tagOf(dom, "data-testid=\"feed-list\"").contains("data-state=\"loaded\""));
        assertFalse(dom.contains("acme-key"), "the key does not end up in the page");

        // the athlete panel: a tab for the athlete (from the roster endpoint, or the feed while it is missing),
        // the three charts and the live connection indicator
        List<String> tabs = tags(dom, ATHLETE_TAB);
        assertTrue(
                tabs.stream().anyMatch(t -> athlete.equals(attribute(t, "data-athlete-id"))),
                "a tab for the seeded athlete among " + tabs);
        for (String chart : List.of("chart-load", "chart-acwr", "chart-triage")) {
            assertTrue(dom.contains("data-testid=\"" + chart + "\""), chart + " present");
            assertTrue(
                    tagOf(dom, "data-testid=\"" + chart + "\"").contains("data-state=\"drawn\""),
                    chart + " drawn from the seeded series");
        }
        assertTrue(dom.contains("data-testid=\"connection\""), "the live-connection indicator");

        chromium.screenshot(pageUrl(), VIRTUAL_TIME_BUDGET_MS, SCREENSHOT);
        assertTrue(Files.isRegularFile(SCREENSHOT), "screenshot written to " + SCREENSHOT.toAbsolutePath());
        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertTrue(png.length > 8 * 1024, "a real rendering, not a blank image: " + png.length + " bytes");
        assertArrayEquals(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8), "a PNG file");
    }

    private static String severityTitle(List<Map<String, Object>> items, String severity) {
        return items.stream()
                .filter(i -> severity.equals(i.get("severity")))
                .map(i -> (String) i.get("title"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + severity + " item seeded: " + items));
    }

    private static List<String> tags(String dom, Pattern tag) {
        List<String> found = new ArrayList<>();
        Matcher m = tag.matcher(dom);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    /** Text as the DOM serializer writes it. */
    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\u00a0", "&nbsp;");
    }

    private static String attribute(String tag, String name) {
        Matcher m =
                Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return m.find() ? m.group(1) : null;
    }

    /** The opening tag of the element holding {@code marker}. */
    private static String tagOf(String dom, String marker) {
        int at = dom.indexOf(marker);
        assertTrue(at >= 0, marker + " present");
        return dom.substring(dom.lastIndexOf('<', at), dom.indexOf('>', at) + 1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static String excerpt(String dom) {
        int main = dom.indexOf("<main");
        String from = main >= 0 ? dom.substring(main) : dom;
        return from.length() > 4000 ? from.substring(0, 4000) + "..." : from;
    }
}
