package com.liftguard.notifications.domain;

import java.time.Instant;
import java.util.List;

/** Who follows an athlete, as of the newest roster event received. */
public record RosterEntry(
        String tenant, String athleteId, String displayName, List<String> coachIds, Instant changedAt) {
    public RosterEntry {
        coachIds = coachIds == null ? List.of() : List.copyOf(coachIds);
    }
}
