package com.liftguard.support.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A transaction a test looks into and then rolls back, so that nothing of it is committed or relayed. */
final class RolledBack {
    private RolledBack() {}

    /** Runs {@code work} in a new transaction, rolls that back and returns what {@code work} returned. */
    static <T> T call(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                result.set(work.get());
                throw new Rollback();
            });
        } catch (Rollback expected) {
            return result.get();
        }
        throw new IllegalStateException("the transaction was not rolled back");
    }

    private static final class Rollback extends RuntimeException {
        Rollback() {
            super("rolled back by the test", null, false, false);
        }
    }
}
