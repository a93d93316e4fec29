package com.liftguard.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Is a new version of an event schema backward compatible for consumers, that is: does every event that the
 * released schema accepts (events already on the topics, and those of producers not yet upgraded) still
 * validate against the new one? Walks {@code properties}, {@code items}, {@code additionalProperties} and
 * {@code $defs}, following local {@code $ref}s, and reports what would reject old events:
 * <ul>
 * <li>a property removed (the schemas are closed, so old events carrying it would fail),</li>
 * <li>a property newly required,</li>
 * <li>an enum value removed, or a const changed,</li>
 * <li>a type changed (widening, such as integer to number or string to string-or-null, is allowed),</li>
 * <li>and, in the same spirit, a range, length, count, pattern or format made stricter.</li>
 * </ul>
 * Combinators ({@code allOf}, {@code not}, {@code if/then}) are not compared; review those by hand.
 */
public final class SchemaCompatibility {
    private static final String DEFS = "#/$defs/";

    private final JsonNode oldRoot;
    private final JsonNode newRoot;
    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<List<String>> followed = new HashSet<>();

    private SchemaCompatibility(JsonNode oldRoot, JsonNode newRoot) {
        this.oldRoot = oldRoot;
        this.newRoot = newRoot;
    }

    /** Every change that breaks consumers, each as "where: what"; empty when compatible. */
    public static List<String> breakingChanges(JsonNode released, JsonNode current) {
        SchemaCompatibility c = new SchemaCompatibility(released, current);
        c.compare("$", released, current);
        Iterator<Map.Entry<String, JsonNode>> defs = released.path("$defs").fields();
        while (defs.hasNext()) {
            Map.Entry<String, JsonNode> def = defs.next();
            JsonNode now = current.path("$defs").path(def.getKey());
            if (now.isMissingNode()) {
                c.problem("$defs/" + def.getKey(), "definition removed");
            } else {
                c.compare("$defs/" + def.getKey(), def.getValue(), now);
            }
        }
        return List.copyOf(c.problems);
    }

    private void compare(String path, JsonNode was, JsonNode now) {
        String oldRef = was.path("$ref").asText(null);
        String newRef = now.path("$ref").asText(null);
        if (oldRef != null && oldRef.equals(newRef) && oldRef.startsWith(DEFS)) {
            // same definition on both sides: the $defs walk compares it once; only the siblings are left
            compareHere(path, without(was, "$ref"), without(now, "$ref"));
            return;
        }
        if (oldRef != null || newRef != null) {
            List<String> pair = List.of(String.valueOf(oldRef), String.valueOf(newRef));
            if (!followed.add(pair)) {
                return; // already compared (or being compared: a recursive schema)
            }
        }
        compareHere(path, resolve(oldRoot, was, path), resolve(newRoot, now, path));
    }

