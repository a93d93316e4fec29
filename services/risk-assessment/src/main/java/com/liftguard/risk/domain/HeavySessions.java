package com.liftguard.risk.domain;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Which spinal-loading sessions are heavy (docs/rules.md section 4): a session is heavy when any spinal-loading set is
 * at or above 80% of that exercise's e1RM, or at an effective RPE (RPE, or 10 - RIR) of 8 or more. Sets of other
 * exercises never make a session heavy.
 *
 * <p>The e1RM map is the caller's: normally {@link E1rm#bestByExercise} as of the session's day, this session's
 * own estimates included. An exercise without an e1RM can still be heavy by RPE.
 */
public final class HeavySessions {

    /**
     * A heavy spinal-loading session.
     *
     * @param maxEffort whether any set of the session was at RPE 10 or RIR 0; the next heavy session then
     *     needs the longer recovery
     */
    public record HeavySession(String sessionId, Instant performedAt, boolean maxEffort) {}

    private final RecoverySettings settings;

    public HeavySessions(RecoverySettings settings) {
        this.settings = settings;
    }

    /** @param e1rmKg the exercise's e1RM, or null when it has none */
    public boolean isHeavySet(LoggedSet set, Double e1rmKg) {
        if (!set.exercise().spinalLoading()) {
            return false;
        }
        Double rpe = set.effectiveRpe();
        if (rpe != null && rpe >= settings.heavyRpe()) {
            return true;
        }
        return e1rmKg != null && e1rmKg > 0 && set.loadKg() >= settings.heavyPercentOfE1rm() * e1rmKg;
    }

    public boolean isHeavy(Collection<LoggedSet> sets, Map<Exercise, Double> e1rmKg) {
        return sets.stream().anyMatch(s -> isHeavySet(s, e1rmKg.get(s.exercise())));
    }

    /** A set at RPE 10 or RIR 0 (any exercise: the spec speaks of "a set" of the session). */
    public boolean isMaxEffortSet(LoggedSet set) {
        Double rpe = set.effectiveRpe();
        return rpe != null && rpe >= settings.maxEffortRpe();
    }

    /** The session as a heavy spinal session, or empty when it is not heavy. */
    public Optional<HeavySession> assess(
            String sessionId, Instant performedAt, Collection<LoggedSet> sets, Map<Exercise, Double> e1rmKg) {
        if (!isHeavy(sets, e1rmKg)) {
            return Optional.empty();
        }
        return Optional.of(
                new HeavySession(sessionId, performedAt, sets.stream().anyMatch(this::isMaxEffortSet)));
    }
}
