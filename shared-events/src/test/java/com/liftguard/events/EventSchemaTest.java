package com.liftguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.serde.EventCodec;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every event type has a schema that describes exactly what {@link EventCodec#encode} writes, and samples
 * that survive the round trip. {@code @EnumSource} iterates {@code EventType.values()}: a new type without a
 * schema or samples fails here.
 */
class EventSchemaTest {
    private static final String ID_PREFIX = "https://liftguard.example/schemas/";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void fullSampleIsValidAndRoundTrips(EventType type) {
        roundTrip(type, EventSamples.full(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void minimalSampleIsValidAndRoundTrips(EventType type) {
        roundTrip(type, EventSamples.minimal(type));
    }

    private static void roundTrip(EventType type, Event<? extends EventData> event) {
        assertEquals(type, event.eventType(), "sample of the wrong type");
        String json = EventCodec.encode(event);
        Set<ValidationMessage> errors = SchemaSupport.validate(type, SchemaSupport.parse(json));
        assertTrue(
                errors.isEmpty(),
                () -> type + " sample invalid against its schema:" + SchemaSupport.describe(errors) + "\n" + json);

        Event<? extends EventData> decoded = EventCodec.decode(json, type.dataClass());
        assertEquals(event, decoded, "decode");
        Event<? extends EventData> any = EventCodec.decodeAny(json);
        assertEquals(event, any, "decodeAny");
        assertEquals(type.dataClass(), any.data().getClass());
        assertEquals(json, EventCodec.encode(decoded), "re-encoding changes nothing");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsStandAloneAndNamedAfterItsType(EventType type) {
        JsonNode schema = SchemaSupport.current(type);
        assertNotNull(schema, "no schema resource " + type.schemaResource());
        assertEquals("/schemas/" + type.ceType() + ".schema.json", type.schemaResource());
        assertEquals(
                "https://json-schema.org/draft/2020-12/schema",
                schema.path("$schema").asText());
        assertEquals(
                ID_PREFIX + type.ceType() + ".schema.json", schema.path("$id").asText());
        assertTrue(schema.path("title").asText().length() > 3, "title");
        assertTrue(schema.path("description").asText().length() > 20, "description");
        assertEquals(type.ceType(), schema.at("/properties/type/const").asText(), "type is pinned");
        assertEquals(false, schema.path("additionalProperties").booleanValue(), "closed envelope");

        for (String ref : refs(schema)) {
            assertTrue(ref.startsWith("#/$defs/"), () -> "cross-file or odd $ref " + ref + " in " + type);
            assertTrue(!schema.at(ref.substring(1)).isMissingNode(), () -> "dangling $ref " + ref + " in " + type);
        }
        Set<String> unused = new LinkedHashSet<>();
        schema.path("$defs").fieldNames().forEachRemaining(d -> unused.add("#/$defs/" + d));
        unused.removeAll(refs(schema));
        assertTrue(unused.isEmpty(), () -> "unused $defs in " + type + ": " + unused);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValid2020_12Schema(EventType type) {
        JsonSchema meta = SchemaSupport.FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), SchemaSupport.CONFIG);
        Set<ValidationMessage> errors = meta.validate(SchemaSupport.current(type));
        assertTrue(errors.isEmpty(), () -> "not a valid draft 2020-12 schema:" + SchemaSupport.describe(errors));
    }

    /** The envelope lists exactly the components of {@link Event}; Jackson writes all of them. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void envelopeMatchesTheEventRecord(EventType type) {
        JsonNode schema = SchemaSupport.current(type);
        List<String> components = Arrays.stream(Event.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        assertEquals(components, names(schema.path("properties")));
        assertEquals(Set.copyOf(components), Set.copyOf(strings(schema.path("required"))));
    }

    /**
     * Producers must not drift: the schema of the payload names exactly the components of its record, and
     * every enum lists exactly the Java constants, all the way down.
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void payloadMatchesItsRecordsAndEnums(EventType type) {
        JsonNode schema = SchemaSupport.current(type);
        List<String> problems = new ArrayList<>();
        matchRecord(schema, type.dataClass(), schema.at("/properties/data"), "data", problems);
        assertTrue(problems.isEmpty(), () -> type + ":\n  " + String.join("\n  ", problems));
    }

    /** The files stand alone, so shared definitions are copied; the copies must not drift apart. */
    @Test
    void sharedDefinitionsAreIdenticalInEveryFile() {
        Map<String, JsonNode> seen = new HashMap<>();
        Map<String, EventType> firstIn = new HashMap<>();
        for (EventType type : EventType.values()) {
            Iterator<Map.Entry<String, JsonNode>> defs =
                    SchemaSupport.current(type).path("$defs").fields();
            while (defs.hasNext()) {
                Map.Entry<String, JsonNode> def = defs.next();
                JsonNode earlier = seen.putIfAbsent(def.getKey(), def.getValue());
                firstIn.putIfAbsent(def.getKey(), type);
                if (earlier != null && !earlier.equals(def.getValue())) {
                    fail("$defs/" + def.getKey() + " differs between " + firstIn.get(def.getKey()) + " and " + type);
                }
            }
        }
    }

    private static void matchRecord(JsonNode root, Class<?> record, JsonNode node, String path, List<String> problems) {
        JsonNode schema = resolve(root, node);
        if (!record.isRecord()) {
            problems.add(path + ": " + record.getName() + " is not a record");
            return;
        }
        List<String> components = Arrays.stream(record.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
        List<String> properties = names(schema.path("properties"));
        if (!components.equals(properties)) {
            problems.add(path + ": properties " + properties + " but " + record.getSimpleName() + " has " + components);
        }
        if (!schema.path("additionalProperties").isBoolean()
                || schema.path("additionalProperties").booleanValue()) {
            problems.add(path + ": additionalProperties must be false");
        }
        for (RecordComponent c : record.getRecordComponents()) {
            JsonNode property = schema.path("properties").path(c.getName());
            if (!property.isMissingNode()) {
                matchType(root, c.getType(), c.getGenericType(), property, path + "." + c.getName(), problems);
            }
        }
    }

    private static void matchType(
            JsonNode root, Class<?> raw, Type generic, JsonNode node, String path, List<String> problems) {
        JsonNode schema = resolve(root, node);
        if (raw.isRecord()) {
            matchRecord(root, raw, node, path, problems);
        } else if (raw.isEnum()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants())
                    .map(e -> ((Enum<?>) e).name())
                    .toList();
            List<String> values = strings(schema.path("enum"));
            if (!constants.equals(values)) {
                problems.add(path + ": enum " + values + " but " + raw.getSimpleName() + " has " + constants);
            }
        } else if (List.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            Class<?> elementClass =
                    element instanceof Class<?> c ? c : (Class<?>) ((ParameterizedType) element).getRawType();
            expectType(schema, "array", path, problems);
            matchType(root, elementClass, element, schema.path("items"), path + "[]", problems);
        } else {
            Map<Class<?>, String> jsonTypes = Map.ofEntries(
                    Map.entry(String.class, "string"),
                    Map.entry(int.class, "integer"),
                    Map.entry(Integer.class, "integer"),
                    Map.entry(double.class, "number"),
                    Map.entry(Double.class, "number"),
                    Map.entry(boolean.class, "boolean"),
                    Map.entry(Boolean.class, "boolean"),
                    Map.entry(Instant.class, "string"),
                    Map.entry(OffsetDateTime.class, "string"),
                    Map.entry(LocalDate.class, "string"),
                    Map.entry(Map.class, "object"));
            String expected = jsonTypes.get(raw);
            if (expected == null) {
                problems.add(path + ": no JSON type known for " + raw.getName());
            } else {
                expectType(schema, expected, path, problems);
            }
            if (raw == Instant.class || raw == OffsetDateTime.class) {
                if (!"date-time".equals(schema.path("format").asText())) {
                    problems.add(path + ": a date-time must have format date-time");
                }
            }
            if (raw == LocalDate.class && !"date".equals(schema.path("format").asText())) {
                problems.add(path + ": a date must have format date");
            }
        }
    }

    private static void expectType(JsonNode schema, String expected, String path, List<String> problems) {
        if (!expected.equals(schema.path("type").asText())) {
            problems.add(path + ": type " + schema.path("type") + ", expected " + expected);
        }
    }

    private static JsonNode resolve(JsonNode root, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            current = root.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
