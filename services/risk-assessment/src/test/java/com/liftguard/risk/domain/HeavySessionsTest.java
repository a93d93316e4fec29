package com.liftguard.risk.domain;

import static com.liftguard.risk.domain.Sets.rir;
import static com.liftguard.risk.domain.Sets.rpe;
import static com.liftguard.risk.domain.Sets.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.model.Exercise;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HeavySessionsTest {

    private static final Instant AT = Instant.parse("2024-05-01T17:00:00Z");
    private final HeavySessions heavy = new HeavySessions(RecoverySettings.defaults());

    @Test
    void aSpinalSetAtRpe8OrMoreIsHeavy() {
        assertTrue(heavy.isHeavySet(rpe(Exercise.BACK_SQUAT, 5, 60, 8), null));
        assertTrue(heavy.isHeavySet(rpe(Exercise.BACK_SQUAT, 5, 60, 9.5), null));
        assertFalse(heavy.isHeavySet(rpe(Exercise.BACK_SQUAT, 5, 60, 7.5), null));
    }

    @Test
    void rirCountsAsEffectiveRpe() {
        assertTrue(heavy.isHeavySet(rir(Exercise.DEADLIFT, 5, 60, 2), null));
        assertFalse(heavy.isHeavySet(rir(Exercise.DEADLIFT, 5, 60, 3), null));
    }

    @Test
    void aSpinalSetAtOrAbove80PercentOfItsE1rmIsHeavy() {
        assertTrue(heavy.isHeavySet(set(Exercise.DEADLIFT, 3, 160), 200.0));
        assertFalse(heavy.isHeavySet(set(Exercise.DEADLIFT, 3, 159.9), 200.0));
        assertFalse(heavy.isHeavySet(set(Exercise.DEADLIFT, 3, 500), null), "no e1RM, no percentage");
    }

    @ParameterizedTest
    @EnumSource(Exercise.class)
    void onlySpinalLoadingExercisesMakeASessionHeavy(Exercise exercise) {
        boolean spinal = switch (exercise) {
            case BACK_SQUAT, FRONT_SQUAT, DEADLIFT, ROMANIAN_DEADLIFT, GOOD_MORNING -> true;
            default -> false;
        };
        assertEquals(spinal, heavy.isHeavySet(rpe(exercise, 5, 100, 9), null));
        assertEquals(spinal, heavy.isHeavy(List.of(set(exercise, 5, 100)), Map.of(exercise, 110.0)));
    }

    @Test
    void theE1rmIsLookedUpPerExercise() {
        Map<Exercise, Double> e1rm = Map.of(Exercise.BACK_SQUAT, 100.0, Exercise.DEADLIFT, 300.0);
        assertFalse(heavy.isHeavy(List.of(set(Exercise.DEADLIFT, 3, 200)), e1rm));
        assertTrue(heavy.isHeavy(List.of(set(Exercise.DEADLIFT, 3, 200), set(Exercise.BACK_SQUAT, 3, 85)), e1rm));
    }

    @Test
    void aHeavySessionRemembersAMaxEffortSetAtRpe10OrRir0() {
        HeavySessions.HeavySession plain = heavy.assess(
                        "s1", AT, List.of(rpe(Exercise.BACK_SQUAT, 3, 100, 9.5)), Map.of())
                .orElseThrow();
        assertEquals(new HeavySessions.HeavySession("s1", AT, false), plain);
        assertTrue(heavy.assess("s2", AT, List.of(rir(Exercise.BACK_SQUAT, 3, 100, 0)), Map.of())
                .orElseThrow()
                .maxEffort());
        assertTrue(heavy.assess("s3", AT, List.of(rpe(Exercise.DEADLIFT, 1, 200, 10)), Map.of())
                .orElseThrow()
                .maxEffort());
        // "a set at RPE 10" of the session: any exercise
        assertTrue(heavy.assess(
                        "s4",
                        AT,
                        List.of(rpe(Exercise.DEADLIFT, 3, 180, 8), rpe(Exercise.HIP_THRUST, 8, 150, 10)),
                        Map.of())
                .orElseThrow()
                .maxEffort());
    }

    @Test
    void aLightSessionIsNotHeavy() {
        assertTrue(heavy.assess(
                        "s",
                        AT,
                        List.of(rpe(Exercise.BACK_SQUAT, 5, 60, 6), rpe(Exercise.LEG_PRESS, 10, 200, 10)),
                        Map.of(Exercise.BACK_SQUAT, 100.0))
                .isEmpty());
    }
}
