package com.liftguard.notifications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookBackoffTest {
    private final WebhookBackoff backoff = new WebhookBackoff(Duration.ofSeconds(1), Duration.ofMinutes(10));

    @Test
    void doublesWithEveryFailureUpToTheCap() {
        // random just below 1: the full backoff
        assertEquals(Duration.ofSeconds(1), backoff.delay(1, 0.999_999_9));
        assertEquals(Duration.ofSeconds(2), backoff.delay(2, 0.999_999_9));
        assertEquals(Duration.ofSeconds(4), backoff.delay(3, 0.999_999_9));
        assertEquals(Duration.ofSeconds(512), backoff.delay(10, 0.999_999_9));
        assertEquals(Duration.ofMinutes(10), backoff.delay(11, 0.999_999_9));
        assertEquals(Duration.ofMinutes(10), backoff.delay(1_000, 0.999_999_9), "no overflow far past the cap");
    }

    @Test
    void jitterTakesHalfToAllOfIt() {
        assertEquals(Duration.ofMillis(1000), backoff.delay(2, 0.0));
        assertEquals(Duration.ofMillis(1500), backoff.delay(2, 0.5));
        assertEquals(Duration.ofMinutes(5), backoff.delay(50, 0.0));
    }

    @Test
    void countsFailuresFromOne() {
        assertThrows(IllegalArgumentException.class, () -> backoff.delay(0, 0.5));
    }
}
