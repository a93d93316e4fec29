package com.liftguard.events.serde;

import com.liftguard.events.Event;
import com.liftguard.events.EventData;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for envelopes of any known type. */
public class EventDeserializer implements Deserializer<Event<? extends EventData>> {
    @Override
    public Event<? extends EventData> deserialize(String topic, byte[] data) {
        return data == null ? null : EventCodec.decodeAny(new String(data, StandardCharsets.UTF_8));
    }
}
