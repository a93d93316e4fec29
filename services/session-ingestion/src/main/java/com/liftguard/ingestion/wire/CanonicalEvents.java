package com.liftguard.ingestion.wire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.EventKeys;
import com.liftguard.events.EventType;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.events.serde.Json;
import com.liftguard.ingestion.domain.ItemKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static final JsonFactory JSON = Json.mapper().getFactory();
    private static final EventType SESSION = EventType.of(SessionIngested.class);
    private static final EventType CHECK_IN = EventType.of(CheckInIngested.class);
    private static final F[] PAIN_FLAGS = {
        F.radiatesBelowKnee,
        F.numbnessOrTingling,
        F.legWeakness,
        F.saddleNumbness,
        F.bladderOrBowelChange,
        F.worseAtNightOrRest,
        F.fever,
        F.followingTrauma,
        F.unexplainedWeightLoss
    };

    /** Every field name the events have, each encoded once: writing one is then a copy of its bytes. */
    @SuppressWarnings("java:S115") // the constants are the JSON names
    private enum F {
        specversion,
        id,
        type,
        source,
        subject,
        time,
        datacontenttype,
        tenant,
        athleteid,
        data,
        receivedAt,
        sessionId,
        checkInId,
        athleteId,
        performedAt,
        reportedAt,
        durationMinutes,
        sessionRpe,
        sets,
        exercise,
        variant,
        reps,
        loadKg,
        rpe,
        rir,
        tempo,
        belt,
        limitingFactor,
        faults,
        metrics,
        torsoLeanChangeDeg,
        meanConcentricVelocity,
        wellness,
        sleepHours,
        sleepQuality,
        stress,
        painReports,
        region,
        side,
        quality,
        intensity,
        onset,
        hoursSinceOnset,
        trend,
        radiatesBelowKnee,
        numbnessOrTingling,
        legWeakness,
        saddleNumbness,
        bladderOrBowelChange,
        worseAtNightOrRest,
        fever,
        followingTrauma,
        unexplainedWeightLoss;

        final SerializedString encoded = new SerializedString(name());
    }

    private CanonicalEvents() {}

    /** The event of a validated item of either kind. */
    public static Prepared of(ItemKind kind, String tenant, JsonNode item, Instant receivedAt) {
        return kind == ItemKind.SESSION ? session(tenant, item, receivedAt) : checkIn(tenant, item, receivedAt);
    }

    /** The event of an item stored earlier, rebuilt byte for byte from its raw JSON and receipt time. */
    public static Prepared rebuild(ItemKind kind, String tenant, String itemId, byte[] raw, Instant receivedAt) {
        JsonNode item;
        try {
            item = Json.mapper().readTree(raw);
        } catch (IOException e) {
            throw new IllegalStateException("stored item " + itemId + " is not JSON", e);
        }
        return of(kind, tenant, item, receivedAt);
    }

    public static Prepared session(String tenant, JsonNode item, Instant receivedAt) {
        String sessionId = item.get("sessionId").asText();
        String athleteId = item.get("athleteId").asText();
        String id = EventIds.derive("session", tenant, sessionId);
        return prepare(SESSION, id, tenant, athleteId, receivedAt, g -> {
            str(g, F.sessionId, sessionId);
            str(g, F.athleteId, athleteId);
            str(g, F.performedAt, offsetDateTime(item.get("performedAt")));
            num(g, F.durationMinutes, item.get("durationMinutes").intValue());
            decimal(g, F.sessionRpe, item.get("sessionRpe"));
            field(g, F.sets);
            g.writeStartArray();
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
            str(g, F.checkInId, checkInId);
            str(g, F.athleteId, athleteId);
            str(g, F.reportedAt, offsetDateTime(item.get("reportedAt")));
            writeWellness(g, item.get("wellness"));
            writePainReports(g, item.get("painReports"));
        });
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static Prepared prepare(
            EventType type, String id, String tenant, String athleteId, Instant receivedAt, Body body) {
        String key = EventKeys.of(tenant, athleteId);
        ByteArrayBuilder out = new ByteArrayBuilder(2048);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            str(g, F.specversion, Event.SPEC_VERSION);
            str(g, F.id, id);
            str(g, F.type, type.ceType());
            str(g, F.source, IngestEvents.SOURCE);
            str(g, F.subject, key);
            String time = time(receivedAt);
            str(g, F.time, time);
            str(g, F.datacontenttype, Event.CONTENT_TYPE);
            str(g, F.tenant, tenant);
            str(g, F.athleteid, athleteId);
            field(g, F.data);
            g.writeStartObject();
            body.write(g);
            str(g, F.receivedAt, time);
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
        // one pass over the set's fields, then written in the canonical order; IngestValidator refused any other
        SetFields f = SetFields.of(set, unknown -> {});
        JsonNode exercise = f.exercise();
        JsonNode variant = present(f.variant());
        JsonNode reps = f.reps();
        JsonNode loadKg = f.loadKg();
        JsonNode rpe = present(f.rpe());
        JsonNode rir = present(f.rir());
        JsonNode tempo = present(f.tempo());
        JsonNode belt = present(f.belt());
        JsonNode limitingFactor = present(f.limitingFactor());
        JsonNode faults = present(f.faults());
        JsonNode metrics = present(f.metrics());
        g.writeStartObject();
        str(g, F.exercise, exercise.asText());
        if (variant != null) {
            str(g, F.variant, variant.asText());
        }
        num(g, F.reps, reps.intValue());
        decimal(g, F.loadKg, loadKg);
        if (rpe != null) {
            decimal(g, F.rpe, rpe);
        }
        if (rir != null) {
            num(g, F.rir, rir.intValue());
        }
        if (tempo != null) {
            str(g, F.tempo, tempo.asText());
        }
        if (belt != null) {
            bool(g, F.belt, belt.booleanValue());
        }
        if (limitingFactor != null) {
            str(g, F.limitingFactor, limitingFactor.asText());
        }
        field(g, F.faults);
        g.writeStartArray();
        if (faults != null) {
            for (JsonNode fault : faults) {
                g.writeString(fault.asText());
            }
        }
        g.writeEndArray();
        if (metrics != null) {
            field(g, F.metrics);
            g.writeStartObject();
            decimal(g, metrics, F.torsoLeanChangeDeg);
            decimal(g, metrics, F.meanConcentricVelocity);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeWellness(JsonGenerator g, JsonNode wellness) throws IOException {
        if (wellness == null || wellness instanceof NullNode) {
            return;
        }
        field(g, F.wellness);
        g.writeStartObject();
        decimal(g, wellness, F.sleepHours);
        integer(g, wellness, F.sleepQuality);
        integer(g, wellness, F.stress);
        g.writeEndObject();
    }

    private static void writePainReports(JsonGenerator g, JsonNode reports) throws IOException {
        field(g, F.painReports);
        g.writeStartArray();
        if (reports != null && !(reports instanceof NullNode)) {
            for (JsonNode r : reports) {
                g.writeStartObject();
                str(g, F.region, r.get("region").asText());
                str(g, F.side, r.get("side").asText());
                str(g, F.quality, r.get("quality").asText());
                num(g, F.intensity, r.get("intensity").intValue());
                str(g, F.onset, r.get("onset").asText());
                num(g, F.hoursSinceOnset, r.get("hoursSinceOnset").intValue());
                str(g, F.trend, r.get("trend").asText());
                for (F flag : PAIN_FLAGS) {
                    JsonNode v = r.get(flag.name());
                    bool(g, flag, v != null && v.booleanValue());
                }
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private static void field(JsonGenerator g, F name) throws IOException {
        g.writeFieldName(name.encoded);
    }

    private static void str(JsonGenerator g, F name, String value) throws IOException {
        field(g, name);
        g.writeString(value);
    }

    private static void num(JsonGenerator g, F name, int value) throws IOException {
        field(g, name);
        g.writeNumber(value);
    }

    private static void num(JsonGenerator g, F name, double value) throws IOException {
        field(g, name);
        g.writeNumber(value);
    }

    private static void bool(JsonGenerator g, F name, boolean value) throws IOException {
        field(g, name);
        g.writeBoolean(value);
    }

    /** A batch's items share one receipt time: it is formatted once, not twice per event. */
    private record FormattedTime(Instant at, String text) {}

    private static volatile FormattedTime lastTime = new FormattedTime(Instant.EPOCH, Instant.EPOCH.toString());

    private static String time(Instant at) {
        FormattedTime last = lastTime;
        if (!last.at().equals(at)) {
            last = new FormattedTime(at, at.toString());
            lastTime = last;
        }
        return last.text();
    }

    private static JsonNode present(JsonNode parent, F field) {
        return present(parent.get(field.name()));
    }

    /** The node, or null for an absent field or a JSON null (an optional field left out either way). */
    private static JsonNode present(JsonNode v) {
        return v == null || v instanceof NullNode ? null : v;
    }

    private static void decimal(JsonGenerator g, JsonNode parent, F field) throws IOException {
        JsonNode v = present(parent, field);
        if (v != null) {
            decimal(g, field, v);
        }
    }

    private static final SerializedString POINT_ZERO = new SerializedString(".0");

    /**
     * A decimal as the record path writes a double. Most loads and ratings arrive as whole numbers, which
     * {@link Double#toString} writes as {@code 120.0} below 10^7: those are written so without formatting a double.
     */
    private static void decimal(JsonGenerator g, F field, JsonNode v) throws IOException {
        if (v instanceof IntNode whole && Math.abs(whole.intValue()) < 10_000_000) {
            field(g, field);
            g.writeNumber(whole.intValue());
            g.writeRaw(POINT_ZERO);
        } else {
            num(g, field, v.doubleValue());
        }
    }

    private static void integer(JsonGenerator g, JsonNode parent, F field) throws IOException {
        JsonNode v = present(parent, field);
        if (v != null) {
            num(g, field, v.intValue());
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
        return s.length() == 25
                && (s.charAt(19) == '+' || s.charAt(19) == '-')
                && s.charAt(22) == ':'
                && !s.endsWith("00:00");
    }
}
