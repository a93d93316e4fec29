package com.liftguard.notifications.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.model.Severity;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.notifications.config.NotificationsConfig;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.Notification;
import com.liftguard.notifications.domain.RosterEntry;
import com.liftguard.notifications.persistence.AthleteEventStore;
import com.liftguard.notifications.persistence.FeedStore;
import com.liftguard.notifications.persistence.RosterStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fan-out against mongo-java-server, with the clock moved to see the recent-window at work. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class FeedFanoutTest {
    @Inject
    RosterStore rosters;

    @Inject
    AthleteEventStore athleteEvents;

    @Inject
    FeedStore feed;

    @Inject
    NotificationsConfig config;

    private final Instant start = Instant.now();
    private String athlete;
    private String coach;

    @BeforeEach
    void setUp() {
        athlete = "a-" + UUID.randomUUID();
        coach = "c-" + athlete;
    }

    /** The service's fan-out as it would run {@code later} after {@link #start}. */
    private FeedFanout at(Duration later) {
        FeedFanout fanout = new FeedFanout();
        fanout.rosters = rosters;
        fanout.athleteEvents = athleteEvents;
        fanout.feed = feed;
        fanout.config = config;
        fanout.clock = Clock.fixed(start.plus(later), ZoneOffset.UTC);
        return fanout;
    }

    private Notification notification() {
        return new Notification(
                athlete,
                Severity.HIGH,
                "see a clinician, no spinal loading until then",
                "body",
                List.of(),
                List.of("No spinal loading."),
                start);
    }

    private RosterEntry roster(Duration changedAfterStart, String... coaches) {
        return new RosterEntry("acme", athlete, "Ann", List.of(coaches), start.plus(changedAfterStart));
    }

    private List<FeedItem> feedOf(String coachId) {
        return feed.page("acme", coachId, null, 10);
    }

    @Test
    void aCoachAddedWithinTheWindowGetsTheAthletesEvents() {
        at(Duration.ZERO).notificationComposed("acme", "e-" + athlete, notification());
        Duration justInside = config.recentWindow().minusMinutes(1);

        at(justInside).rosterChanged(roster(justInside, coach));

        List<FeedItem> items = feedOf(coach);
        assertEquals(1, items.size());
        assertEquals(
                "Ann: see a clinician, no spinal loading until then",
                items.get(0).title());
        assertEquals(
                start.plus(justInside).toEpochMilli(),
                items.get(0).createdAt().toEpochMilli(),
                "created when it reached this coach");
    }

    @Test
    void eventsOlderThanTheWindowStayOffANewCoachsFeed() {
        at(Duration.ZERO).notificationComposed("acme", "e-" + athlete, notification());
        Duration justOutside = config.recentWindow().plusMinutes(1);

        at(justOutside).rosterChanged(roster(justOutside, coach));

        assertTrue(feedOf(coach).isEmpty());
    }

    @Test
    void aStaleRosterChangeStillCompletesTheStoredRostersFanOut() {
        at(Duration.ZERO).rosterChanged(roster(Duration.ofMinutes(10), coach));
        // stored for the athlete, but as if the process died before it reached the coach
        athleteEvents.record("acme", "e-" + athlete, notification(), start);

        at(Duration.ofMinutes(1)).rosterChanged(roster(Duration.ofMinutes(5), "stale-" + coach));

        assertEquals(List.of(coach), rosters.find("acme", athlete).orElseThrow().coachIds());
        assertEquals(1, feedOf(coach).size());
        assertTrue(feedOf("stale-" + coach).isEmpty());
    }

    @Test
    void anEventReplayedAfterACrashBeforeItsFanOutReachesTheCoaches() {
        at(Duration.ZERO).rosterChanged(roster(Duration.ZERO, coach));
        athleteEvents.record("acme", "e-" + athlete, notification(), start);

        at(Duration.ofSeconds(1)).notificationComposed("acme", "e-" + athlete, notification());
        at(Duration.ofSeconds(2)).notificationComposed("acme", "e-" + athlete, notification());

        assertEquals(1, feedOf(coach).size());
    }
}
