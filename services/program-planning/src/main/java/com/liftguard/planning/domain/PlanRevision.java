package com.liftguard.planning.domain;

import com.liftguard.events.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One rebuild of the plan: the plan made from everything known, and for each real change from the plan last built,
 * an adjustment entry and the events that tell the other services ({@link PlanEvents}).
 *
 * @param decision the decision that asked for the rebuild, with the state, entries and events the rebuild adds
 */
public record PlanRevision(Plan plan, PlanDecision decision) {

    public PlanRevision {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(decision, "decision");
    }

    /**
     * @param decided a decision with {@link PlanDecision#replanAt()} set
     * @param gate the gate status after the sessions since the return to basics began (all when none holds)
     * @param previous the plan last built, or null for a first one
     */
    public static PlanRevision of(
            PlanPolicy policy, PlanDecision decided, GateStatus gate, Plan previous, Instant now) {
        Objects.requireNonNull(decided.replanAt(), "the decision does not ask for a rebuild");
        PlanState state = decided.state();
        Plan next = policy.plan(state.inputs(decided.replanAt(), gate));
        if (state.basics() != null && gate.open()) {
            // the gate is met: this plan raises the load; the next one no longer holds the athlete to basics
            state = state.withBasics(null);
        }
        // the pause's own changes were recorded and announced by the triage decision or clearance that made them
        List<PlanChange> changes = PlanPolicy.changes(previous, next).stream()
                .filter(c ->
                        c.kind() != PlanChange.Kind.RESTRICTION_ADDED && c.kind() != PlanChange.Kind.RESTRICTION_LIFTED)
                .toList();
        List<Adjustment> adjustments = new ArrayList<>(decided.adjustments());
        for (PlanChange change : changes) {
            adjustments.add(PlanEvents.adjustment(state, change, decided.cause(), now));
        }
        List<Event<?>> events = new ArrayList<>(decided.events());
        events.addAll(PlanEvents.of(state, next, changes, decided.cause(), now));
        return new PlanRevision(next, new PlanDecision(state, decided.cause(), adjustments, events, null));
    }
}
