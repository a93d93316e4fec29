package com.liftguard.ingestion.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.Event;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.ingestion.persistence.IngestStore;
import com.liftguard.ingestion.service.EventPublisher.Outgoing;
import com.liftguard.ingestion.wire.IngestEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** An athlete's roster entry (display name, coaches), set over HTTP or streamed on the ingest roster topic. */
@ApplicationScoped
public class RosterIngestion {
    @Inject
    IngestStore store;

    @Inject
    EventPublisher publisher;

    @Inject
    Clock clock;

    /** Publishes a roster entry, then stores it: one stored but never announced would leave coaches unnotified. */
    public RosterChanged update(String tenant, String athleteId, JsonNode body)
            throws EventPublisher.PublishFailedException {
        Event<RosterChanged> event = IngestEvents.roster(tenant, athleteId, body, Instant.now(clock));
        publisher.publishAll(List.of(new Outgoing(
                event.eventType().topic(),
                event.key(),
                event.id(),
                event.type(),
                EventCodec.encode(event).getBytes(StandardCharsets.UTF_8))));
        store.upsertAthlete(
                tenant,
                athleteId,
                event.data().displayName(),
                event.data().coachIds(),
                event.data().changedAt());
        return event.data();
    }
}
