package com.liftguard.notifications.api;

import com.liftguard.notifications.domain.FeedPosition;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code after} token of feed pages: a {@link FeedPosition} (creation instant and id of the
 * last item of the previous page), versioned so that its format can change without breaking clients
 * that hold an old one.
 */
public final class FeedCursor {
    private static final String VERSION = "v1";

    private FeedCursor() {}

    public static String encode(FeedPosition position) {
        String raw = VERSION + ':' + position.createdAt().toEpochMilli() + ':' + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token stands for; empty for anything this service did not hand out. */
    public static Optional<FeedPosition> decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = raw.split(":", 3);
            if (parts.length != 3 || !parts[0].equals(VERSION) || parts[2].isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new FeedPosition(Instant.ofEpochMilli(Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException | DateTimeException e) {
            return Optional.empty();
        }
    }
}
