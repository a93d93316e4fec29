package com.liftguard.support.outbox;

import com.liftguard.events.Event;
import com.liftguard.events.RosterChanged;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events for the test app: roster changes of a fresh athlete (the broker and database outlive a test). */
final class TestEvents {
    static final String TENANT = "acme";

    /** Long before any instant the tests set on the clock, so that a row's time is not the event's by chance. */
    static final Instant EVENT_TIME = Instant.parse("2026-01-01T06:00:00Z");

    private TestEvents() {}

    static String athlete() {
        return "outbox-test-" + UUID.randomUUID();
    }

    static Event<RosterChanged> roster(String athleteId, String name) {
        return Event.of(
                "evt-" + UUID.randomUUID(),
                "/support-outbox-test",
                TENANT,
                new RosterChanged(athleteId, name, List.of("coach-1"), EVENT_TIME),
                EVENT_TIME);
    }
}
