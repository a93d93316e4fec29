package com.liftguard.planning.domain;

import com.liftguard.events.Event;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one event or clearance decides for an athlete ({@link PlanDecisions}): the state it leaves, the adjustment
 * entries to record and the events to publish, all in the transaction of the change.
 *
 * @param cause what the adjustments and events name as their cause
 * @param replanAt rebuild the plan as of this time ({@link PlanRevision}); null when the plan stays as built
 */
public record PlanDecision(
        PlanState state, Cause cause, List<Adjustment> adjustments, List<Event<?>> events, Instant replanAt) {

    public PlanDecision {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(cause, "cause");
        adjustments = List.copyOf(adjustments);
        events = List.copyOf(events);
    }

    /** Only the state changes (or not even that); the plan stays as built. */
    public static PlanDecision keep(PlanState state, Cause cause) {
        return new PlanDecision(state, cause, List.of(), List.of(), null);
    }

    /** The state changes and the plan is rebuilt as of {@code at}; nothing of its own to record or publish. */
    public static PlanDecision replan(PlanState state, Cause cause, Instant at) {
        return new PlanDecision(state, cause, List.of(), List.of(), Objects.requireNonNull(at, "at"));
    }
}
