package com.liftguard.support.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.EventKeys;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.Topics;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.infra.KafkaBroker;
import com.liftguard.infra.LiftguardTestResource;
import com.liftguard.support.messaging.EventRecords;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay on the real broker. Its timer fires only at start ({@code liftguard.outbox.poll-interval=PT1H}), so
 * what reaches Kafka here went out because a commit asked for it, or because the test called {@code drain()}.
 */
@QuarkusTest
@WithTestResource(LiftguardTestResource.class)
class OutboxRelayTest {
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        KafkaBroker.createTopics(bootstrap, 3, Topics.ROSTER);
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void theEventsOfACommittedTransactionReachKafkaInIdOrderWithTheirHeadersThenLeaveTheOutbox() {
        String athlete = TestEvents.athlete();
        List<Event<RosterChanged>> events = List.of(
                TestEvents.roster(athlete, "first"),
                TestEvents.roster(athlete, "second"),
                TestEvents.roster(athlete, "third"));
        ConsumerTask<String, String> published = published(athlete);

        TestTracing.within(() -> QuarkusTransaction.requiringNew().run(() -> events.forEach(outbox::append)));

        List<ConsumerRecord<String, String>> records =
                published.awaitRecords(3, ARRIVAL).getRecords();
        assertEquals(events.stream().map(Event::id).toList(), ids(records), "in the order of their outbox ids");
        for (int i = 0; i < events.size(); i++) {
            Event<RosterChanged> event = events.get(i);
            ConsumerRecord<String, String> record = records.get(i);
            assertEquals(Topics.ROSTER, record.topic());
            assertEquals(EventKeys.of(TestEvents.TENANT, athlete), record.key());
            assertEquals(EventCodec.encode(event), record.value());
            assertEquals(event.type(), KafkaCompanion.getHeader(record.headers(), EventRecords.CE_TYPE));
            assertEquals(TestTracing.TRACEPARENT, KafkaCompanion.getHeader(record.headers(), "traceparent"));
            assertEquals(TestTracing.TRACESTATE, KafkaCompanion.getHeader(record.headers(), "tracestate"));
        }
        // deleted once acknowledged (a row the broker refuses stays: see below)
        await().atMost(ARRIVAL).until(() -> rows(events.stream().map(Event::id).toList()) == 0);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String athlete = TestEvents.athlete();
        Event<RosterChanged> rolledBack = TestEvents.roster(athlete, "rolled back");
        Event<RosterChanged> committed = TestEvents.roster(athlete, "committed");
        ConsumerTask<String, String> published = published(athlete);

        assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    outbox.append(rolledBack);
                    throw new IllegalStateException("the change failed after appending");
                }));
        QuarkusTransaction.requiringNew().run(() -> outbox.append(committed));

        // had the rolled-back event been stored, it would have an earlier id, so it would come first on the key's
        // partition
        assertEquals(
                List.of(committed.id()), ids(published.awaitRecords(1, ARRIVAL).getRecords()));
        assertEquals(0, rows(List.of(rolledBack.id())), "never stored");
    }

    @Test
    void aRowTheBrokerRefusesStaysPendingWithWhatFollowsItAndNothingBehindItOvertakesIt() {
        await().atMost(ARRIVAL).until(() -> relay.pending() == 0);
        String athlete = TestEvents.athlete();
        ConsumerTask<String, String> published = published(athlete);
        String accepted = "evt-accepted-" + UUID.randomUUID();
        String refused = "evt-refused-" + UUID.randomUUID();
        String after = "evt-after-" + UUID.randomUUID();
        // put there directly, as a crashed instance leaves rows: no commit asks for a run, the test drains
        QuarkusTransaction.requiringNew().run(() -> {
            row(athlete, accepted, "{}");
            // larger than the producer's max.request.size (1 MiB) in UTF-8, though within the column's characters
            row(athlete, refused, "é".repeat(600_000));
            row(athlete, after, "{}");
        });
        assertEquals(3, relay.pending());

        try {
            assertThrows(IllegalStateException.class, relay::drain, "the broker did not acknowledge every row");
            assertEquals(2, relay.pending(), "the acknowledged row is deleted, the refused one and the next stay");
            assertEquals(1, rows(List.of(refused)));
            assertEquals(1, rows(List.of(after)));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> OutboxRecord.delete("eventId", refused));
        }
        String marker = "evt-marker-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> row(athlete, marker, "{}"));

        assertEquals(2, relay.drain(), "the row after the refused one, then the marker");
        assertEquals(0, relay.pending());

        await().atMost(ARRIVAL).until(() -> ids(published.getRecords()).contains(marker));
        List<String> ids = ids(published.getRecords());
        assertEquals(accepted, ids.getFirst());
        assertEquals(marker, ids.getLast());
        List<String> between = ids.subList(1, ids.size() - 1);
        assertTrue(
                !between.isEmpty() && between.stream().allMatch(after::equals),
                "the row after the refused one, at least once (it may have gone out with the failed run too): " + ids);
    }

    private ConsumerTask<String, String> published(String athlete) {
        String key = EventKeys.of(TestEvents.TENANT, athlete);
        return kafka.consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Topics.ROSTER, records -> records.filter(r -> key.equals(r.key())));
    }

    private static void row(String athlete, String eventId, String payload) {
        OutboxRecord r = new OutboxRecord();
        r.eventId = eventId;
        r.eventType = "com.liftguard.roster.changed.v1";
        r.topic = Topics.ROSTER;
        r.recordKey = EventKeys.of(TestEvents.TENANT, athlete);
        r.payload = payload;
        r.createdAt = Instant.parse("2026-03-01T10:00:00Z");
        r.persist();
    }

    private static long rows(List<String> eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxRecord.count("eventId in ?1", eventIds));
    }

    private static List<String> ids(List<ConsumerRecord<String, String>> records) {
        return records.stream()
                .map(r -> KafkaCompanion.getHeader(r.headers(), EventRecords.CE_ID))
                .toList();
    }
}
