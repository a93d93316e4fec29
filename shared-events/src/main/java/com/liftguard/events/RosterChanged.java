package com.liftguard.events;

import java.time.Instant;
import java.util.List;

/** The full roster entry of an athlete: which coaches follow them. Replaces any earlier entry. */
public record RosterChanged(String athleteId, String displayName, List<String> coachIds, Instant changedAt)
        implements EventData {

    public RosterChanged {
        coachIds = coachIds == null ? List.of() : List.copyOf(coachIds);
    }
}
