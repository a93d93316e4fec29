package com.liftguard.risk.service;

import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.SessionIngested;
import com.liftguard.support.outbox.BatchConsumption;
import com.liftguard.support.outbox.EventLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A session or check-in taken in: triage of every pain report ({@link PainTriage}), then the athlete's load,
 * e1RM, technique and sleep state and the risk level after the event ({@link RiskAssessment}). Runs inside the
 * transaction of the consumer's poll ({@link BatchConsumption}), which also holds the consumed event's id and the
 * outgoing TriageDecided and RiskAssessed events; a replayed event changes nothing.
 */
@ApplicationScoped
public class AthleteEventIntake {
    /** The source of every event this service publishes. */
    static final String SOURCE = "/risk-assessment";

    @Inject
    EventLedger ledger;

    @Inject
    PainTriage triage;

    @Inject
    RiskAssessment assessment;

    public void onSession(Event<SessionIngested> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        // triage first: the assessment after the session counts the decisions it has just made
        triage.session(event);
        assessment.session(event);
    }

    public void onCheckIn(Event<CheckInIngested> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        triage.checkIn(event);
        assessment.checkIn(event);
    }
}
