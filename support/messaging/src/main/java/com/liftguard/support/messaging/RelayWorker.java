package com.liftguard.support.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jboss.logging.Logger;

/**
 * The thread and producer of an outbox relay (support-outbox's, notifications'): a run of {@code drain} is
 * requested after each write to the outbox and at a fixed interval (what a stopped instance left); the
 * requests made before a run starts make that one run. A run that fails is logged and retried at the next
 * request: what it did not send stays in the outbox.
 */
public final class RelayWorker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RelayWorker.class);

    private final String name;
    private final Runnable drain;
    private final long gatherMillis;
    private final Duration closeWait;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ScheduledExecutorService thread;

    /**
     * @param gatherMillis how long a requested run waits for more writes to send with them (0: at once)
     * @param closeWait how long {@link #close()} lets a run in progress finish
     */
    public RelayWorker(String name, Runnable drain, long gatherMillis, Duration pollInterval, Duration closeWait) {
        this.name = name;
        this.drain = drain;
        this.gatherMillis = gatherMillis;
        this.closeWait = closeWait;
        thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::request, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A producer for a relay: the connector's broker settings, acks=all, idempotent, a 2 ms linger. */
    public static KafkaProducer<String, String> producer(Map<String, Object> connector, String clientId) {
        Map<String, Object> config = StringProducers.config(connector);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaProducer<>(config);
    }

    /** Asks for a run soon. */
    public void request() {
        if (!thread.isShutdown() && requested.compareAndSet(false, true)) {
            try {
                thread.schedule(this::run, gatherMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // what is in the outbox stays there; the next start sends it
                requested.set(false);
            }
        }
    }

    private void run() {
        requested.set(false);
        try {
            drain.run();
        } catch (RuntimeException e) {
            LOG.warnf("%s failed, will retry: %s", name, e.getMessage());
        }
    }

    /** Stops requesting runs and lets one in progress finish, for at most the close wait. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            thread.awaitTermination(closeWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
