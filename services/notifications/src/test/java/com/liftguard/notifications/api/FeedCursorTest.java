package com.liftguard.notifications.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.notifications.domain.FeedPosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedCursorTest {
    @Test
    void aCursorDecodesToThePositionItWasMadeFrom() {
        FeedPosition position =
                new FeedPosition(Instant.parse("2026-11-23T18:30:00.123Z"), "2f1c0a6e-1b7e-3c4a-9d55-0c8f1e2d3b4a");
        String cursor = FeedCursor.encode(position);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "safe in a query string as is: " + cursor);
        assertEquals(Optional.of(position), FeedCursor.decode(cursor));
    }

    @Test
    void anIdMayContainTheSeparator() {
        FeedPosition position = new FeedPosition(Instant.ofEpochMilli(1), "a:b:c");
        assertEquals(Optional.of(position), FeedCursor.decode(FeedCursor.encode(position)));
    }

    @Test
    void anythingElseIsRefused() {
        assertFalse(FeedCursor.decode("").isPresent());
        assertFalse(FeedCursor.decode("not base64!").isPresent());
        assertFalse(FeedCursor.decode(b64("v1:soon:id")).isPresent());
        assertFalse(FeedCursor.decode(b64("v1:123")).isPresent());
        assertFalse(FeedCursor.decode(b64("v1:123:")).isPresent());
        assertFalse(FeedCursor.decode(b64("v0:123:id")).isPresent());
        assertFalse(FeedCursor.decode(b64("v1:99999999999999999999:id")).isPresent());
    }

    private static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
