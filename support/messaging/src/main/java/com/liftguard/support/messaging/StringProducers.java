package com.liftguard.support.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Configuration of the plain Kafka producers this module sends with (the outbox relay, dead letters). */
public final class StringProducers {
    private StringProducers() {}

    /**
     * The connector's broker settings ({@code default-kafka-broker}) reduced to producer keys, with
     * {@code acks=all} and String keys and values; callers add what is their own.
     */
    public static Map<String, Object> config(Map<String, Object> connector) {
        Map<String, Object> config = new HashMap<>(connector);
        config.keySet().removeIf(k -> !ProducerConfig.configNames().contains(k));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return config;
    }
}
