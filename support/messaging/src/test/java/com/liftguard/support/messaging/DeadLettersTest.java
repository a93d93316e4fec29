package com.liftguard.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private static final String DLQ = "liftguard.triage.v1.dlq.program-planning";

    /** A record as a consumer got it: partition 2, offset 41, with a credential and a trace among its headers. */
    private static ConsumerRecord<String, String> record() {
        Headers headers = new RecordHeaders();
        headers.add("x-api-key", bytes("acme-key"));
        headers.add("traceparent", bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        headers.add("ce_id", bytes("evt-1"));
        headers.add("ce_id", bytes("evt-1-again"));
        return new ConsumerRecord<>(
                "liftguard.triage.v1",
                2,
                41L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                "acme:a1",
                "{not json",
                headers,
                Optional.empty());
    }

    @Test
    void aDeadLetterKeepsKeyValueAndHeadersButTheDroppedOnesAndSaysWhyAndWhereFrom() {
        RuntimeException reason =
                new IllegalArgumentException("not an event", new IllegalStateException("unexpected end of input"));

        ProducerRecord<String, String> dead = DeadLetters.deadLetter(DLQ, record(), reason, "x-api-key");

        assertEquals(DLQ, dead.topic());
        assertNull(dead.partition(), "the dead-letter topic's partitioner places it by key");
        assertEquals("acme:a1", dead.key());
        assertEquals("{not json", dead.value());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(DeadLetterHeaders.EXCEPTION_CLASS, IllegalArgumentException.class.getName());
        expected.put(DeadLetterHeaders.REASON, "not an event");
        expected.put(DeadLetterHeaders.CAUSE, "unexpected end of input");
        expected.put(DeadLetterHeaders.TOPIC, "liftguard.triage.v1");
        expected.put(DeadLetterHeaders.PARTITION, "2");
        expected.put(DeadLetterHeaders.OFFSET, "41");
        expected.forEach((name, value) -> assertEquals(List.of(value), values(dead, name), name));
        assertEquals(List.of("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), values(dead, "traceparent"));
        assertEquals(List.of("evt-1", "evt-1-again"), values(dead, "ce_id"), "repeated headers are all kept");
        assertEquals(List.of(), values(dead, "x-api-key"), "a dropped header is not copied");

        Set<String> written = new TreeSet<>(expected.keySet());
        written.add(DeadLetterHeaders.ERRORS); // ingestion's own, added by its caller
        assertEquals(
                new TreeSet<>(headerNames()), written, "every DeadLetterHeaders name is written (or known not to be)");
        Set<String> names = new TreeSet<>(expected.keySet());
        names.addAll(Set.of("traceparent", "ce_id"));
        assertEquals(names, keys(dead), "nothing else is added");
    }

    @Test
    void aReasonWithoutCauseWritesNoCauseAndOneWithoutMessageIsNamedByItsClass() {
        ProducerRecord<String, String> noCause =
                DeadLetters.deadLetter(DLQ, record(), new IllegalArgumentException("not an event"));
        assertEquals(List.of("not an event"), values(noCause, DeadLetterHeaders.REASON));
        assertEquals(List.of(), values(noCause, DeadLetterHeaders.CAUSE));
        assertEquals(List.of("acme-key"), values(noCause, "x-api-key"), "nothing is dropped unless asked");

        ProducerRecord<String, String> noMessage =
                DeadLetters.deadLetter(DLQ, record(), new NullPointerException(), "x-api-key", "traceparent");
        assertEquals(List.of("NullPointerException"), values(noMessage, DeadLetterHeaders.REASON));
        assertEquals(
                List.of(NullPointerException.class.getName()), values(noMessage, DeadLetterHeaders.EXCEPTION_CLASS));
        assertEquals(List.of(), values(noMessage, "traceparent"), "every header named is dropped");
        assertEquals(List.of(), values(noMessage, "x-api-key"));

        ProducerRecord<String, String> causeWithoutMessage = DeadLetters.deadLetter(
                DLQ, record(), new IllegalStateException("rejected", new IllegalArgumentException()));
        assertEquals(List.of(), values(causeWithoutMessage, DeadLetterHeaders.CAUSE));
    }

    @Test
    void theTopicIsTheChannelsConfiguredDeadLetterTopicOrSmallRyesDefault() {
        Map<String, String> properties = Map.of("mp.messaging.incoming.triage.dead-letter-queue.topic", DLQ);
        assertEquals(DLQ, withConfig(properties, () -> DeadLetters.topicOf("triage")));
        assertEquals("dead-letter-topic-risk", withConfig(properties, () -> DeadLetters.topicOf("risk")));
    }

    /** Runs {@code work} with {@link org.eclipse.microprofile.config.ConfigProvider} answering from {@code properties}. */
    private static <T> T withConfig(Map<String, String> properties, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader loader = new ClassLoader(previous) {};
        Config config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.registerConfig(config, loader);
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
            resolver.releaseConfig(config);
        }
    }

    private static List<String> headerNames() {
        List<String> names = new ArrayList<>();
        for (Field f : DeadLetterHeaders.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    names.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return names;
    }

    private static List<String> values(ProducerRecord<String, String> record, String name) {
        List<String> values = new ArrayList<>();
        for (Header h : record.headers().headers(name)) {
            values.add(new String(h.value(), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static Set<String> keys(ProducerRecord<String, String> record) {
        return Arrays.stream(record.headers().toArray())
                .map(Header::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
