package com.liftguard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Custom resources (no CRD is installed anywhere to ask): each kind the manifests use has a JSON Schema
 * at {@code schemas/<group>/<version>/<Kind>.json} on the classpath, written strict (unknown fields
 * rejected) from the operator's API reference. Their metadata is checked as any built-in object's.
 */
final class CustomResourceSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Map<String, Optional<JsonSchema>> SCHEMAS = new ConcurrentHashMap<>();

    private CustomResourceSchema() {
    }

    static boolean knows(String apiVersion, String kind) {
        return schema(apiVersion, kind).isPresent();
    }

    static void validate(Manifest manifest, List<String> errors) {
        JsonSchema schema = schema(manifest.apiVersion(), manifest.kind()).orElseThrow();
        BuiltinSchema.validate(V1ObjectMeta.class, manifest.json().get("metadata"), "metadata", errors);
        JsonNode node;
        try {
            node = JSON.readTree(manifest.json().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A value can fail the same way under two branches (allOf/if-then): report it once.
        Set<String> messages = new LinkedHashSet<>();
        for (ValidationMessage message : schema.validate(node)) {
            // networknt writes instance paths as "$.spec.partitions"; the other checks write "spec.partitions"
            messages.add(message.getMessage().replaceFirst("^\\$:", "(root):").replaceFirst("^\\$\\.", ""));
        }
        errors.addAll(messages);
    }

    private static Optional<JsonSchema> schema(String apiVersion, String kind) {
        if (apiVersion == null || kind == null || !apiVersion.contains("/")) {
            return Optional.empty();
        }
        return SCHEMAS.computeIfAbsent(apiVersion + "/" + kind, key -> {
            try (InputStream in = CustomResourceSchema.class.getResourceAsStream("/schemas/" + key + ".json")) {
                return in == null ? Optional.empty() : Optional.of(FACTORY.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
