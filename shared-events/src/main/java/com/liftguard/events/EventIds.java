package com.liftguard.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Event ids derived from what the event is about, so that publishing the same fact twice (a retry, a
 * replay, a relay that crashed after sending) yields the same id and consumers drop the copy.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String derive(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            // length-prefixed so that ("ab","c") and ("a","bc") differ
            sb.append(part.length()).append(':').append(part).append('|');
        }
        return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
