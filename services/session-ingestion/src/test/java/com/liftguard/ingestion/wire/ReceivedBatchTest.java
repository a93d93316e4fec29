package com.liftguard.ingestion.wire;

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

    private static List<String> texts(ReceivedBatch batch) {
        return batch.raw().stream()
                .map(b -> new String(b, StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void eachItemKeepsTheExactTextItWasSentAs() throws Exception {
        ReceivedBatch batch = parse(" [ {\"a\": 1,  \"b\":\"Zoë ✓\"} ,\n{\"c\":[1, 2]},3,\"x\",null ] ");
        assertEquals(List.of("{\"a\": 1,  \"b\":\"Zoë ✓\"}", "{\"c\":[1, 2]}", "3", "\"x\"", "null"), texts(batch));
        assertEquals(5, batch.tree().size());
        assertEquals("Zoë ✓", batch.items().get(0).item().get("b").asText());
    }

    @Test
    void aBodyThatIsNotAnArrayIsLeftToTheValidator() throws Exception {
        ReceivedBatch batch = parse("{\"sessionId\":\"s1\"}");
        assertTrue(batch.tree().isObject());
        assertEquals(List.of(), texts(batch));
    }

    @Test
    void malformedOrTrailingContentIsRefused() {
        assertThrows(JsonProcessingException.class, () -> parse("[{\"sessionId\":"));
        assertThrows(JsonProcessingException.class, () -> parse("[1,2] [3]"));
        assertThrows(JsonProcessingException.class, () -> parse("[1,2,]x"));
    }

    @Test
    void aStreamedRecordIsOneJsonValueAndNothingAfterIt() throws Exception {
        assertEquals(
                "s1",
                ReceivedBatch.parseOne(" {\"sessionId\":\"s1\"} \n".getBytes(StandardCharsets.UTF_8))
                        .get("sessionId")
                        .asText());
        // its text goes into a receipt's array as it is, so what would break the array is refused
        assertThrows(
                JsonProcessingException.class,
                () -> ReceivedBatch.parseOne("{\"a\":1} {\"b\":2}".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                JsonProcessingException.class,
                () -> ReceivedBatch.parseOne("{\"a\":1}]".getBytes(StandardCharsets.UTF_8)));
        assertThrows(
                JsonProcessingException.class, () -> ReceivedBatch.parseOne("  ".getBytes(StandardCharsets.UTF_8)));
    }
}
