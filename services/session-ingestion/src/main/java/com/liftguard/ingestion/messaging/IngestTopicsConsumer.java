package com.liftguard.ingestion.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.liftguard.events.Topics;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.ingestion.api.BatchIngestion;
import com.liftguard.ingestion.domain.IngestValidator;
import com.liftguard.ingestion.domain.ReceivedBatch;
import com.liftguard.ingestion.domain.Violation;
import com.liftguard.ingestion.persistence.IngestStore;
import com.liftguard.support.web.ApiKeys;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sessions, check-ins and roster entries streamed straight into Kafka by platforms that run it. Each
 * record is one item as in the HTTP bodies, with the platform's API key in the {@code x-api-key} header.
 * Invalid records go to {@link Topics#INGEST_DLQ} with the reason; valid ones take the HTTP path. A
 * failure to store or publish fails the poll, which is redelivered: the path is idempotent.
 */
@ApplicationScoped
public class IngestTopicsConsumer {
    public static final String API_KEY_HEADER = "x-api-key";
    public static final String DLQ_REASON = "liftguard-dlq-reason";
    public static final String DLQ_ERRORS = "liftguard-dlq-errors";
    public static final String DLQ_TOPIC = "liftguard-dlq-topic";
    public static final String DLQ_PARTITION = "liftguard-dlq-partition";
    public static final String DLQ_OFFSET = "liftguard-dlq-offset";

    @Inject
    ApiKeys apiKeys;

    @Inject
    BatchIngestion ingestion;

    @Inject
    EventPublisher publisher;

    private final IngestValidator validator = new IngestValidator();

    @Incoming("ingest-sessions")
    @Blocking
    public void sessions(ConsumerRecords<String, String> records) throws Exception {
        items(records, IngestStore.Kind.SESSION);
    }

    @Incoming("ingest-check-ins")
    @Blocking
    public void checkIns(ConsumerRecords<String, String> records) throws Exception {
        items(records, IngestStore.Kind.CHECK_IN);
    }

    @Incoming("ingest-roster")
    @Blocking
    public void roster(ConsumerRecords<String, String> records) throws Exception {
        List<ProducerRecord<String, String>> deadLetters = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<Accepted> accepted = accept(record, deadLetters);
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
                deadLetters.add(deadLetter(record, "invalid roster entry", violations));
            } else {
                ingestion.updateRoster(accepted.get().tenant(), athlete, body);
            }
        }
        publisher.send(deadLetters);
    }

    private record Accepted(String tenant, JsonNode item, byte[] raw) {
    }

    private void items(ConsumerRecords<String, String> records, IngestStore.Kind kind) throws Exception {
        List<ProducerRecord<String, String>> deadLetters = new ArrayList<>();
        Map<String, List<ReceivedBatch.Received>> validByTenant = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            Optional<Accepted> accepted = accept(record, deadLetters);
            if (accepted.isEmpty()) {
                continue;
            }
            JsonNode item = accepted.get().item();
            List<Violation> violations = kind == IngestStore.Kind.SESSION
                    ? validator.validateSession(item) : validator.validateCheckIn(item);
            if (!violations.isEmpty()) {
                deadLetters.add(deadLetter(record, "invalid " + kind.name().toLowerCase().replace('_', '-'), violations));
            } else {
                validByTenant.computeIfAbsent(accepted.get().tenant(), t -> new ArrayList<>())
                        .add(new ReceivedBatch.Received(item, accepted.get().raw()));
            }
        }
        // dead letters first: if storing the valid ones fails, the redelivered poll re-sends them harmlessly
        publisher.send(deadLetters);
        for (Map.Entry<String, List<ReceivedBatch.Received>> e : validByTenant.entrySet()) {
            List<ReceivedBatch.Received> items = e.getValue();
            for (int from = 0; from < items.size(); from += IngestValidator.MAX_BATCH) {
                ingestion.ingest(e.getKey(), kind, items.subList(from, Math.min(items.size(), from + IngestValidator.MAX_BATCH)));
            }
        }
    }

    /** Authenticates and parses a record; anything unusable becomes a dead letter. */
    private Optional<Accepted> accept(ConsumerRecord<String, String> record,
                                      List<ProducerRecord<String, String>> deadLetters) {
        Header keyHeader = record.headers().lastHeader(API_KEY_HEADER);
        Optional<String> tenant = keyHeader == null ? Optional.empty()
                : apiKeys.tenantOf(new String(keyHeader.value(), StandardCharsets.UTF_8));
        if (tenant.isEmpty()) {
            deadLetters.add(deadLetter(record, keyHeader == null
                    ? "the " + API_KEY_HEADER + " header is missing" : "the " + API_KEY_HEADER + " header is not valid",
                    List.of()));
            return Optional.empty();
        }
        if (record.value() == null) {
            deadLetters.add(deadLetter(record, "the record has no value", List.of()));
            return Optional.empty();
        }
        try {
            byte[] raw = record.value().getBytes(StandardCharsets.UTF_8);
            return Optional.of(new Accepted(tenant.get(), ReceivedBatch.parseOne(raw), raw));
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
            deadLetters.add(deadLetter(record, "the value is not JSON: " + why, List.of()));
            return Optional.empty();
        }
    }

    /** The original key and value, with why it was refused and where it came from. The API key is dropped. */
    private static ProducerRecord<String, String> deadLetter(ConsumerRecord<String, String> record, String reason,
                                                             List<Violation> violations) {
        ProducerRecord<String, String> dl = new ProducerRecord<>(Topics.INGEST_DLQ, record.key(), record.value());
        dl.headers().add(DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        dl.headers().add(DLQ_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        dl.headers().add(DLQ_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        dl.headers().add(DLQ_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        if (!violations.isEmpty()) {
            try {
                dl.headers().add(DLQ_ERRORS, EventCodec.mapper().writeValueAsBytes(violations));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return dl;
    }
}
