package com.liftguard.support.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The one way a Liftguard event becomes a Kafka record, whoever sends it (ingestion's publisher, the outbox
 * relays): keyed {@code tenant:athleteId}, the CloudEvents envelope as the value (structured mode), its id
 * and type repeated as {@code ce_id} and {@code ce_type} headers so a consumer can route or drop a record
 * without parsing it, and the W3C trace context of the work that produced it.
 */
public final class EventRecords {
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";

    private EventRecords() {}

    /**
     * @param trace the trace context as header names and values ({@link TraceHeaders#current()} or a stored
     *     copy of it); may be empty
     */
    public static <V> ProducerRecord<String, V> event(
            String topic, String key, V value, String eventId, String ceType, Map<String, String> trace) {
        ProducerRecord<String, V> record = new ProducerRecord<>(topic, key, value);
        Headers headers = record.headers();
        headers.add(CE_ID, bytes(eventId));
        headers.add(CE_TYPE, bytes(ceType));
        trace.forEach((name, v) -> headers.add(name, bytes(v)));
        return record;
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
