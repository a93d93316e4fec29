package com.liftguard.support.messaging;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one {@link Clock} of a service: every "now" (event times, ledger entries, outbox rows, time windows)
 * is read from it, so a test can put the service at any instant. A service's own producer replaces it.
 */
@Dependent
public class SystemClock {
    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