    private void compareHere(String path, JsonNode was, JsonNode now) {
        types(path, was, now);
        enums(path, was, now);
        bounds(path, was, now);

        for (JsonNode name : now.path("required")) {
            if (!contains(was.path("required"), name)) {
                problem(path, "property '" + name.asText() + "' newly required");
            }
        }
        Iterator<Map.Entry<String, JsonNode>> properties =
                was.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> p = properties.next();
            JsonNode then = now.path("properties").path(p.getKey());
            if (then.isMissingNode()) {
                problem(path, "property '" + p.getKey() + "' removed");
            } else {
                compare(path + "." + p.getKey(), p.getValue(), then);
            }
        }
        JsonNode oldExtra = was.path("additionalProperties");
        JsonNode newExtra = now.path("additionalProperties");
        if (newExtra.isBoolean() && !newExtra.booleanValue() && !(oldExtra.isBoolean() && !oldExtra.booleanValue())) {
            problem(path, "additional properties no longer allowed");
        } else if (oldExtra.isObject() && newExtra.isObject()) {
            compare(path + ".*", oldExtra, newExtra);
        }
        if (now.has("items")) {
            compare(
                    path + "[]",
                    was.has("items") ? was.get("items") : SchemaSupport.JSON.createObjectNode(),
                    now.get("items"));
        }
    }

    private void types(String path, JsonNode was, JsonNode now) {
        Set<String> oldTypes = strings(was.path("type"));
        Set<String> newTypes = strings(now.path("type"));
        if (newTypes.isEmpty()) {
            return;
        }
        if (oldTypes.isEmpty()) {
            problem(path, "type " + newTypes + " imposed where any was allowed");
            return;
        }
        for (String t : oldTypes) {
            if (!newTypes.contains(t) && !(t.equals("integer") && newTypes.contains("number"))) {
                problem(path, "type changed from " + oldTypes + " to " + newTypes);
                return;
            }
        }
    }

    private void enums(String path, JsonNode was, JsonNode now) {
        JsonNode allowedBefore = was.has("const") ? array(was.get("const")) : was.get("enum");
        JsonNode allowedNow = now.has("const") ? array(now.get("const")) : now.get("enum");
        if (allowedNow == null) {
            return;
        }
        if (allowedBefore == null) {
            problem(path, "values restricted to " + allowedNow + " where any was allowed");
            return;
        }
        for (JsonNode value : allowedBefore) {
            if (!contains(allowedNow, value)) {
                problem(path, "value " + value + " removed");
            }
        }
    }

    private void bounds(String path, JsonNode was, JsonNode now) {
        for (String lower : List.of("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")) {
            if (now.has(lower)
                    && (!was.has(lower)
                            || now.get(lower)
                                            .decimalValue()
                                            .compareTo(was.get(lower).decimalValue())
                                    > 0)) {
                problem(path, lower + " raised from " + was.path(lower) + " to " + now.get(lower));
            }
        }
        for (String upper : List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")) {
            if (now.has(upper)
                    && (!was.has(upper)
                            || now.get(upper)
                                            .decimalValue()
                                            .compareTo(was.get(upper).decimalValue())
                                    < 0)) {
                problem(path, upper + " lowered from " + was.path(upper) + " to " + now.get(upper));
            }
        }
        for (String exact : List.of("multipleOf", "pattern", "format")) {
            if (now.has(exact) && !now.get(exact).equals(was.get(exact))) {
                problem(path, exact + " changed from " + was.path(exact) + " to " + now.get(exact));
            }
        }
        if (now.path("uniqueItems").asBoolean() && !was.path("uniqueItems").asBoolean()) {
            problem(path, "items made unique");
        }
    }

    /** Follows local $refs; keywords beside a $ref apply too, so they are laid over the target. */
    private JsonNode resolve(JsonNode root, JsonNode node, String path) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            JsonNode target = ref.startsWith("#") ? root.at(ref.substring(1)) : null;
            if (target == null || target.isMissingNode() || hops > 20) {
                problem(path, "cannot resolve $ref " + ref);
                return SchemaSupport.JSON.createObjectNode();
            }
            ObjectNode merged = target.deepCopy();
            current.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("$ref")) {
                    merged.set(e.getKey(), e.getValue());
                }
            });
            current = merged;
        }
        return current;
    }

    private void problem(String path, String what) {
        problems.add(path + ": " + what);
    }

    private static JsonNode without(JsonNode node, String keyword) {
        ObjectNode copy = node.deepCopy();
        copy.remove(keyword);
        return copy;
    }

    private static JsonNode array(JsonNode value) {
        return SchemaSupport.JSON.createArrayNode().add(value);
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode v : array) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> strings(JsonNode typeKeyword) {
        Set<String> types = new LinkedHashSet<>();
        if (typeKeyword.isTextual()) {
            types.add(typeKeyword.asText());
        } else {
            typeKeyword.forEach(t -> types.add(t.asText()));
        }
        return types;
    }
}
