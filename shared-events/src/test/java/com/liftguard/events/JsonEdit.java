package com.liftguard.events;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Edits a JSON tree at a JSON Pointer: enough of RFC 6902 to break or stretch a sample on purpose. */
public final class JsonEdit {
    private JsonEdit() {}

    /** Sets (or adds) the value at the pointer; {@code -} as the last token appends to an array. */
    public static JsonNode set(JsonNode root, String pointer, JsonNode value) {
        JsonNode copy = root.deepCopy();
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = parent(copy, p);
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o) {
            o.set(last, value);
        } else if (parent instanceof ArrayNode a) {
            if ("-".equals(last)) {
                a.add(value);
            } else {
                a.set(Integer.parseInt(last), value);
            }
        } else {
            throw new IllegalArgumentException("no container at " + p.head() + " for " + pointer);
        }
        return copy;
    }

    public static JsonNode set(JsonNode root, String pointer, String jsonLiteral) {
        return set(root, pointer, SchemaSupport.parse(jsonLiteral));
    }

    public static JsonNode remove(JsonNode root, String pointer) {
        JsonNode copy = root.deepCopy();
        JsonPointer p = JsonPointer.compile(pointer);
        JsonNode parent = parent(copy, p);
        String last = p.last().getMatchingProperty();
        if (parent instanceof ObjectNode o && o.has(last)) {
            o.remove(last);
        } else if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
        } else {
            throw new IllegalArgumentException("nothing at " + pointer);
        }
        return copy;
    }

    private static JsonNode parent(JsonNode root, JsonPointer p) {
        JsonNode parent = root.at(p.head());
        if (parent.isMissingNode()) {
            throw new IllegalArgumentException("no parent for " + p);
        }
        return parent;
    }
}
