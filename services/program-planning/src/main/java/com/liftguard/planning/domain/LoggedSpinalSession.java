package com.liftguard.planning.domain;

import com.liftguard.events.SessionIngested;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What planning reads of a logged session with spinal loading: the load gate's evidence (faults, effort) from its
 * spinal-loading sets, and the squat bar position.
 *
 * @param maxRpe the highest effective RPE of its spinal sets; null when one of them had no RPE or RIR logged
 * @param squatBar the bar position of its last squat set that named one, or null
 */
public record LoggedSpinalSession(
        String sessionId, Instant performedAt, boolean anyFault, Double maxRpe, Variant squatBar) {

    /** Empty for a session without spinal loading: the gate reads nothing else, so it changes nothing here. */
    public static Optional<LoggedSpinalSession> of(SessionIngested s) {
        List<LoggedSet> spinal =
                s.sets().stream().filter(set -> set.exercise().spinalLoading()).toList();
        if (spinal.isEmpty()) {
            return Optional.empty();
        }
        Double maxRpe = spinal.stream().allMatch(set -> set.effectiveRpe() != null)
                ? spinal.stream().mapToDouble(LoggedSet::effectiveRpe).max().orElseThrow()
                : null;
        Variant squatBar = s.sets().stream()
                .filter(set -> set.exercise().squat() && set.variant() != null)
                .reduce((a, b) -> b)
                .map(LoggedSet::variant)
                .orElse(null);
        return Optional.of(new LoggedSpinalSession(
                s.sessionId(),
                s.performedAt().toInstant(),
                spinal.stream().anyMatch(set -> !set.faults().isEmpty()),
                maxRpe,
                squatBar));
    }
}
