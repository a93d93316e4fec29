package com.liftguard.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Idempotent consumption: a consumer calls {@link #firstTime(String)} inside the transaction of its
 * change and skips the event when it returns false. Two concurrent deliveries of one event race on the
 * primary key; the loser's transaction rolls back and its redelivery then finds the entry.
 *
 * <p>A batch of events ({@link BatchConsumption}) asks for all its ids in one query first
 * ({@link #preload(Collection)}); {@code firstTime} then answers those ids from what that query found,
 * without a read per event. An id is added to what the transaction knows once it is recorded, so the same
 * event twice in one batch is applied once.
 */
@ApplicationScoped
public class EventLedger {
    /** Queries of at most this many ids (well inside every database's limit on bind parameters). */
    static final int PRELOAD_CHUNK = 500;

    private static final Object PRELOADED = new Object();

    @Inject
    Clock clock;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        Preloaded preloaded = (Preloaded) transaction.getResource(PRELOADED);
        boolean known = preloaded != null && preloaded.asked.contains(eventId)
                ? preloaded.recorded.contains(eventId)
                : ProcessedEvent.findById(eventId) != null;
        if (known) {
            return false;
        }
        ProcessedEvent entry = new ProcessedEvent();
        entry.eventId = eventId;
        entry.processedAt = Instant.now(clock);
        entry.persist();
        if (preloaded != null) {
            preloaded.asked.add(eventId);
            preloaded.recorded.add(eventId);
        }
        return true;
    }

    /** Reads which of {@code eventIds} the ledger already holds, for the {@code firstTime} calls of this transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void preload(Collection<String> eventIds) {
        Preloaded preloaded = (Preloaded) transaction.getResource(PRELOADED);
        if (preloaded == null) {
            preloaded = new Preloaded(new HashSet<>(), new HashSet<>());
            transaction.putResource(PRELOADED, preloaded);
        }
        List<String> ids = new ArrayList<>(new HashSet<>(eventIds));
        ids.removeAll(preloaded.asked);
        for (int from = 0; from < ids.size(); from += PRELOAD_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PRELOAD_CHUNK));
            preloaded.recorded.addAll(ProcessedEvent.getEntityManager()
                    .createQuery("select p.eventId from ProcessedEvent p where p.eventId in :ids", String.class)
                    .setParameter("ids", chunk)
                    .getResultList());
            preloaded.asked.addAll(chunk);
        }
    }

    /** The ids this transaction asked about, and those of them the ledger holds (found, or recorded since). */
    private record Preloaded(Set<String> asked, Set<String> recorded) {}
}
