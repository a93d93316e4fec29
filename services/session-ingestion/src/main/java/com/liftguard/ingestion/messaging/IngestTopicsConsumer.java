package com.liftguard.ingestion.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.liftguard.events.serde.Json;
import com.liftguard.ingestion.domain.IngestRules;
import com.liftguard.ingestion.domain.ItemKind;
import com.liftguard.ingestion.domain.Violation;
import com.liftguard.ingestion.service.BatchIngestion;
import com.liftguard.ingestion.service.EventPublisher;
import com.liftguard.ingestion.service.RosterIngestion;
import com.liftguard.ingestion.wire.IngestValidator;
import com.liftguard.ingestion.wire.ReceivedBatch;
import com.liftguard.support.messaging.DeadLetterHeaders;
import com.liftguard.support.messaging.DeadLetters;
import com.liftguard.support.web.ApiKeys;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sessions, check-ins and roster entries streamed straight into Kafka by platforms that run it. Each
 * record is one item as in the HTTP bodies, with the platform's API key in the {@code x-api-key} header.
 * Invalid records go to their channel's dead-letter topic ({@code <topic>.dlq.session-ingestion}) with the
 * reason in the {@link DeadLetterHeaders} every consumer writes; valid ones take the HTTP path. A failure to
 * store or publish fails the poll, which is redelivered: the path is idempotent.
 */
@ApplicationScoped
public class IngestTopicsConsumer {
    public static final String API_KEY_HEADER = "x-api-key";
    static final String SESSIONS = "ingest-sessions";
    static final String CHECK_INS = "ingest-check-ins";
    static final String ROSTER = "ingest-roster";

    @Inject
    ApiKeys apiKeys;

    @Inject
    BatchIngestion ingestion;

    @Inject
    RosterIngestion rosterIngestion;

    @Inject
    EventPublisher publisher;

    private final IngestValidator validator = new IngestValidator();
    private final Map<String, String> deadLetterTopics = new ConcurrentHashMap<>();

    @Incoming(SESSIONS)
    @Blocking
    public void sessions(ConsumerRecords<String, String> records) throws Exception {
        items(SESSIONS, records, ItemKind.SESSION);
    }

    @Incoming(CHECK_INS)
    @Blocking
    public void checkIns(ConsumerRecords<String, String> records) throws Exception {
        items(CHECK_INS, records, ItemKind.CHECK_IN);
    }

    @Incoming(ROSTER)
    @Blocking
    public void roster(ConsumerRecords<String, String> records) throws Exception {
        List<ProducerRecord<String, String>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<Accepted> accepted = accept(ROSTER, record, deadLetters);
            if (accepted.isEmpty()) {
                continue;
            }
            JsonNode item = accepted.get().item();
            JsonNode athleteId = item.get("athleteId");
            ObjectNode body = item.deepCopy();
            body.remove("athleteId");
            String athlete = athleteId != null && athleteId.isTextual() ? athleteId.asText() : null;
            List<Violation> violations = new ArrayList<>(validator.validateRoster(athlete, body));
            if (athlete == null) {
                violations.add(0, new Violation("/athleteId", "is required"));
            }
            if (!violations.isEmpty()) {
                deadLetters.add(deadLetter(ROSTER, record, new RefusedRecord("invalid roster entry", violations)));
            } else {
                rosterIngestion.update(accepted.get().tenant(), athlete, body);
            }
        }
        publisher.send(deadLetters);
    }

    private record Accepted(String tenant, JsonNode item, byte[] raw) {}

    private void items(String channel, ConsumerRecords<String, String> records, ItemKind kind) throws Exception {
        List<ProducerRecord<String, String>> deadLetters = new ArrayList<>();
        Map<String, List<ReceivedBatch.Received>> validByTenant = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<Accepted> accepted = accept(channel, record, deadLetters);
            if (accepted.isEmpty()) {
                continue;
            }
            JsonNode item = accepted.get().item();
            List<Violation> violations =
                    kind == ItemKind.SESSION ? validator.validateSession(item) : validator.validateCheckIn(item);
            if (!violations.isEmpty()) {
                String what = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
                deadLetters.add(deadLetter(channel, record, new RefusedRecord("invalid " + what, violations)));
            } else {
                validByTenant
                        .computeIfAbsent(accepted.get().tenant(), t -> new ArrayList<>())
                        .add(new ReceivedBatch.Received(item, accepted.get().raw()));
            }
        }
        // dead letters first: if storing the valid ones fails, the redelivered poll re-sends them harmlessly
        publisher.send(deadLetters);
        for (Map.Entry<String, List<ReceivedBatch.Received>> e : validByTenant.entrySet()) {
            List<ReceivedBatch.Received> items = e.getValue();
            for (int from = 0; from < items.size(); from += IngestRules.MAX_BATCH) {
                ingestion.ingest(
                        e.getKey(), kind, items.subList(from, Math.min(items.size(), from + IngestRules.MAX_BATCH)));
            }
        }
    }

    /** Authenticates and parses a record; anything unusable becomes a dead letter. */
    private Optional<Accepted> accept(
            String channel, ConsumerRecord<String, String> record, List<ProducerRecord<String, String>> deadLetters) {
        Header keyHeader = record.headers().lastHeader(API_KEY_HEADER);
        Optional<String> tenant = keyHeader == null
                ? Optional.empty()
                : apiKeys.tenantOf(new String(keyHeader.value(), StandardCharsets.UTF_8));
        if (tenant.isEmpty()) {
            String why = keyHeader == null
                    ? "the " + API_KEY_HEADER + " header is missing"
                    : "the " + API_KEY_HEADER + " header is not valid";
            deadLetters.add(deadLetter(channel, record, new RefusedRecord(why, List.of())));
            return Optional.empty();
        }
        if (record.value() == null) {
            deadLetters.add(deadLetter(channel, record, new RefusedRecord("the record has no value", List.of())));
            return Optional.empty();
        }
        try {
            byte[] raw = record.value().getBytes(StandardCharsets.UTF_8);
            return Optional.of(new Accepted(tenant.get(), ReceivedBatch.parseOne(raw), raw));
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            deadLetters.add(deadLetter(channel, record, new RefusedRecord("the value is not JSON: " + why, e)));
            return Optional.empty();
        }
    }

    /**
     * The record for the channel's dead-letter topic: the original key, value and headers, but the API key
     * (a credential never goes into a dead-letter topic), with why it was refused and where it came from.
     */
    private ProducerRecord<String, String> deadLetter(
            String channel, ConsumerRecord<String, String> record, RefusedRecord reason) {
        String topic = deadLetterTopics.computeIfAbsent(channel, DeadLetters::topicOf);
        ProducerRecord<String, String> dead = DeadLetters.deadLetter(topic, record, reason, API_KEY_HEADER);
        if (!reason.violations().isEmpty()) {
            dead.headers()
                    .add(
                            DeadLetterHeaders.ERRORS,
                            Json.write(reason.violations()).getBytes(StandardCharsets.UTF_8));
        }
        return dead;
    }
}
