package com.liftguard.notifications.domain;

import java.time.Duration;

/**
 * The wait before the next attempt: {@code min(max, initial * 2^(failures-1))}, of which a random
 * 50..100% is taken, so that the retries of many deliveries that failed together (a receiver's outage)
 * spread out instead of arriving together again.
 */
public record WebhookBackoff(Duration initial, Duration max) {

    /**
     * @param failures the failed attempts so far, at least 1
     * @param random uniform in [0, 1)
     */
    public Duration delay(int failures, double random) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1: " + failures);
        }
        long initialMillis = Math.max(1, initial.toMillis());
        long maxMillis = Math.max(initialMillis, max.toMillis());
        // beyond 2^30 any realistic initial backoff is past the cap; stop before the shift overflows
        int doublings = Math.min(failures - 1, 30);
        long full =
                initialMillis > (maxMillis >> doublings) ? maxMillis : Math.min(maxMillis, initialMillis << doublings);
        long jittered = Math.round(full * (0.5 + 0.5 * random));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
