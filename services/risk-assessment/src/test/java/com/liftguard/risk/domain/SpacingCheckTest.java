package com.liftguard.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.risk.domain.HeavySessions.HeavySession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpacingCheckTest {

    private static final Instant T0 = Instant.parse("2024-05-01T17:00:00Z");
    private final SpacingCheck check = new SpacingCheck(RecoverySettings.defaults());

    private static HeavySession at(String id, Duration after, boolean maxEffort) {
        return new HeavySession(id, T0.plus(after), maxEffort);
    }

    @Test
    void lessThan48HoursApartIsTooClose() {
        HeavySession a = at("a", Duration.ZERO, false);
        HeavySession b = at("b", Duration.ofHours(48).minusMinutes(1), false);
        List<SpacingCheck.TooClose> found = check.tooClose(List.of(a, b));
        assertEquals(1, found.size());
        SpacingCheck.TooClose tc = found.get(0);
        assertEquals(a, tc.earlier());
        assertEquals(b, tc.later());
        assertEquals(48 - 1 / 60.0, tc.hoursBetween(), 1e-12);
        assertEquals(48, tc.minimumHours());
        assertEquals("HEAVY_SESSIONS_TOO_CLOSE", tc.reason().code());
        assertTrue(
                tc.reason()
                        .message()
                        .startsWith("Two heavy spinal-loading sessions 47 h 59 min apart: less than "
                                + "the 48 h of recovery needed."),
                tc.reason().message());
    }

    @Test
    void exactly48HoursIsEnough() {
        assertTrue(check.tooClose(List.of(at("a", Duration.ZERO, false), at("b", Duration.ofHours(48), false)))
                .isEmpty());
    }

    @Test
    void afterAMaxEffortLessThan72HoursIsTooCloseAndExactly72IsEnough() {
        HeavySession max = at("a", Duration.ZERO, true);
        List<SpacingCheck.TooClose> found = check.tooClose(List.of(max, at("b", Duration.ofHours(71), false)));
        assertEquals(1, found.size());
        assertEquals(72, found.get(0).minimumHours());
        assertTrue(
                found.get(0)
                        .reason()
                        .message()
                        .contains("71 h apart: less than the 72 h of recovery needed after "
                                + "a session with a set at RPE 10 / RIR 0."),
                found.get(0).reason().message());
        assertTrue(check.tooClose(List.of(max, at("b", Duration.ofHours(72), false)))
                .isEmpty());
    }

    @Test
    void onlyTheEarlierSessionsMaxEffortMatters() {
        assertTrue(check.tooClose(List.of(at("a", Duration.ZERO, false), at("b", Duration.ofHours(50), true)))
                .isEmpty());
    }

    @Test
    void sessionsAreComparedInTimeOrderWhateverTheInputOrder() {
        HeavySession a = at("a", Duration.ZERO, false);
        HeavySession b = at("b", Duration.ofHours(60), false);
        HeavySession c = at("c", Duration.ofHours(90), false);
        HeavySession d = at("d", Duration.ofHours(200), false);
        List<SpacingCheck.TooClose> found = check.tooClose(List.of(d, c, a, b));
        assertEquals(1, found.size());
        assertEquals(b, found.get(0).earlier());
        assertEquals(c, found.get(0).later());
        assertEquals(30.0, found.get(0).hoursBetween());
    }

    @Test
    void nothingToCompareFindsNothing() {
        assertTrue(check.tooClose(List.of()).isEmpty());
        assertTrue(check.tooClose(List.of(at("a", Duration.ZERO, true))).isEmpty());
    }

    @Test
    void theNextHeavySessionIsAllowed72HoursAfterTheLastOne() {
        HeavySession a = at("a", Duration.ZERO, false);
        HeavySession b = at("b", Duration.ofHours(100), false);
        assertEquals(
                T0.plus(Duration.ofHours(172)),
                check.earliestNextHeavy(List.of(b, a)).orElseThrow());
        assertTrue(check.earliestNextHeavy(List.of()).isEmpty());
        assertEquals(Duration.ofHours(72), check.lookback());
    }
}
