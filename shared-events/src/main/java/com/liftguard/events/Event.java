package com.liftguard.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, with the tenant and athlete as extension
 * attributes so that a consumer can route or reject a record without reading its payload.
 *
 * @param id unique per event, and the same id whenever the same fact is published again (consumers
 *     de-duplicate on it)
 * @param source the service that emitted it, as a URI reference such as {@code /risk-assessment}
 * @param subject {@code tenant:athleteId}, the Kafka key
 */
public record Event<T extends EventData>(
        String specversion,
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String datacontenttype,
        String tenant,
        String athleteid,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public Event {
        Objects.requireNonNull(specversion, "specversion");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(data, "data");
    }

    public static <T extends EventData> Event<T> of(String id, String source, String tenant, T data, Instant time) {
        EventType type = EventType.of(data.getClass());
        return new Event<>(
                SPEC_VERSION,
                id,
                type.ceType(),
                source,
                EventKeys.of(tenant, data.athleteId()),
                time,
                CONTENT_TYPE,
                tenant,
                data.athleteId(),
                data);
    }

    @JsonIgnore
    public String key() {
        return subject;
    }

    @JsonIgnore
    public EventType eventType() {
        return EventType.ofCeType(type).orElseThrow(() -> new IllegalStateException("unknown event type " + type));
    }
}
