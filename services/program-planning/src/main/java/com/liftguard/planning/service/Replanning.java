package com.liftguard.planning.service;

import com.liftguard.planning.domain.GateStatus;
import com.liftguard.planning.domain.LoadGate;
import com.liftguard.planning.domain.PlanDecision;
import com.liftguard.planning.domain.PlanPolicy;
import com.liftguard.planning.domain.PlanRevision;
import com.liftguard.planning.domain.PlanState;
import com.liftguard.planning.persistence.PlanStore;
import com.liftguard.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Carries out a {@link PlanDecision} in the caller's transaction: the plan rebuilt when it asks for it, the state,
 * the adjustment entries and, through the outbox, the events.
 */
@ApplicationScoped
public class Replanning {
    /** The gate counts back from the newest session to the first that is not clean: ten cover its run (3 by default). */
    private static final int GATE_LOOKBACK = 10;

    @Inject
    PlanStore store;

    @Inject
    PlanPolicy policy;

    @Inject
    LoadGate gate;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    public void apply(PlanDecision decision) {
        PlanDecision done = decision;
        if (decision.replanAt() != null) {
            PlanState state = decision.state();
            PlanRevision revision = PlanRevision.of(
                    policy,
                    decision,
                    gate(state),
                    store.lastPlan(state.tenant(), state.athleteId()).orElse(null),
                    clock.instant());
            store.savePlan(state.tenant(), state.athleteId(), revision.plan());
            done = revision.decision();
        }
        store.save(done.state());
        done.adjustments().forEach(store::record);
        done.events().forEach(outbox::append);
    }

    /** Where the athlete stands against the gate: the sessions since the return to basics began (all when none holds). */
    GateStatus gate(PlanState state) {
        return gate.evaluate(store.gateSessionsAfter(
                state.tenant(),
                state.athleteId(),
                state.basics() == null ? null : state.basics().since(),
                GATE_LOOKBACK));
    }
}
