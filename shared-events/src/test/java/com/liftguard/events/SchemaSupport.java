package com.liftguard.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Loads the event schemas from the classpath and validates JSON against them. */
public final class SchemaSupport {
    public static final String RELEASED_V1 = "/released-schemas/v1/";
    public static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Format is only an annotation in 2020-12 unless asserted; the contract means it (date-time, uri-reference). */
    static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private static final Map<EventType, JsonSchema> VALIDATORS = new EnumMap<>(EventType.class);

    private SchemaSupport() {}

    /** The current schema of the type, or null when the resource is missing. */
    public static JsonNode current(EventType type) {
        return read(type.schemaResource());
    }

    /** The schema of the type as released in v1, or null when it was never released. */
    public static JsonNode released(EventType type) {
        return read(RELEASED_V1 + type.ceType() + ".schema.json");
    }

    public static JsonNode read(String resource) {
        try (InputStream in = SchemaSupport.class.getResourceAsStream(resource)) {
            return in == null ? null : JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized JsonSchema validator(EventType type) {
        return VALIDATORS.computeIfAbsent(type, t -> {
            JsonNode schema = current(t);
            if (schema == null) {
                throw new AssertionError("no schema at " + t.schemaResource() + " for " + t);
            }
            return FACTORY.getSchema(schema, CONFIG);
        });
    }

    public static Set<ValidationMessage> validate(EventType type, JsonNode instance) {
        return validator(type).validate(instance);
    }

    public static String describe(Set<ValidationMessage> errors) {
        return errors.stream()
                .map(m -> m.getInstanceLocation() + " " + m.getMessage())
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
