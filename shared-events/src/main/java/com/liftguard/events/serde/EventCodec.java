package com.liftguard.events.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.liftguard.events.Event;
import com.liftguard.events.EventData;
import com.liftguard.events.EventType;

/**
 * JSON encoding of events. Readers ignore unknown fields (a newer producer may add optional ones) and
 * keep the offset of offset date-times (daily load depends on it). An absent pain flag reads as false,
 * as the contract says; producers are held to the JSON Schemas by shared-events' tests.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = newMapper();

    private EventCodec() {}

    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .serializationInclusion(JsonInclude.Include.ALWAYS)
                .build();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String encode(Event<?> event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new EventCodecException("cannot encode event " + event.id(), e);
        }
    }

    /** Decodes an envelope whose payload must be of {@code dataClass}; the envelope's type must match. */
    public static <T extends EventData> Event<T> decode(String json, Class<T> dataClass) {
        Event<T> event = decodeUnchecked(json, dataClass);
        if (event == null) {
            throw new EventCodecException("not an event: the JSON is null", null);
        }
        EventType expected = EventType.of(dataClass);
        if (!expected.ceType().equals(event.type())) {
            throw new EventCodecException(
                    "expected event type " + expected.ceType() + " but got " + event.type(), null);
        }
        return event;
    }

    /** Decodes an envelope of any known type, choosing the payload class from its {@code type}. */
    public static Event<? extends EventData> decodeAny(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            String type = node.path("type").asText(null);
            EventType eventType = EventType.ofCeType(type)
                    .orElseThrow(() -> new EventCodecException("unknown event type " + type, null));
            return decodeUnchecked(json, eventType.dataClass());
        } catch (JsonProcessingException e) {
            throw new EventCodecException("not a JSON event: " + e.getOriginalMessage(), e);
        }
    }

    private static <T extends EventData> Event<T> decodeUnchecked(String json, Class<T> dataClass) {
        JavaType type = MAPPER.getTypeFactory().constructParametricType(Event.class, dataClass);
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new EventCodecException(
                    "cannot decode " + dataClass.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventCodecException("cannot decode " + dataClass.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
