package com.liftguard.planning.messaging;

import com.liftguard.events.Event;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.planning.persistence.PlanChanges;
import com.liftguard.support.outbox.RetryingTransactions;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Triage decisions, risk assessments, sessions and roster changes in. Both channels may touch the same athlete's plan at once; a lost
 * race is retried in a fresh transaction. Undecodable records go to each channel's dead-letter topic.
 */
@ApplicationScoped
public class PlanConsumer {
    @Inject
    PlanChanges changes;

    @Inject
    RetryingTransactions transactions;

    @Incoming("triage")
    @Blocking
    public void triage(String payload) {
        Event<TriageDecided> event = EventCodec.decode(payload, TriageDecided.class);
        transactions.run("triage " + event.id(), () -> changes.onTriage(event));
    }

    @Incoming("sessions")
    @Blocking
    public void session(String payload) {
        Event<SessionIngested> event = EventCodec.decode(payload, SessionIngested.class);
        transactions.run("session " + event.id(), () -> changes.onSession(event));
    }

    @Incoming("risk")
    @Blocking
    public void risk(String payload) {
        Event<RiskAssessed> event = EventCodec.decode(payload, RiskAssessed.class);
        transactions.run("risk " + event.id(), () -> changes.onRisk(event));
    }

    @Incoming("roster")
    @Blocking
    public void roster(String payload) {
        Event<RosterChanged> event = EventCodec.decode(payload, RosterChanged.class);
        transactions.run("roster " + event.id(), () -> changes.onRoster(event));
    }
}
