package com.liftguard.support.outbox;

import com.liftguard.support.messaging.DeadLetters;
import com.liftguard.support.messaging.RecordTraces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Applies a whole poll of a channel ({@code batch=true}) in one transaction, so that the commit, the
 * relay's wake-up and the ledger's round trips are paid once per poll instead of once per event; under
 * load a poll holds hundreds of events, with none it holds one and costs what a single event did.
 *
 * <ul>
 *   <li>A record that does not decode goes to the channel's dead-letter topic ({@link DeadLetters}); the
 *       rest of the batch goes on.</li>
 *   <li>Events are applied grouped by their key (tenant and athlete) in key order, each group in the order
 *       the records arrived: an athlete's events keep their order, and two batches that touch the same
 *       athletes take their row locks in the same order, so they cannot deadlock each other.</li>
 *   <li>Each event is applied in a span that continues its record's trace ({@link RecordTraces}).</li>
 *   <li>The persistence context is flushed and cleared after each event: it stays one event large.</li>
 *   <li>When the batch fails for a reason that is not transient (a bug, an event the handler rejects), its
 *       events are applied again one per transaction, and only the ones that fail on their own go to the
 *       dead-letter topic. A transient failure that outlasts {@link RetryingTransactions}' attempts is thrown
 *       on to the channel's failure strategy, as it was for single events.</li>
 * </ul>
 * The handler is the same as for one event: it checks the {@link EventLedger} first, so a batch redelivered
 * after a crash applies only what it had not. The ledger is asked about the whole batch's event ids in one
 * query at the start of the batch's transaction ({@link EventLedger#preload}), not once per event.
 */
@ApplicationScoped
public class BatchConsumption {
    private static final Logger LOG = Logger.getLogger(BatchConsumption.class);

    @Inject
    RetryingTransactions transactions;

    @Inject
    DeadLetters deadLetters;

    @Inject
    EntityManager entityManager;

    @Inject
    RecordTraces traces;

    @Inject
    EventLedger ledger;

    /** A decoded record and where it came from. */
    private record Decoded<E>(ConsumerRecord<String, String> record, E event) {}

    /**
     * @param decode the payload to an event; throws for a record that is not one
     * @param key    what must stay in order (events of one key are applied in arrival order)
     * @param id     the event's id, as the handler records it in the {@link EventLedger}; null for an event the
     *               handler does not record there (it changes nothing), so the batch's ledger read leaves it out
     * @param change applies one event inside the current transaction
     */
    public <E> void apply(
            String channel,
            ConsumerRecords<String, String> records,
            Function<String, E> decode,
            Function<E, String> key,
            Function<E, String> id,
            Consumer<E> change) {
        apply(
                channel,
                records,
                decode,
                key,
                events -> ledger.preload(
                        events.stream().map(id).filter(Objects::nonNull).toList()),
                (record, event) -> traces.within(channel, record, () -> change.accept(event)),
                transactions::run,
                () -> {
                    entityManager.flush();
                    entityManager.clear();
                },
                (record, failure) -> deadLetters.send(channel, record, failure));
    }

    /** Runs a change in a transaction of its own (retrying transient failures), or throws. */
    interface Transactions {
        void run(String what, Runnable change);
    }

    /**
     * The steps of {@link #apply(String, ConsumerRecords, Function, Function, Function, Consumer)}, apart from what
     * they run on; {@code beforeBatch} runs first in the transaction of a batch of more than one event.
     */
    static <E> void apply(
            String channel,
            ConsumerRecords<String, String> records,
            Function<String, E> decode,
            Function<E, String> key,
            Consumer<List<E>> beforeBatch,
            BiConsumer<ConsumerRecord<String, String>, E> change,
            Transactions transactions,
            Runnable afterEachInBatch,
            BiConsumer<ConsumerRecord<String, String>, RuntimeException> deadLetter) {
        Map<String, List<Decoded<E>>> byKey = new TreeMap<>();
        for (ConsumerRecord<String, String> record : records) {
            E event;
            try {
                event = decode.apply(record.value());
            } catch (RuntimeException undecodable) {
                deadLetter.accept(record, undecodable);
                continue;
            }
            byKey.computeIfAbsent(String.valueOf(key.apply(event)), k -> new ArrayList<>())
                    .add(new Decoded<>(record, event));
        }
        List<Decoded<E>> ordered = byKey.values().stream().flatMap(List::stream).toList();
        if (ordered.isEmpty()) {
            return;
        }
        if (ordered.size() > 1) {
            try {
                transactions.run(channel + ": batch of " + ordered.size(), () -> {
                    beforeBatch.accept(ordered.stream().map(Decoded::event).toList());
                    for (Decoded<E> d : ordered) {
                        change.accept(d.record(), d.event());
                        afterEachInBatch.run();
                    }
                });
                return;
            } catch (RuntimeException failed) {
                if (TransientFailures.isTransient(failed)) {
                    throw failed;
                }
                LOG.infof(
                        "%s: a batch of %d failed (%s); applying its events one at a time",
                        channel, ordered.size(), failed.getMessage());
            }
        }
        for (Decoded<E> d : ordered) {
            ConsumerRecord<String, String> r = d.record();
            try {
                transactions.run(
                        channel + " " + r.topic() + "-" + r.partition() + "@" + r.offset(),
                        () -> change.accept(r, d.event()));
            } catch (RuntimeException failed) {
                deadLetter.accept(r, failed);
            }
        }
    }
}
