package com.liftguard.support.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs a consumer's change in a new transaction and runs it again, in a fresh transaction, when it
 * failed for a transient reason ({@link TransientFailures}). Consumers call it instead of being
 * {@code @Transactional} themselves, so that a lost race between two channels touching the same athlete,
 * or a database restart, delays an event instead of sending it to the dead-letter topic. Other failures,
 * and transient ones that outlast every attempt, are thrown on to the channel's failure strategy.
 *
 * <p>Backoff doubles from {@code liftguard.consumer.retry.initial-delay} up to {@code max-delay}; with the
 * defaults (50 ms, 5 s, 30 attempts) an event waits out about two minutes of database outage.
 */
@ApplicationScoped
public class RetryingTransactions {
    private static final Logger LOG = Logger.getLogger(RetryingTransactions.class);

    @Inject
    @ConfigProperty(name = "liftguard.consumer.retry.max-attempts", defaultValue = "30")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "liftguard.consumer.retry.initial-delay", defaultValue = "PT0.05S")
    Duration initialDelay;

    @Inject
    @ConfigProperty(name = "liftguard.consumer.retry.max-delay", defaultValue = "PT5S")
    Duration maxDelay;

    public void run(String what, Runnable change) {
        call(what, () -> {
            change.run();
            return null;
        });
    }

    public <T> T call(String what, Supplier<T> change) {
        return retry(
                what, () -> QuarkusTransaction.requiringNew().call(change::get), maxAttempts, initialDelay, maxDelay);
    }

    /** The retry loop on its own, for tests and for callers that manage their own transaction. */
    static <T> T retry(String what, Supplier<T> attempt, int maxAttempts, Duration initialDelay, Duration maxDelay) {
        long delay = Math.max(1, initialDelay.toMillis());
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (RuntimeException e) {
                if (n >= maxAttempts || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                LOG.debugf("%s: transient failure on attempt %d, retrying in %d ms: %s", what, n, delay, e);
                if (n == 3) {
                    LOG.warnf("%s: still failing after %d attempts (%s); retrying", what, n, e.getMessage());
                }
                sleep(delay);
                delay = Math.min(maxDelay.toMillis(), delay * 2);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}
