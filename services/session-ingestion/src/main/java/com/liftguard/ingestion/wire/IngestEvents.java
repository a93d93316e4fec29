package com.liftguard.ingestion.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.serde.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Events built from records: the roster event the service publishes, and for sessions and check-ins the
 * reference that {@link CanonicalEvents} (which the service publishes) is held to, byte for byte, in
 * {@code CanonicalEventsTest}. Ids derive from the platform's ids.
 */
public final class IngestEvents {
    public static final String SOURCE = "/session-ingestion";

    private IngestEvents() {}

    public static Event<SessionIngested> session(String tenant, JsonNode item, Instant receivedAt) {
        ObjectNode copy = item.deepCopy();
        copy.put("receivedAt", receivedAt.toString());
        SessionIngested data = Json.mapper().convertValue(copy, SessionIngested.class);
        return Event.of(EventIds.derive("session", tenant, data.sessionId()), SOURCE, tenant, data, receivedAt);
    }

    public static Event<CheckInIngested> checkIn(String tenant, JsonNode item, Instant receivedAt) {
        ObjectNode copy = item.deepCopy();
        copy.put("receivedAt", receivedAt.toString());
        CheckInIngested data = Json.mapper().convertValue(copy, CheckInIngested.class);
        return Event.of(EventIds.derive("check-in", tenant, data.checkInId()), SOURCE, tenant, data, receivedAt);
    }

    /** Roster entries replace each other, so each change is its own event: the id includes the time. */
    public static Event<RosterChanged> roster(String tenant, String athleteId, JsonNode body, Instant changedAt) {
        List<String> coachIds = new ArrayList<>();
        body.get("coachIds").forEach(c -> coachIds.add(c.asText()));
        RosterChanged data =
                new RosterChanged(athleteId, body.get("displayName").asText(), coachIds, changedAt);
        return Event.of(
                EventIds.derive("roster", tenant, athleteId, changedAt.toString()), SOURCE, tenant, data, changedAt);
    }
}
