package com.liftguard.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.SessionIngested;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.TechniqueFault;
import com.liftguard.events.model.Variant;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoggedSpinalSessionTest {
    private static final OffsetDateTime AT = OffsetDateTime.of(2025, 3, 10, 18, 30, 0, 0, ZoneOffset.ofHours(1));

    private static SessionIngested session(LoggedSet... sets) {
        return new SessionIngested("s-1", "a1", AT, 60, 7, List.of(sets), null, List.of(), Instant.EPOCH);
    }

    private static LoggedSet set(
            Exercise exercise, Variant variant, Double rpe, Integer rir, TechniqueFault... faults) {
        return new LoggedSet(exercise, variant, 5, 100, rpe, rir, null, null, null, List.of(faults), null);
    }

    @Test
    void aSessionWithoutSpinalLoadingIsNotRead() {
        assertTrue(LoggedSpinalSession.of(session(set(Exercise.HIP_THRUST, null, 7.0, null)))
                .isEmpty());
    }

    @Test
    void theGateReadsFaultsAndTheHighestEffortOfTheSpinalSets() {
        LoggedSpinalSession s = LoggedSpinalSession.of(session(
                        set(Exercise.BACK_SQUAT, Variant.HIGH_BAR, 7.5, null, TechniqueFault.GOOD_MORNING_SQUAT),
                        set(Exercise.DEADLIFT, Variant.CONVENTIONAL, null, 2),
                        set(Exercise.HIP_THRUST, null, 9.5, null)))
                .orElseThrow();

        assertEquals(AT.toInstant(), s.performedAt());
        assertTrue(s.anyFault());
        assertEquals(8.0, s.maxRpe(), "RIR 2 is RPE 8; the hip thrust does not load the spine");
        assertEquals(Variant.HIGH_BAR, s.squatBar());
    }

    @Test
    void aSpinalSetWithoutEffortLoggedLeavesTheEffortUnknown() {
        LoggedSpinalSession s = LoggedSpinalSession.of(session(
                        set(Exercise.BACK_SQUAT, Variant.LOW_BAR, 7.0, null),
                        set(Exercise.FRONT_SQUAT, null, null, null)))
                .orElseThrow();

        assertNull(s.maxRpe());
        assertEquals(Variant.LOW_BAR, s.squatBar(), "the last squat set that names a bar position");
    }
}
