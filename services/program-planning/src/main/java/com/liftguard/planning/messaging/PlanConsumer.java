package com.liftguard.planning.messaging;

import com.liftguard.events.Event;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.planning.service.PlanUpdates;
import com.liftguard.support.outbox.BatchConsumption;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Triage decisions, risk assessments, sessions and roster changes in, a poll at a time: each poll is applied
 * in one transaction ({@link BatchConsumption}), an athlete's events in their order. Channels may touch the
 * same athlete's plan at once; a lost race is retried in a fresh transaction. Undecodable records go to each
 * channel's dead-letter topic.
 */
@ApplicationScoped
public class PlanConsumer {
    @Inject
    PlanUpdates updates;

    @Inject
    BatchConsumption batches;

    @Incoming("triage")
    @Blocking
    public void triage(ConsumerRecords<String, String> records) {
        batches.apply(
                "triage",
                records,
                payload -> EventCodec.decode(payload, TriageDecided.class),
                PlanConsumer::athleteKey,
                Event::id,
                updates::onTriage);
    }

    @Incoming("sessions")
    @Blocking
    public void sessions(ConsumerRecords<String, String> records) {
        batches.apply(
                "sessions",
                records,
                payload -> EventCodec.decode(payload, SessionIngested.class),
                PlanConsumer::athleteKey,
                PlanUpdates::ledgerId,
                updates::onSession);
    }

    @Incoming("risk")
    @Blocking
    public void risk(ConsumerRecords<String, String> records) {
        batches.apply(
                "risk",
                records,
                payload -> EventCodec.decode(payload, RiskAssessed.class),
                PlanConsumer::athleteKey,
                Event::id,
                updates::onRisk);
    }

    @Incoming("roster")
    @Blocking
    public void roster(ConsumerRecords<String, String> records) {
        batches.apply(
                "roster",
                records,
                payload -> EventCodec.decode(payload, RosterChanged.class),
                PlanConsumer::athleteKey,
                Event::id,
                updates::onRoster);
    }

    static String athleteKey(Event<?> event) {
        return event.tenant() + ":" + event.athleteid();
    }
}
