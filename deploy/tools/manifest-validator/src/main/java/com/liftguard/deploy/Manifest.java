package com.liftguard.deploy;

import java.util.Base64;
import java.util.TreeMap;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** One object of a rendered multi-document YAML stream, as JSON (what the API server would receive). */
record Manifest(int index, JsonObject json) {

    /**
     * Reads every non-empty document. SnakeYAML resolves scalars the YAML 1.1 way, as the Kubernetes
     * YAML decoder does (so an unquoted {@code 0440} is octal and {@code on} is a boolean).
     */
    static List<Manifest> readAll(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(64 * 1024 * 1024);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        List<Manifest> manifests = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int index = 0;
            for (Object document : yaml.loadAll(reader)) {
                if (document == null) {
                    continue;
                }
                JsonElement json = toJson(document);
                if (!json.isJsonObject()) {
                    throw new IOException("document " + index + " is not a mapping");
                }
                manifests.add(new Manifest(index++, json.getAsJsonObject()));
            }
        }
        return manifests;
    }

    private static JsonElement toJson(Object value) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject object = new JsonObject();
            map.forEach((k, v) -> object.add(String.valueOf(k), toJson(v)));
            return object;
        }
        if (value instanceof List<?> list) {
            JsonArray array = new JsonArray();
            list.forEach(v -> array.add(toJson(v)));
            return array;
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof Number n) {
            return new JsonPrimitive(n);
        }
        if (value instanceof Date date) {
            // an unquoted timestamp; Kubernetes would see the same instant as an RFC 3339 string
            return new JsonPrimitive(date.toInstant().atOffset(ZoneOffset.UTC).toString());
        }
        if (value instanceof byte[] bytes) {
            return new JsonPrimitive(Base64.getEncoder().encodeToString(bytes));
        }
        return new JsonPrimitive(String.valueOf(value));
    }

    String apiVersion() {
        return string(json, "apiVersion");
    }

    String kind() {
        return string(json, "kind");
    }

    JsonObject metadata() {
        return object(json, "metadata");
    }

    String name() {
        return string(metadata(), "name");
    }

    /** The namespace, "" when the object has none (cluster-scoped, or namespaced by whoever applies it). */
    String namespace() {
        String namespace = string(metadata(), "namespace");
        return namespace == null ? "" : namespace;
    }

    /** Kind/namespace/name, the way errors name an object. */
    String id() {
        String ns = namespace();
        return kind() + "/" + (ns.isEmpty() ? "" : ns + "/") + name();
    }

    // Small, null-tolerant accessors: the schema check reports malformed objects, the other checks
    // just skip what is not there.

    static JsonObject object(JsonObject parent, String member) {
        if (parent == null) {
            return null;
        }
        JsonElement e = parent.get(member);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    static JsonArray array(JsonObject parent, String member) {
        if (parent == null) {
            return new JsonArray();
        }
        JsonElement e = parent.get(member);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    static String string(JsonObject parent, String member) {
        if (parent == null) {
            return null;
        }
        JsonElement e = parent.get(member);
        return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
    }

    static boolean isTrue(JsonObject parent, String member) {
        if (parent == null) {
            return false;
        }
        JsonElement e = parent.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    static List<JsonObject> objects(JsonArray array) {
        List<JsonObject> objects = new ArrayList<>();
        array.forEach(e -> {
            if (e.isJsonObject()) {
                objects.add(e.getAsJsonObject());
            }
        });
        return objects;
    }

    /** A string map (labels, selectors) as Java, ignoring non-string values (the schema check reports them). */
    static Map<String, String> stringMap(JsonObject map) {
        Map<String, String> result = new TreeMap<>();
        if (map != null) {
            map.entrySet().forEach(e -> {
                if (e.getValue().isJsonPrimitive()) {
                    result.put(e.getKey(), e.getValue().getAsString());
                }
            });
        }
        return result;
    }
}
