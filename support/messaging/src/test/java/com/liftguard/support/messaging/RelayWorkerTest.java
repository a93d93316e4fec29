package com.liftguard.support.messaging;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RelayWorkerTest {
    /** A timer that fires once, at construction, within any test: every later run is one a test asked for. */
    private static final Duration NO_TIMER = Duration.ofHours(1);

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void requestsMadeBeforeARunStartsMakeOneRun() throws InterruptedException {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        RelayWorker worker = new RelayWorker(
                "relay-coalesce",
                () -> {
                    int run = runs.incrementAndGet();
                    if (run == 1) {
                        firstStarted.countDown();
                        awaitUninterruptibly(releaseFirst);
                    } else if (run == 2) {
                        secondDone.countDown();
                    }
                },
                0,
                NO_TIMER,
                CLOSE_WAIT);
        try {
            // the timer's first request runs at once; hold that run while three more requests come in
            assertTrue(firstStarted.await(10, SECONDS));
            worker.request();
            worker.request();
            worker.request();
            releaseFirst.countDown();
            assertTrue(secondDone.await(10, SECONDS), "the requests made during the first run make a run");
        } finally {
            // lets whatever was already requested run, then ends the thread
            worker.close();
        }
        assertEquals(2, runs.get(), "the first run, then one run for the three requests made while it ran");
    }

    @Test
    void aRunThatThrowsIsRetriedAtTheNextRequest() {
        RelayWorker worker = new RelayWorker(
                "relay-retry",
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("the broker did not answer");
                    }
                },
                0,
                NO_TIMER,
                CLOSE_WAIT);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 1);
            worker.request();
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() == 2);
        } finally {
            worker.close();
        }
    }

    @Test
    void theTimerGoesOnRequestingRunsAfterOneFailed() {
        RelayWorker worker = new RelayWorker(
                "relay-timer",
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        throw new IllegalStateException("the broker did not answer");
                    }
                },
                0,
                Duration.ofMillis(20),
                CLOSE_WAIT);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3);
        } finally {
            worker.close();
        }
    }

    @Test
    void closeLetsTheRunInProgressFinishAndStopsTheTimer() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        AtomicBoolean interrupted = new AtomicBoolean();
        RelayWorker worker = new RelayWorker(
                "relay-close",
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        started.countDown();
                        try {
                            release.await();
                            finished.set(true);
                        } catch (InterruptedException e) {
                            interrupted.set(true);
                        }
                    }
                },
                0,
                Duration.ofMillis(20),
                CLOSE_WAIT);
        assertTrue(started.await(10, SECONDS));

        AtomicBoolean finishedWhenCloseReturned = new AtomicBoolean();
        Thread closer = new Thread(() -> {
            worker.close();
            finishedWhenCloseReturned.set(finished.get());
        });
        closer.start();
        // close() is waiting for the run (or, if it does not wait, has already returned)
        await().atMost(Duration.ofSeconds(10))
                .until(() -> closer.getState() == Thread.State.TIMED_WAITING
                        || closer.getState() == Thread.State.TERMINATED);
        release.countDown();
        closer.join(Duration.ofSeconds(10));

        assertFalse(closer.isAlive());
        assertTrue(finishedWhenCloseReturned.get(), "close() returns once the run in progress has finished");
        assertFalse(interrupted.get(), "the run in progress is not interrupted");
        // with the thread gone nothing can request or make a run any more: the timer is stopped
        await().atMost(Duration.ofSeconds(10)).until(() -> !threadAlive("relay-close"));
        worker.request();
        assertEquals(1, runs.get(), "no run after close(), neither from the timer nor from a request");
    }

    @Test
    void aRequestedRunWaitsTheGatherTimeAndTakesTheRequestsMadeMeanwhile() throws InterruptedException {
        long gatherMillis = 300;
        AtomicLong ranAt = new AtomicLong();
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        RelayWorker worker = new RelayWorker(
                "relay-gather",
                () -> {
                    runs.incrementAndGet();
                    ranAt.set(System.nanoTime());
                    ran.countDown();
                },
                gatherMillis,
                NO_TIMER,
                CLOSE_WAIT);
        try {
            for (int i = 0; i < 5; i++) {
                worker.request();
            }
            assertTrue(ran.await(10, SECONDS));
        } finally {
            worker.close();
        }
        long waitedMillis = Duration.ofNanos(ranAt.get() - start).toMillis();
        assertTrue(waitedMillis >= gatherMillis, "the run started " + waitedMillis + " ms after the first request");
        assertEquals(1, runs.get(), "the requests made while the run gathered are part of it");
    }

    private static boolean threadAlive(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals(name) && t.isAlive());
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
