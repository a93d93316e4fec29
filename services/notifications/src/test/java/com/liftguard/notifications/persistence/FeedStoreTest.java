package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.notifications.domain.FeedChange;
import com.liftguard.notifications.domain.FeedItem;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The feed's change log as the live stream reads it, against mongo-java-server. */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class FeedStoreTest {
    private static final Duration WINDOW = Duration.ofHours(12);

    @Inject
    FeedStore feed;

    @Inject
    NotificationsDatabase db;

    private String coach;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUp() {
        coach = "c-" + UUID.randomUUID();
    }

    private FeedItem item(String athlete, String source, Severity severity, String reason) {
        return new FeedItem(
                FeedStore.itemId("acme", coach, source),
                coach,
                athlete,
                severity,
                "t " + source,
                "b",
                List.of(new Reason(reason, "m", List.of())),
                List.of(),
                now,
                null,
                source);
    }

    @Test
    void oneEventDeliveredTwiceAtOnceIsFoldedInOnce() throws Exception {
        // the event's own channel and a roster change may deliver the same event to a coach at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 15; round++) {
                String athlete = "a-" + round;
                feed.add("acme", item(athlete, "first-" + round, Severity.INFO, "SORENESS"), "triage", WINDOW);
                FeedItem repeat = item(athlete, "repeat-" + round, Severity.INFO, "SORENESS");
                CyclicBarrier start = new CyclicBarrier(6);
                List<Future<FeedStore.Outcome>> outcomes = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return feed.add("acme", repeat, "triage", WINDOW);
                    }));
                }
                List<FeedStore.Outcome> results = new ArrayList<>();
                for (var outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertEquals(
                        1,
                        results.stream()
                                .filter(FeedStore.Outcome.COLLAPSED::equals)
                                .count(),
                        results.toString());
                String firstId = FeedStore.itemId("acme", coach, "first-" + round);
                assertEquals(2, feed.repeats("acme", coach, List.of(firstId)).get(firstId), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewItemDeliveredTwiceAtOnceIsAddedOnceAndLeavesNoGap() throws Exception {
        // the coach's first change among them: its sequence is created under the same race
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int round = 0; round < 10; round++) {
                FeedItem item = item("n-" + round, "new-" + round, Severity.HIGH, "FEVER");
                CyclicBarrier start = new CyclicBarrier(6);
                List<Future<FeedStore.Outcome>> outcomes = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return feed.add("acme", item, "triage", WINDOW);
                    }));
                }
                long added = 0;
                for (var outcome : outcomes) {
                    added += outcome.get() == FeedStore.Outcome.ADDED ? 1 : 0;
                }
                assertEquals(1, added, "round " + round);
            }
            // every number taken has an entry: the live stream never waits over a number nobody logs
            long last = feed.lastSeq("acme", coach);
            List<FeedChange> changes = feed.changedAfter("acme", coach, 0, (int) last);
            assertEquals(
                    LongStream.rangeClosed(1, last).boxed().toList(),
                    changes.stream().map(FeedChange::seq).toList());
            assertEquals(10, changes.stream().filter(c -> c.item() != null).count(), "each item sent once");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void repeatsFoldedIntoOneItemLeaveNoGapInTheSequence() {
        assertEquals(
                FeedStore.Outcome.ADDED,
                feed.add("acme", item("a1", "e1", Severity.INFO, "SORENESS"), "triage", WINDOW));
        assertEquals(
                FeedStore.Outcome.ADDED,
                feed.add("acme", item("a2", "e2", Severity.INFO, "SORENESS"), "triage", WINDOW));
        assertEquals(
                FeedStore.Outcome.COLLAPSED,
                feed.add("acme", item("a1", "e3", Severity.INFO, "SORENESS"), "triage", WINDOW));
        assertEquals(
                FeedStore.Outcome.COLLAPSED,
                feed.add("acme", item("a1", "e4", Severity.INFO, "SORENESS"), "triage", WINDOW));

        List<FeedChange> changes = feed.changedAfter("acme", coach, 0, 100);
        // every number 1..4 has an entry: the stream never waits for a number a later change took over
        assertEquals(
                List.of(1L, 2L, 3L, 4L), changes.stream().map(FeedChange::seq).toList());
        assertNull(changes.get(0).item(), "a1's first change is superseded by its latest");
        assertEquals("a2", changes.get(1).item().athleteId());
        assertNull(changes.get(2).item());
        assertEquals("a1", changes.get(3).item().athleteId());
        assertEquals(3, changes.get(3).repeats());
        assertEquals(4, feed.lastSeq("acme", coach));
        // resuming after 2 starts at 3
        assertEquals(
                List.of(3L, 4L),
                feed.changedAfter("acme", coach, 2, 100).stream()
                        .map(FeedChange::seq)
                        .toList());
    }

    @Test
    void aReplayAddsNothingAndTakesNoNumber() {
        feed.add("acme", item("a1", "e1", Severity.INFO, "SORENESS"), "triage", WINDOW);
        feed.add("acme", item("a1", "e2", Severity.INFO, "SORENESS"), "triage", WINDOW);
        assertEquals(
                FeedStore.Outcome.ALREADY_THERE,
                feed.add("acme", item("a1", "e1", Severity.INFO, "SORENESS"), "triage", WINDOW));
        assertEquals(
                FeedStore.Outcome.ALREADY_THERE,
                feed.add("acme", item("a1", "e2", Severity.INFO, "SORENESS"), "triage", WINDOW));
        assertEquals(2, feed.lastSeq("acme", coach));
        assertEquals(2, feed.changedAfter("acme", coach, 0, 100).get(1).repeats());
    }

    @Test
    void urgentItemsNeitherFoldNorTakeRepeats() {
        feed.add("acme", item("a1", "u1", Severity.URGENT, "SADDLE_NUMBNESS"), "triage", WINDOW);
        assertEquals(
                FeedStore.Outcome.ADDED,
                feed.add("acme", item("a1", "u2", Severity.URGENT, "SADDLE_NUMBNESS"), "triage", WINDOW));
        // a milder item with the same reason does not fold into (and rewrite) the urgent one
        assertEquals(
                FeedStore.Outcome.ADDED,
                feed.add("acme", item("a1", "m1", Severity.HIGH, "SADDLE_NUMBNESS"), "triage", WINDOW));
        assertEquals(
                3,
                feed.changedAfter("acme", coach, 0, 100).stream()
                        .filter(c -> c.item() != null)
                        .count());
    }

    @Test
    void anAcknowledgedItemTakesNoMoreRepeatsAndItsAcknowledgementIsAChange() {
        feed.add("acme", item("a1", "e1", Severity.INFO, "SORENESS"), "triage", WINDOW);
        String id = FeedStore.itemId("acme", coach, "e1");
        assertNotNull(feed.acknowledge("acme", coach, id, now).orElseThrow().acknowledgedAt());
        assertEquals(
                FeedStore.Outcome.ADDED,
                feed.add("acme", item("a1", "e2", Severity.INFO, "SORENESS"), "triage", WINDOW));
        List<FeedChange> changes = feed.changedAfter("acme", coach, 0, 100);
        assertEquals(List.of(1L, 2L, 3L), changes.stream().map(FeedChange::seq).toList());
        assertNull(changes.get(0).item());
        assertNotNull(changes.get(1).item().acknowledgedAt());
        assertEquals(
                FeedStore.itemId("acme", coach, "e2"), changes.get(2).item().id());
        // another coach's token cannot acknowledge it
        assertEquals(Optional.empty(), feed.acknowledge("acme", "someone-else", id, now));
        assertEquals(Optional.empty(), feed.acknowledge("globex", coach, id, now));
    }

    @Test
    void aReplayAfterACrashCompletesTheLogEntryTheStreamNeeds() {
        feed.add("acme", item("a1", "e1", Severity.INFO, "SORENESS"), "triage", WINDOW);
        feed.add("acme", item("a1", "e2", Severity.INFO, "SORENESS"), "triage", WINDOW);
        // crashes after the item writes: the log entries and the markers were never written
        db.feedChanges().deleteOne(eq("_id", FeedStore.changeId("acme", coach, 1)));
        db.feedChanges().deleteOne(eq("_id", FeedStore.changeId("acme", coach, 2)));
        db.feedSources().deleteOne(eq("_id", FeedStore.itemId("acme", coach, "e1")));
        db.feedSources().deleteOne(eq("_id", FeedStore.itemId("acme", coach, "e2")));
        assertEquals(List.of(), feed.changedAfter("acme", coach, 0, 100));

        // the redeliveries find the item and complete what is missing, without counting the repeat twice
        assertEquals(
                FeedStore.Outcome.ALREADY_THERE,
                feed.add("acme", item("a1", "e1", Severity.INFO, "SORENESS"), "triage", WINDOW));
        assertEquals(
                FeedStore.Outcome.ALREADY_THERE,
                feed.add("acme", item("a1", "e2", Severity.INFO, "SORENESS"), "triage", WINDOW));
        List<FeedChange> changes = feed.changedAfter("acme", coach, 0, 100);
        assertEquals(
                List.of(2L),
                changes.stream()
                        .filter(c -> c.item() != null)
                        .map(FeedChange::seq)
                        .toList(),
                "the item's latest change is in the log again");
        assertEquals(2, changes.get(changes.size() - 1).repeats());
        assertEquals(2, feed.lastSeq("acme", coach), "no number taken by the replays");
    }
}
