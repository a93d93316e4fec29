package com.liftguard.support.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryingTransactionsTest {
    private static final Duration TINY = Duration.ofMillis(1);

    @Test
    void aLostUniqueKeyRaceIsRetriedUntilItSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = RetryingTransactions.retry(
                "t",
                () -> {
                    if (calls.incrementAndGet() < 3) {
                        throw new PersistenceException(
                                "insert failed",
                                new SQLIntegrityConstraintViolationException("duplicate key", "23505"));
                    }
                    return "done";
                },
                5,
                TINY,
                TINY);
        assertEquals("done", result);
        assertEquals(3, calls.get());
    }

    @Test
    void aPermanentFailureIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        IllegalArgumentException bug = new IllegalArgumentException("bad event");
        assertSame(
                bug,
                assertThrows(
                        IllegalArgumentException.class,
                        () -> RetryingTransactions.retry(
                                "t",
                                () -> {
                                    calls.incrementAndGet();
                                    throw bug;
                                },
                                5,
                                TINY,
                                TINY)));
        assertEquals(1, calls.get());
    }

    @Test
    void aTransientFailureThatOutlastsEveryAttemptIsThrown() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(
                PersistenceException.class,
                () -> RetryingTransactions.retry(
                        "t",
                        () -> {
                            calls.incrementAndGet();
                            throw new PersistenceException(new SQLTransientConnectionException("db down"));
                        },
                        4,
                        TINY,
                        TINY));
        assertEquals(4, calls.get());
    }

    @Test
    void failuresAreClassifiedBySqlStateAndType() {
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("conn", "08006"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("serialization", "40001"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("lock timeout", "HYT00"))));
        assertTrue(TransientFailures.isTransient(new OptimisticLockException("stale")));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("syntax", "42601"))));
        assertFalse(TransientFailures.isTransient(new RuntimeException(new SQLException("too long", "22001"))));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("bug")));
    }
}
