package com.liftguard.risk.messaging;

import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.risk.service.AthleteEventIntake;
import com.liftguard.support.outbox.BatchConsumption;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sessions and check-ins in, a poll of a topic at a time: each poll is applied in one transaction
 * ({@link BatchConsumption}), an athlete's events in their order, records that do not decode to the channel's
 * dead-letter topic; what an event changes is {@link AthleteEventIntake}'s.
 */
@ApplicationScoped
public class AthleteEventConsumer {
    @Inject
    BatchConsumption batches;

    @Inject
    AthleteEventIntake intake;

    @Incoming("sessions")
    @Blocking
    public void sessions(ConsumerRecords<String, String> records) {
        batches.apply(
                "sessions",
                records,
                payload -> EventCodec.decode(payload, SessionIngested.class),
                AthleteEventConsumer::athleteKey,
                Event::id,
                intake::onSession);
    }

    @Incoming("check-ins")
    @Blocking
    public void checkIns(ConsumerRecords<String, String> records) {
        batches.apply(
                "check-ins",
                records,
                payload -> EventCodec.decode(payload, CheckInIngested.class),
                AthleteEventConsumer::athleteKey,
                Event::id,
                intake::onCheckIn);
    }

    static String athleteKey(Event<?> event) {
        return event.tenant() + ":" + event.athleteid();
    }
}
