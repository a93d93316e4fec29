package com.liftguard.ingestion.messaging;

import com.liftguard.ingestion.service.PendingSweep;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs the {@link PendingSweep} on a timer, so that what a crashed request stored reaches Kafka without
 * waiting for the platform to send it again.
 */
@ApplicationScoped
public class PendingSweeper {
    @Inject
    PendingSweep sweep;

    @Scheduled(
            every = "${liftguard.ingestion.sweep-interval:30s}",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        sweep.sweep();
    }
}
