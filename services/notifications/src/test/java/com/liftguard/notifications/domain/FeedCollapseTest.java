package com.liftguard.notifications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.model.Reason;
import com.liftguard.events.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedCollapseTest {
    private static final Duration WINDOW = Duration.ofHours(12);
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static FeedItem item(Severity severity, Instant createdAt, Instant acknowledgedAt, String... reasons) {
        return new FeedItem(
                "i-" + createdAt,
                "c-1",
                "a-1",
                severity,
                "title",
                "body",
                List.of(reasons).stream()
                        .map(r -> new Reason(r, "m", List.of()))
                        .toList(),
                List.of(),
                createdAt,
                acknowledgedAt,
                "e-" + createdAt);
    }

    @Test
    void repeatsShareTheKindOfNewsAndTheFirstReason() {
        assertEquals(
                "risk:HIGH:ACWR_SPIKE",
                FeedCollapse.key("risk:HIGH", item(Severity.HIGH, T0, null, "ACWR_SPIKE", "SHORT_SLEEP")));
        assertNull(FeedCollapse.key("plan", item(Severity.INFO, T0, null)), "no reason, nothing to repeat");
    }

    @Test
    void urgentItemsItemsWithoutReasonsAndAZeroWindowNeverFold() {
        FeedItem info = item(Severity.INFO, T0, null, "SORENESS");
        assertTrue(FeedCollapse.mayFold(info, FeedCollapse.key("triage", info), WINDOW));
        FeedItem urgent = item(Severity.URGENT, T0, null, "SADDLE_NUMBNESS");
        assertFalse(FeedCollapse.mayFold(urgent, FeedCollapse.key("triage", urgent), WINDOW));
        FeedItem bare = item(Severity.INFO, T0, null);
        assertFalse(FeedCollapse.mayFold(bare, FeedCollapse.key("plan", bare), WINDOW));
        assertFalse(FeedCollapse.mayFold(info, FeedCollapse.key("triage", info), Duration.ZERO));
    }

    @Test
    void aRepeatFoldsIntoAnUnacknowledgedItemOfTheWindowOnly() {
        FeedItem repeat = item(Severity.INFO, T0.plus(WINDOW), null, "SORENESS");
        assertTrue(FeedCollapse.foldsInto(repeat, item(Severity.INFO, T0, null, "SORENESS"), WINDOW), "at the edge");
        assertFalse(FeedCollapse.foldsInto(repeat, item(Severity.INFO, T0.minusMillis(1), null, "SORENESS"), WINDOW));
        assertFalse(
                FeedCollapse.foldsInto(
                        repeat, item(Severity.INFO, T0.plusSeconds(60), T0.plusSeconds(90), "SORENESS"), WINDOW),
                "the coach has seen it: a repeat is news again");
    }
}
