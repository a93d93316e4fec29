package com.liftguard.support.outbox;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The test app's one {@link Clock} (it replaces support-messaging's system clock): at the instant a test sets. */
@Singleton
public class TestClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-05T08:00:00Z");

    public void set(Instant instant) {
        now = instant;
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
