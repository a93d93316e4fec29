package com.liftguard.events.serde;

import com.liftguard.events.Event;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for any event envelope. */
public class EventSerializer implements Serializer<Event<?>> {
    @Override
    public byte[] serialize(String topic, Event<?> event) {
        return event == null ? null : EventCodec.encode(event).getBytes(StandardCharsets.UTF_8);
    }
}
