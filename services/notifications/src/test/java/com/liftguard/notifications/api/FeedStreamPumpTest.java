package com.liftguard.notifications.api;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.liftguard.events.model.Severity;
import com.liftguard.notifications.config.NotificationsConfig;
import com.liftguard.notifications.domain.FeedChange;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.persistence.FeedSignals;
import com.liftguard.notifications.service.CoachStream;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.SseEventSink;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.resteasy.reactive.server.jaxrs.SseImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The live stream's loop against a scripted change log, with a poll interval no test would wait out. */
class FeedStreamPumpTest {
    private static final Duration POLL = Duration.ofSeconds(60);

    /** The coach's change log: entries by sequence number, and the last number taken. */
    private final Map<Long, FeedChange> log = new ConcurrentHashMap<>();

    private final AtomicLong lastTaken = new AtomicLong();
    private final AtomicInteger reads = new AtomicInteger();
    private final BlockingQueue<OutboundSseEvent> sent = new LinkedBlockingQueue<>();
    private final FeedSignals signals = new FeedSignals();
    private volatile boolean closed;
    private Thread pump;

    private final CoachStream stream = new CoachStream() {
        @Override
        public List<FeedChange> changedAfter(String tenant, String coachId, long afterSeq, int limit) {
            reads.incrementAndGet();
            return log.keySet().stream()
                    .filter(seq -> seq > afterSeq && seq <= afterSeq + limit)
                    .sorted()
                    .map(log::get)
                    .toList();
        }

        @Override
        public long lastSeq(String tenant, String coachId) {
            return lastTaken.get();
        }

        @Override
        public long version(String tenant, String coachId) {
            return signals.version(tenant, coachId);
        }

        @Override
        public void awaitChange(String tenant, String coachId, long seen, Duration timeout)
                throws InterruptedException {
            signals.awaitChange(tenant, coachId, seen, timeout);
        }
    };

    private final SseEventSink sink = new SseEventSink() {
        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public CompletionStage<?> send(OutboundSseEvent event) {
            sent.add(event);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {
            closed = true;
        }
    };

    private static NotificationsConfig config() {
        return (NotificationsConfig) Proxy.newProxyInstance(
                NotificationsConfig.class.getClassLoader(),
                new Class<?>[] {NotificationsConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "streamPollInterval" -> POLL;
                    case "streamGapWait" -> Duration.ofSeconds(30);
                    case "streamKeepAlive" -> Duration.ofMinutes(10);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private void start() throws InterruptedException {
        FeedStreamResource resource = new FeedStreamResource();
        resource.stream = stream;
        resource.config = config();
        // 'ready' is the resource method's to send, before the pump starts
        pump = Thread.ofVirtual().start(() -> resource.pump("acme", "coach", 0, sink, SseImpl.INSTANCE));
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() >= 1);
    }

    private OutboundSseEvent next() throws InterruptedException {
        OutboundSseEvent event = sent.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "nothing sent within 10 s");
        return event;
    }

    private static FeedChange change(long seq) {
        FeedItem item = new FeedItem(
                "item-" + seq,
                "coach",
                "athlete",
                Severity.HIGH,
                "title " + seq,
                "body",
                List.of(),
                List.of(),
                Instant.parse("2026-11-27T10:00:00Z"),
                null,
                "source-" + seq);
        return new FeedChange(item, seq, 1);
    }

    @AfterEach
    void stop() {
        closed = true;
        if (pump != null) {
            pump.interrupt();
        }
    }

    @Test
    void aChangeOfThisInstanceGoesOutAtOnce() throws Exception {
        start();
        lastTaken.set(1);
        log.put(1L, change(1));
        signals.changed("acme", "coach");
        assertEquals("1", next().getId());
    }

    @Test
    void aNumberTakenButNotYetLoggedIsWaitedForUntilItsWriteSignalsNotForAPollInterval() throws Exception {
        start();
        // a writer has taken number 1 and is still writing; a signal (another item's) wakes the stream meanwhile
        lastTaken.set(1);
        int before = reads.get();
        signals.changed("acme", "coach");
        await().atMost(Duration.ofSeconds(10)).until(() -> reads.get() > before);
        // the write completes and signals: the stream sends it now, not after the 60 s poll interval
        log.put(1L, change(1));
        signals.changed("acme", "coach");
        assertEquals("1", next().getId());
    }
}
