package com.liftguard.risk.domain;

import com.liftguard.events.SessionIngested;
import com.liftguard.events.model.LoggedSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Load of one session and of its sets (docs/rules.md section 4): Foster's session-RPE load and the volume-load of
 * sets. Static functions, no state.
 */
public final class SessionLoad {

    private SessionLoad() {}

    /** Session load = sessionRpe x durationMinutes, in arbitrary units. */
    public static double sessionLoad(double sessionRpe, int durationMinutes) {
        return sessionRpe * durationMinutes;
    }

    public static double sessionLoad(SessionIngested session) {
        return sessionLoad(session.sessionRpe(), session.durationMinutes());
    }

    /**
     * The calendar day a session counts on: the local date of {@code performedAt} in the offset it was given
     * with, not in UTC, so a late-evening session stays on the athlete's own day.
     */
    public static LocalDate day(OffsetDateTime performedAt) {
        return performedAt.toLocalDate();
    }

    /** Volume-load of a set = reps x loadKg. */
    public static double volumeLoad(LoggedSet set) {
        return set.reps() * set.loadKg();
    }

    /** Sum of the volume-load of the spinal-loading sets (back and front squat, deadlift, RDL, good morning). */
    public static double spinalVolumeLoad(Collection<LoggedSet> sets) {
        return sets.stream()
                .filter(s -> s.exercise().spinalLoading())
                .mapToDouble(SessionLoad::volumeLoad)
                .sum();
    }

    /** Daily load: the session loads summed per calendar day. Days without a session are absent (load 0). */
    public static SortedMap<LocalDate, Double> dailyLoads(Collection<SessionIngested> sessions) {
        SortedMap<LocalDate, Double> daily = new TreeMap<>();
        for (SessionIngested s : sessions) {
            daily.merge(day(s.performedAt()), sessionLoad(s), Double::sum);
        }
        return daily;
    }
}
