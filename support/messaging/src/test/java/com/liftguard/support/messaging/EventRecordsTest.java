package com.liftguard.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class EventRecordsTest {
    private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void anEventRecordCarriesItsIdTypeAndTraceAsHeadersAndKeepsTopicKeyAndValue() {
        Map<String, String> trace = new LinkedHashMap<>();
        trace.put("traceparent", TRACEPARENT);
        trace.put("tracestate", "liftguard=p1,other=ü");

        ProducerRecord<String, String> record = EventRecords.event(
                "liftguard.triage.v1",
                "acme:a1",
                "{\"id\":\"evt-1\"}",
                "evt-1",
                "com.liftguard.triage.decided.v1",
                trace);

        assertEquals("liftguard.triage.v1", record.topic());
        assertEquals("acme:a1", record.key());
        assertEquals("{\"id\":\"evt-1\"}", record.value());
        assertNull(record.partition(), "placed by its key, so one athlete's events stay on one partition");
        assertEquals(List.of("evt-1"), values(record, EventRecords.CE_ID));
        assertEquals(List.of("com.liftguard.triage.decided.v1"), values(record, EventRecords.CE_TYPE));
        assertEquals(List.of(TRACEPARENT), values(record, "traceparent"));
        assertEquals(List.of("liftguard=p1,other=ü"), values(record, "tracestate"), "UTF-8, as the consumer reads it");
        assertEquals(4, record.headers().toArray().length, "nothing else");
    }

    @Test
    void withoutATraceOnlyTheCloudEventsHeadersAreWritten() {
        ProducerRecord<String, byte[]> record = EventRecords.event(
                "t", "acme:a2", new byte[] {1, 2}, "evt-2", "com.liftguard.risk.assessed.v1", Map.of());

        List<String> names = new ArrayList<>();
        record.headers().forEach(h -> names.add(h.key()));
        assertEquals(List.of("ce_id", "ce_type"), names);
        assertEquals(List.of("evt-2"), values(record, "ce_id"));
    }

    private static List<String> values(ProducerRecord<String, ?> record, String name) {
        List<String> values = new ArrayList<>();
        for (Header h : record.headers().headers(name)) {
            values.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        return values;
    }
}
