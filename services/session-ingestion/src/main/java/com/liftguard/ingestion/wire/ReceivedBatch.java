package com.liftguard.ingestion.wire;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.liftguard.events.serde.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A request body read once: the JSON tree to validate and, for each item of a top-level array, the exact
 * text the platform sent for it, which is what the store keeps as the raw document.
 *
 * @param tree the whole body as a tree (an array for a well-formed batch; anything else for the validator
 *     to refuse with a clear error)
 * @param raw the UTF-8 text of each array element, byte for byte, in order; empty when the body is not an array
 */
public record ReceivedBatch(JsonNode tree, List<byte[]> raw) {
    /** One item as received: its tree and its UTF-8 text. */
    public record Received(JsonNode item, byte[] raw) {}

    public static ReceivedBatch parse(byte[] body) throws IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return new ReceivedBatch(Json.mapper().readTree(body), List.of());
            }
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            List<byte[]> raw = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) p.currentTokenLocation().getByteOffset();
                JsonNode item = Json.mapper().readTree(p);
                int end = (int) p.currentLocation().getByteOffset();
                items.add(item);
                raw.add(Arrays.copyOfRange(body, start, end));
            }
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the top-level array");
            }
            return new ReceivedBatch(items, raw);
        }
    }

    /**
     * One JSON value and nothing after it (a record streamed on an ingest topic): its text is stored as
     * received, inside a receipt's array, so trailing content is refused here rather than kept.
     */
    public static JsonNode parseOne(byte[] value) throws IOException {
        try (JsonParser p = Json.mapper().getFactory().createParser(value)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "no JSON value");
            }
            JsonNode node = Json.mapper().readTree(p);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "unexpected content after the JSON value");
            }
            return node;
        }
    }

    /** The items of a valid batch with their text. */
    public List<Received> items() {
        List<Received> items = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            items.add(new Received(tree.get(i), raw.get(i)));
        }
        return items;
    }
}
