package com.liftguard.planning.service;

import com.liftguard.events.Event;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.TriageDecided;
import com.liftguard.planning.domain.Cause;
import com.liftguard.planning.domain.GateSession;
import com.liftguard.planning.domain.LoggedSpinalSession;
import com.liftguard.planning.domain.PlanDecisions;
import com.liftguard.planning.domain.PlanState;
import com.liftguard.planning.persistence.PlanStore;
import com.liftguard.support.outbox.EventLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What planning hears, applied to the athlete's plan: triage decisions, spinal-loading sessions, risk assessments
 * and roster changes. Each event in the transaction of its ledger entry, so a replay changes nothing; the
 * athlete's row is locked first, since the four channels may change it at once.
 */
@ApplicationScoped
public class PlanUpdates {
    @Inject
    EventLedger ledger;

    @Inject
    PlanStore store;

    @Inject
    Replanning replanning;

    @Inject
    Clock clock;

    @Transactional
    public void onTriage(Event<TriageDecided> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        TriageDecided t = event.data();
        PlanState state = store.lockOrCreate(event.tenant(), t.athleteId());
        Instant reportedAt = null;
        if (t.sourceKind() == TriageDecided.SourceKind.SESSION) {
            GateSession session =
                    store.changeGateSession(event.tenant(), t.athleteId(), t.sourceId(), s -> s.withPain(t.category()));
            reportedAt = session.performedAt();
        }
        if (reportedAt == null) {
            reportedAt = t.decidedAt() != null ? t.decidedAt() : event.time();
        }
        replanning.apply(PlanDecisions.triaged(state, t, Cause.of(event), reportedAt, clock.instant()));
    }

    /**
     * The session's id for the ledger, or null for a session without spinal loading: it changes nothing here, so it
     * is not recorded in the ledger either.
     */
    public static String ledgerId(Event<SessionIngested> event) {
        return LoggedSpinalSession.of(event.data()).isPresent() ? event.id() : null;
    }

    @Transactional
    public void onSession(Event<SessionIngested> event) {
        Optional<LoggedSpinalSession> logged = LoggedSpinalSession.of(event.data());
        if (logged.isEmpty() || !ledger.firstTime(event.id())) {
            return;
        }
        SessionIngested s = event.data();
        PlanState state = store.lockOrCreate(event.tenant(), s.athleteId());
        store.changeGateSession(event.tenant(), s.athleteId(), s.sessionId(), g -> g.performed(logged.get()));
        replanning.apply(PlanDecisions.sessionLogged(state, logged.get(), Cause.of(event)));
    }

    @Transactional
    public void onRisk(Event<RiskAssessed> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        RiskAssessed r = event.data();
        PlanState state = store.lockOrCreate(event.tenant(), r.athleteId());
        replanning.apply(PlanDecisions.assessed(
                state, r, Cause.of(event), sessionId -> store.performedAt(event.tenant(), r.athleteId(), sessionId)));
    }

    @Transactional
    public void onRoster(Event<RosterChanged> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        RosterChanged r = event.data();
        PlanState state = store.lockOrCreate(event.tenant(), r.athleteId());
        replanning.apply(PlanDecisions.rosterChanged(state, r, Cause.of(event)));
    }
}
