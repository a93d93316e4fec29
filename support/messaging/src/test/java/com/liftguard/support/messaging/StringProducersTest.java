package com.liftguard.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class StringProducersTest {
    @Test
    void theConnectorsProducerKeysAreKeptWithAcksAllAndStringSerializers() {
        Map<String, Object> connector = new HashMap<>();
        connector.put("bootstrap.servers", "127.0.0.1:9092");
        connector.put("security.protocol", "SASL_SSL");
        connector.put("acks", "1");
        connector.put("key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");
        // consumer and connector settings the default-kafka-broker map also holds
        connector.put("group.id", "risk-assessment");
        connector.put("auto.offset.reset", "earliest");
        connector.put("health-enabled", "true");
        Map<String, Object> copy = Map.copyOf(connector);

        Map<String, Object> config = StringProducers.config(connector);

        assertEquals(
                Map.of(
                        "bootstrap.servers",
                        "127.0.0.1:9092",
                        "security.protocol",
                        "SASL_SSL",
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class.getName()),
                config);
        assertEquals(copy, connector, "the connector's map is not changed");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "mine");
        assertEquals(copy, connector, "callers add their own keys to a copy");
    }
}
