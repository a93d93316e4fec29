package com.liftguard.events.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventData;
import com.liftguard.events.EventSamples;
import com.liftguard.events.EventType;
import com.liftguard.events.JsonEdit;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.SchemaSupport;
import com.liftguard.events.SessionIngested;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCodecTest {

    @Test
    void anOffsetDateTimeKeepsItsOffset() {
        Event<? extends EventData> event = EventSamples.full(EventType.SESSION_INGESTED);
        String json = EventCodec.encode(event);

        assertEquals(
                "2026-11-25T00:30:00+02:00",
                SchemaSupport.parse(json).at("/data/performedAt").asText());
        SessionIngested decoded = EventCodec.decode(json, SessionIngested.class).data();
        assertEquals(ZoneOffset.ofHours(2), decoded.performedAt().getOffset());
        assertEquals(EventSamples.PERFORMED_AT, decoded.performedAt());
        // in UTC the same instant is still the 24th: losing the offset would move the session to another day
        assertEquals(LocalDate.of(2026, 11, 25), decoded.performedAt().toLocalDate());
        assertEquals(
                LocalDate.of(2026, 11, 24),
                decoded.performedAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());

        CheckInIngested checkIn = EventCodec.decode(
                        EventCodec.encode(EventSamples.full(EventType.CHECK_IN_INGESTED)), CheckInIngested.class)
                .data();
        assertEquals(ZoneOffset.ofHoursMinutes(-5, -30), checkIn.reportedAt().getOffset());
        assertEquals(EventSamples.REPORTED_AT, checkIn.reportedAt());
    }

    @Test
    void writesIsoInstantsEnumNamesAndNullsForAbsentEnvelopeAttributes() {
        JsonNode full = SchemaSupport.parse(EventCodec.encode(EventSamples.full(EventType.SESSION_INGESTED)));
        assertEquals("2026-11-24T17:30:00Z", full.path("time").textValue());
        assertEquals("2026-11-24T17:30:00Z", full.at("/data/receivedAt").textValue());
        assertEquals("BACK_SQUAT", full.at("/data/sets/0/exercise").textValue());
        assertEquals("acme:athlete:17", full.path("subject").textValue());
        assertEquals("athlete:17", full.path("athleteid").textValue());
        assertEquals("application/json", full.path("datacontenttype").textValue());
        assertTrue(
                full.at("/data/sets/1").has("rir") && !full.at("/data/sets/1").has("rpe"),
                "absent optional payload values are left out");

        JsonNode minimal = SchemaSupport.parse(EventCodec.encode(EventSamples.minimal(EventType.SESSION_INGESTED)));
        for (String attribute : List.of("subject", "time", "datacontenttype", "athleteid")) {
            assertTrue(minimal.has(attribute) && minimal.get(attribute).isNull(), attribute + " written as null");
        }
        assertTrue(!minimal.path("data").has("wellness"), "absent wellness left out");
    }

    @Test
    void decodeRefusesAnotherType() {
        String session = EventCodec.encode(EventSamples.full(EventType.SESSION_INGESTED));
        EventCodecException e =
                assertThrows(EventCodecException.class, () -> EventCodec.decode(session, CheckInIngested.class));
        assertTrue(e.getMessage().contains(EventType.CHECK_IN_INGESTED.ceType()), e.getMessage());
        assertThrows(EventCodecException.class, () -> EventCodec.decode(session, RosterChanged.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "{", "{\"type\": ", "[1, 2, 3]", "42", "\"text\"", "\u0000\u0001"})
    void garbageIsACodecException(String json) {
        assertThrows(EventCodecException.class, () -> EventCodec.decode(json, SessionIngested.class));
        assertThrows(EventCodecException.class, () -> EventCodec.decodeAny(json));
    }

    @Test
    void theJsonLiteralNullIsACodecExceptionForDecodeAny() {
        assertThrows(EventCodecException.class, () -> EventCodec.decodeAny("null"));
    }

    @Test
    void theJsonLiteralNullIsACodecExceptionForDecode() {
        assertThrows(EventCodecException.class, () -> EventCodec.decode("null", SessionIngested.class));
    }

    @Test
    void anUnknownOrMissingTypeIsACodecException() {
        String session = EventCodec.encode(EventSamples.full(EventType.SESSION_INGESTED));
        JsonNode node = SchemaSupport.parse(session);
        assertThrows(
                EventCodecException.class,
                () -> EventCodec.decodeAny(JsonEdit.set(node, "/type", "\"com.liftguard.unknown.v1\"")
                        .toString()));
        assertThrows(
                EventCodecException.class,
                () -> EventCodec.decodeAny(JsonEdit.remove(node, "/type").toString()));
        assertThrows(
                EventCodecException.class,
                () -> EventCodec.decode(JsonEdit.remove(node, "/type").toString(), SessionIngested.class));
    }

    @Test
    void anEnvelopeWithoutIdTenantOrDataIsACodecException() {
        JsonNode node = SchemaSupport.parse(EventCodec.encode(EventSamples.full(EventType.SESSION_INGESTED)));
        for (String required : List.of("/id", "/tenant", "/data")) {
            String broken = JsonEdit.remove(node, required).toString();
            assertThrows(EventCodecException.class, () -> EventCodec.decode(broken, SessionIngested.class), required);
            assertThrows(EventCodecException.class, () -> EventCodec.decodeAny(broken), required);
        }
        String wrongShape = JsonEdit.set(node, "/data/sets", "\"not a list\"").toString();
        assertThrows(EventCodecException.class, () -> EventCodec.decode(wrongShape, SessionIngested.class));
    }

    @Test
    void readersIgnoreUnknownFields() {
        Event<? extends EventData> event = EventSamples.full(EventType.SESSION_INGESTED);
        JsonNode node = SchemaSupport.parse(EventCodec.encode(event));
        String newer = JsonEdit.set(JsonEdit.set(node, "/data/newField", "1"), "/dataschema", "\"x\"")
                .toString();
        assertEquals(event, EventCodec.decode(newer, SessionIngested.class));
    }

    @Test
    void kafkaSerdeRoundTrips() {
        Event<? extends EventData> event = EventSamples.full(EventType.TRIAGE_DECIDED);
        byte[] bytes = new EventSerializer().serialize("t", event);
        assertEquals(EventCodec.encode(event), new String(bytes, StandardCharsets.UTF_8));
        assertEquals(event, new EventDeserializer().deserialize("t", bytes));
        assertEquals(null, new EventSerializer().serialize("t", null));
        assertEquals(null, new EventDeserializer().deserialize("t", null));
        assertNotEquals(0, bytes.length);
    }
}
