package com.liftguard.notifications.messaging;

import com.liftguard.support.messaging.DeadLetters;
import com.liftguard.support.messaging.RecordTraces;
import com.mongodb.MongoException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Applies a whole poll of a busy channel ({@code batch=true}) to MongoDB: what the events write together goes
 * in one bulk write, and the connector's per-record work (context, span, acknowledgement) is paid once per
 * poll. Every write is a replay-safe upsert or insert keyed by what it stores, so applying an event twice
 * changes nothing.
 *
 * <ul>
 *   <li>A record that does not decode, or that the decoder rejects, goes to the channel's dead-letter topic
 *       ({@link DeadLetters}); the rest of the poll goes on.</li>
 *   <li>{@code together} runs once with every decoded event in record order (an athlete's events stay in
 *       order: they share a partition), then {@code each} runs per event in record order, in a span continuing
 *       its record's trace ({@link RecordTraces}).</li>
 *   <li>A failure of {@code each} other than MongoDB's rejects that event alone: it goes to the dead-letter
 *       topic.</li>
 *   <li>A MongoDB failure says nothing about the records: the poll is taken up again where it failed, up to
 *       {@value #RETRIES} more times, a second apart (plus up to half a second at random); after that the
 *       failure goes on to the channel's failure strategy, as it did for single records.</li>
 * </ul>
 */
@ApplicationScoped
public class PollConsumption {
    private static final Logger LOG = Logger.getLogger(PollConsumption.class);
    static final int RETRIES = 5;
    static final Duration DELAY = Duration.ofSeconds(1);

    @Inject
    DeadLetters deadLetters;

    @Inject
    RecordTraces traces;

    /** How a retry waits; a test passes one that does not. */
    interface Pause {
        void before(int retry) throws InterruptedException;
    }

    /**
     * @param decode   the payload to a valid event of the channel; throws for a record that is not one
     * @param together the writes of all the poll's events at once
     * @param each     the rest of one event's work
     */
    public <E> void apply(
            String channel,
            ConsumerRecords<String, String> records,
            Function<String, E> decode,
            Consumer<List<E>> together,
            Consumer<E> each) {
        apply(
                channel,
                records,
                decode,
                together,
                (record, event) -> traces.within(channel, record, () -> each.accept(event)),
                (record, failure) -> deadLetters.send(channel, record, failure),
                retry -> Thread.sleep(
                        DELAY.toMillis() + ThreadLocalRandom.current().nextLong(DELAY.toMillis() / 2 + 1)));
    }

    /** The steps of {@link #apply(String, ConsumerRecords, Function, Consumer, Consumer)}, apart from what they run on. */
    static <E> void apply(
            String channel,
            ConsumerRecords<String, String> records,
            Function<String, E> decode,
            Consumer<List<E>> together,
            BiConsumer<ConsumerRecord<String, String>, E> each,
            BiConsumer<ConsumerRecord<String, String>, RuntimeException> deadLetter,
            Pause pause) {
        List<ConsumerRecord<String, String>> decodedRecords = new ArrayList<>(records.count());
        List<E> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(decode.apply(record.value()));
                decodedRecords.add(record);
            } catch (RuntimeException unreadable) {
                deadLetter.accept(record, unreadable);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        boolean writtenTogether = false;
        int next = 0;
        for (int retry = 0; ; retry++) {
            try {
                if (!writtenTogether) {
                    together.accept(events);
                    writtenTogether = true;
                }
                for (; next < events.size(); next++) {
                    try {
                        each.accept(decodedRecords.get(next), events.get(next));
                    } catch (MongoException storeFailed) {
                        throw storeFailed;
                    } catch (RuntimeException rejected) {
                        deadLetter.accept(decodedRecords.get(next), rejected);
                    }
                }
                return;
            } catch (MongoException storeFailed) {
                if (retry >= RETRIES) {
                    throw storeFailed;
                }
                LOG.warnf(
                        "%s: MongoDB failed on a poll of %d (%s); retrying from event %d",
                        channel, events.size(), storeFailed.getMessage(), next);
                try {
                    pause.before(retry + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw storeFailed;
                }
            }
        }
    }
}
