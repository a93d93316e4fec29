package com.liftguard.ingestion.domain;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.EventKeys;
import com.liftguard.events.EventType;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.serde.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes the event announcing a validated session or check-in straight from the request's JSON tree, in
 * the canonical form {@link EventCodec#encode} gives the same event built from records: the same fields
 * in the same order, optional fields left out when absent or null, absent lists as {@code []}, absent
 * pain flags as {@code false}, decimals as decimals. This is the ingestion hot path: it saves binding every
 * item to records and writing them back, which costs more than the rest of the request together.
 * {@code CanonicalEventsTest} holds it to byte equality with the record path.
 *
 * <p>Only for items that passed {@link IngestValidator}: it trusts their shape.
 */
public final class CanonicalEvents {
    /** An event ready to publish and to rebuild later from the stored raw item. */
    public record Prepared(String eventId, String key, String ceType, String topic, byte[] json) {
        /** The event as text (tests and logs; the hot path sends the UTF-8 bytes as they are). */
        public String jsonText() {
            return new String(json, StandardCharsets.UTF_8);
        }
    }

    private static final JsonFactory JSON = EventCodec.mapper().getFactory();
    private static final EventType SESSION = EventType.of(SessionIngested.class);
    private static final EventType CHECK_IN = EventType.of(CheckInIngested.class);
    private static final String[] PAIN_FLAGS = {"radiatesBelowKnee", "numbnessOrTingling", "legWeakness",
        "saddleNumbness", "bladderOrBowelChange", "worseAtNightOrRest", "fever", "followingTrauma",
        "unexplainedWeightLoss"};

    private CanonicalEvents() {
    }

    public static Prepared session(String tenant, JsonNode item, Instant receivedAt) {
        String sessionId = item.get("sessionId").asText();
        String athleteId = item.get("athleteId").asText();
        String id = EventIds.derive("session", tenant, sessionId);
        return prepare(SESSION, id, tenant, athleteId, receivedAt, g -> {
            g.writeStringField("sessionId", sessionId);
            g.writeStringField("athleteId", athleteId);
            g.writeStringField("performedAt", offsetDateTime(item.get("performedAt")));
            g.writeNumberField("durationMinutes", item.get("durationMinutes").intValue());
            g.writeNumberField("sessionRpe", item.get("sessionRpe").doubleValue());
            g.writeArrayFieldStart("sets");
            JsonNode sets = item.get("sets");
            if (sets != null) {
                for (JsonNode set : sets) {
                    writeSet(g, set);
                }
            }
            g.writeEndArray();
            writeWellness(g, item.get("wellness"));
            writePainReports(g, item.get("painReports"));
        });
    }

    public static Prepared checkIn(String tenant, JsonNode item, Instant receivedAt) {
        String checkInId = item.get("checkInId").asText();
        String athleteId = item.get("athleteId").asText();
        String id = EventIds.derive("check-in", tenant, checkInId);
        return prepare(CHECK_IN, id, tenant, athleteId, receivedAt, g -> {
            g.writeStringField("checkInId", checkInId);
            g.writeStringField("athleteId", athleteId);
            g.writeStringField("reportedAt", offsetDateTime(item.get("reportedAt")));
            writeWellness(g, item.get("wellness"));
            writePainReports(g, item.get("painReports"));
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static Prepared prepare(EventType type, String id, String tenant, String athleteId, Instant receivedAt,
                                    Body body) {
        String key = EventKeys.of(tenant, athleteId);
        ByteArrayBuilder out = new ByteArrayBuilder(2048);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("specversion", Event.SPEC_VERSION);
            g.writeStringField("id", id);
            g.writeStringField("type", type.ceType());
            g.writeStringField("source", IngestEvents.SOURCE);
            g.writeStringField("subject", key);
            g.writeStringField("time", receivedAt.toString());
            g.writeStringField("datacontenttype", Event.CONTENT_TYPE);
            g.writeStringField("tenant", tenant);
            g.writeStringField("athleteid", athleteId);
            g.writeObjectFieldStart("data");
            body.write(g);
            g.writeStringField("receivedAt", receivedAt.toString());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] json = out.toByteArray();
        out.release();
        return new Prepared(id, key, type.ceType(), type.topic(), json);
    }

    private static void writeSet(JsonGenerator g, JsonNode set) throws IOException {
        g.writeStartObject();
        g.writeStringField("exercise", set.get("exercise").asText());
        text(g, set, "variant");
        g.writeNumberField("reps", set.get("reps").intValue());
        g.writeNumberField("loadKg", set.get("loadKg").doubleValue());
        decimal(g, set, "rpe");
        integer(g, set, "rir");
        text(g, set, "tempo");
        JsonNode belt = present(set, "belt");
        if (belt != null) {
            g.writeBooleanField("belt", belt.booleanValue());
        }
        text(g, set, "limitingFactor");
        g.writeArrayFieldStart("faults");
        JsonNode faults = present(set, "faults");
        if (faults != null) {
            for (JsonNode fault : faults) {
                g.writeString(fault.asText());
            }
        }
        g.writeEndArray();
        JsonNode metrics = present(set, "metrics");
        if (metrics != null) {
            g.writeObjectFieldStart("metrics");
            decimal(g, metrics, "torsoLeanChangeDeg");
            decimal(g, metrics, "meanConcentricVelocity");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeWellness(JsonGenerator g, JsonNode wellness) throws IOException {
        if (wellness == null || wellness.isNull()) {
            return;
        }
        g.writeObjectFieldStart("wellness");
        decimal(g, wellness, "sleepHours");
        integer(g, wellness, "sleepQuality");
        integer(g, wellness, "stress");
        g.writeEndObject();
    }

    private static void writePainReports(JsonGenerator g, JsonNode reports) throws IOException {
        g.writeArrayFieldStart("painReports");
        if (reports != null && !reports.isNull()) {
            for (JsonNode r : reports) {
                g.writeStartObject();
                g.writeStringField("region", r.get("region").asText());
                g.writeStringField("side", r.get("side").asText());
                g.writeStringField("quality", r.get("quality").asText());
                g.writeNumberField("intensity", r.get("intensity").intValue());
                g.writeStringField("onset", r.get("onset").asText());
                g.writeNumberField("hoursSinceOnset", r.get("hoursSinceOnset").intValue());
                g.writeStringField("trend", r.get("trend").asText());
                for (String flag : PAIN_FLAGS) {
                    JsonNode v = r.get(flag);
                    g.writeBooleanField(flag, v != null && v.booleanValue());
                }
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static JsonNode present(JsonNode parent, String field) {
        JsonNode v = parent.get(field);
        return v == null || v.isNull() ? null : v;
    }

    private static void text(JsonGenerator g, JsonNode parent, String field) throws IOException {
        JsonNode v = present(parent, field);
        if (v != null) {
            g.writeStringField(field, v.asText());
        }
    }

    private static void decimal(JsonGenerator g, JsonNode parent, String field) throws IOException {
        JsonNode v = present(parent, field);
        if (v != null) {
            g.writeNumberField(field, v.doubleValue());
        }
    }

    private static void integer(JsonGenerator g, JsonNode parent, String field) throws IOException {
        JsonNode v = present(parent, field);
        if (v != null) {
            g.writeNumberField(field, v.intValue());
        }
    }

    /**
     * As the record path writes an {@link OffsetDateTime}: ISO-8601 with its own offset, seconds always
     * shown, fraction trimmed, a zero offset as {@code Z}. The common shapes that are already so are kept
     * as they are without parsing ({@link IngestValidator} has parsed them once).
     */
    static String offsetDateTime(JsonNode v) {
        String s = v.asText();
        if (canonical(s)) {
            return s;
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.parse(s));
    }

    private static boolean canonical(String s) {
        // 2026-11-20T18:30:00Z or 2026-11-20T18:30:00+01:00 (seconds, no fraction, a non-zero offset)
        if (s.length() < 20 || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return false;
        }
        if (s.length() == 20) {
            return s.charAt(19) == 'Z';
        }
        return s.length() == 25 && (s.charAt(19) == '+' || s.charAt(19) == '-') && s.charAt(22) == ':'
                && !s.endsWith("00:00");
    }
}
