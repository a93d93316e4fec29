package com.liftguard.ingestion.api;

import com.liftguard.events.RosterChanged;
import java.time.Instant;
import java.util.List;

/** The stored roster entry, as answered to {@code PUT /v1/athletes/{athleteId}}. */
public record RosterResponse(String athleteId, String displayName, List<String> coachIds, Instant updatedAt) {
    static RosterResponse of(RosterChanged roster) {
        return new RosterResponse(roster.athleteId(), roster.displayName(), roster.coachIds(), roster.changedAt());
    }
}
