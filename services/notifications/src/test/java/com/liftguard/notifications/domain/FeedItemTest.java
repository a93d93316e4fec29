package com.liftguard.notifications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.events.model.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedItemTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static FeedItem item(String id, Severity severity, int minute, boolean acknowledged) {
        Instant created = T0.plusSeconds(60L * minute);
        return new FeedItem(
                id,
                "c-1",
                "a-1",
                severity,
                id,
                "",
                List.of(),
                List.of(),
                created,
                acknowledged ? created.plusSeconds(5) : null,
                "e-" + id);
    }

    @Test
    void withinAPageWhatNeedsTheCoachComesFirstMostSevereFirst() {
        FeedItem infoNew = item("info-new", Severity.INFO, 5, false);
        FeedItem urgentOld = item("urgent-old", Severity.URGENT, 1, false);
        FeedItem highNew = item("high-new", Severity.HIGH, 4, false);
        FeedItem highOld = item("high-old", Severity.HIGH, 2, false);
        FeedItem urgentAcked = item("urgent-acked", Severity.URGENT, 3, true);
        FeedItem infoAcked = item("info-acked", Severity.INFO, 6, true);

        List<FeedItem> sorted = List.of(infoNew, urgentOld, highNew, highOld, urgentAcked, infoAcked).stream()
                .sorted(FeedItem.ATTENTION_FIRST)
                .toList();

        assertEquals(
                List.of(urgentOld, highNew, highOld, infoNew, infoAcked, urgentAcked),
                sorted,
                "unacknowledged by severity then newest; acknowledged newest first");
    }

    @Test
    void feedOrderIsNewestFirstWithTheIdBreakingTies() {
        FeedItem a = item("a", Severity.INFO, 1, false);
        FeedItem b = item("b", Severity.URGENT, 1, false);
        FeedItem c = item("c", Severity.INFO, 2, false);
        assertEquals(
                List.of(c, b, a),
                List.of(a, b, c).stream().sorted(FeedItem.NEWEST_FIRST).toList());
    }
}
