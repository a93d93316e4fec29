package com.liftguard.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackPainHistoryTest {
    private static Instant day(int d) {
        return Instant.parse("2026-11-01T17:00:00Z").plusSeconds(86_400L * d);
    }

    // the last four spinal sessions, newest first: days 6, 4, 2, 0
    private static final List<Instant> SESSIONS = List.of(day(6), day(4), day(2), day(0));

    @Test
    void aCheckInCountsAgainstTheLastSessionAtOrBeforeIt() {
        PainReportTriage.History h =
                BackPainHistory.history(SESSIONS, List.of(false, false, true, false), List.of(day(5)));
        assertEquals(new PainReportTriage.History(4, 2), h, "day 5 is after the session of day 4");
        assertEquals(
                new PainReportTriage.History(4, 2),
                BackPainHistory.history(SESSIONS, List.of(false, false, true, false), List.of(day(4))),
                "a check-in at the session's own time");
    }

    @Test
    void aSessionIsCountedOnceHoweverManyReportsFollowIt() {
        PainReportTriage.History h = BackPainHistory.history(
                SESSIONS,
                List.of(false, true, false, false),
                List.of(day(4).plusSeconds(60), day(5), day(5).plusSeconds(3600)));
        assertEquals(new PainReportTriage.History(4, 1), h);
    }

    @Test
    void ownReportsAndCheckInsAddUp() {
        PainReportTriage.History h = BackPainHistory.history(
                SESSIONS, List.of(true, false, false, true), List.of(day(3), day(6).plusSeconds(1)));
        assertEquals(new PainReportTriage.History(4, 3), h, "day 3 -> session of day 2; after day 6 -> day 6");
    }

    @Test
    void noSessionsNoHistory() {
        assertEquals(
                new PainReportTriage.History(0, 0), BackPainHistory.history(List.of(), List.of(), List.of(day(1))));
    }
}
