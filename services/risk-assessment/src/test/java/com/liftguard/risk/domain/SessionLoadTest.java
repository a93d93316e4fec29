package com.liftguard.risk.domain;

import static com.liftguard.risk.domain.Sets.set;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.liftguard.events.SessionIngested;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionLoadTest {

    private static SessionIngested session(String performedAt, int minutes, double rpe) {
        return new SessionIngested(
                "s", "a", OffsetDateTime.parse(performedAt), minutes, rpe, List.of(), null, null, null);
    }

    @Test
    void sessionLoadIsSessionRpeTimesDuration() {
        assertEquals(420.0, SessionLoad.sessionLoad(7, 60));
        assertEquals(450.0, SessionLoad.sessionLoad(session("2024-03-10T10:00:00Z", 60, 7.5)));
    }

    @Test
    void theDayIsTheLocalDateInTheOffsetGiven() {
        // 01:00 at +05:00 is still the previous day in UTC; 22:00 at -05:00 is already the next day in UTC
        assertEquals(LocalDate.of(2024, 3, 10), SessionLoad.day(OffsetDateTime.parse("2024-03-10T01:00:00+05:00")));
        assertEquals(LocalDate.of(2024, 3, 10), SessionLoad.day(OffsetDateTime.parse("2024-03-10T22:00:00-05:00")));
    }

    @Test
    void volumeLoadIsRepsTimesLoadAndSpinalVolumeLoadCountsOnlySpinalExercises() {
        assertEquals(500.0, SessionLoad.volumeLoad(set(Exercise.BACK_SQUAT, 5, 100)));
        List<LoggedSet> sets = List.of(
                set(Exercise.BACK_SQUAT, 5, 100),
                set(Exercise.FRONT_SQUAT, 5, 80),
                set(Exercise.DEADLIFT, 3, 150),
                set(Exercise.ROMANIAN_DEADLIFT, 8, 90),
                set(Exercise.GOOD_MORNING, 10, 40),
                set(Exercise.HIP_THRUST, 10, 120),
                set(Exercise.LEG_PRESS, 12, 200),
                set(Exercise.SPLIT_SQUAT, 8, 40),
                set(Exercise.BACK_EXTENSION_45, 15, 10),
                set(Exercise.OTHER, 10, 20));
        assertEquals(500 + 400 + 450 + 720 + 400, SessionLoad.spinalVolumeLoad(sets));
    }

    @Test
    void dailyLoadSumsTheSessionsOfEachLocalDay() {
        Map<LocalDate, Double> daily = SessionLoad.dailyLoads(List.of(
                session("2024-03-10T07:00:00+01:00", 60, 5),
                session("2024-03-10T23:30:00+01:00", 30, 4),
                session("2024-03-11T00:30:00+01:00", 10, 10)));
        assertEquals(Map.of(LocalDate.of(2024, 3, 10), 420.0, LocalDate.of(2024, 3, 11), 100.0), daily);
    }
}
