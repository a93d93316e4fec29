package com.liftguard.ingestion.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceivedBatchTest {
    private static ReceivedBatch parse(String body) throws Exception {
        return ReceivedBatch.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachItemKeepsTheExactTextItWasSentAs() throws Exception {
        ReceivedBatch batch = parse(" [ {\"a\": 1,  \"b\":\"Zoë ✓\"} ,\n{\"c\":[1, 2]},3,\"x\",null ] ");
        assertEquals(List.of("{\"a\": 1,  \"b\":\"Zoë ✓\"}", "{\"c\":[1, 2]}", "3", "\"x\"", "null"), batch.raw());
        assertEquals(5, batch.tree().size());
        assertEquals("Zoë ✓", batch.items().get(0).item().get("b").asText());
    }

    @Test
    void aBodyThatIsNotAnArrayIsLeftToTheValidator() throws Exception {
        ReceivedBatch batch = parse("{\"sessionId\":\"s1\"}");
        assertTrue(batch.tree().isObject());
        assertEquals(List.of(), batch.raw());
    }

    @Test
    void malformedOrTrailingContentIsRefused() {
        assertThrows(JsonProcessingException.class, () -> parse("[{\"sessionId\":"));
        assertThrows(JsonProcessingException.class, () -> parse("[1,2] [3]"));
        assertThrows(JsonProcessingException.class, () -> parse("[1,2,]x"));
    }
}
