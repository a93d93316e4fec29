package com.liftguard.planning.service;

import com.liftguard.planning.domain.Adjustment;
import com.liftguard.planning.domain.Plan;
import com.liftguard.planning.domain.PlanPolicy;
import com.liftguard.planning.domain.PlanState;
import com.liftguard.planning.persistence.PlanStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The read side: an athlete's plan with the pause in force, and the history of its adjustments. */
@ApplicationScoped
public class PlanQueries {
    /** The plan as last built, with the pause in force that it shows. */
    public record CurrentPlan(PlanState.Pause pause, Plan plan) {}

    @Inject
    PlanStore store;

    @Inject
    PlanPolicy policy;

    @Inject
    Replanning replanning;

    @Inject
    Clock clock;

    /** The plan as last built, or built now for an athlete with none yet; empty for an unknown athlete. */
    @Transactional
    public Optional<CurrentPlan> plan(String tenant, String athleteId) {
        return store.find(tenant, athleteId)
                .map(state -> new CurrentPlan(
                        state.pause(),
                        store.lastPlan(tenant, athleteId)
                                .orElseGet(() -> policy.plan(state.inputs(clock.instant(), replanning.gate(state))))));
    }

    /** Every change of the athlete's plan, newest first (at most {@code limit}); empty for an unknown athlete. */
    @Transactional
    public Optional<List<Adjustment>> adjustments(String tenant, String athleteId, int limit) {
        List<Adjustment> items = store.adjustmentsNewestFirst(tenant, athleteId, limit);
        return items.isEmpty() && store.find(tenant, athleteId).isEmpty() ? Optional.empty() : Optional.of(items);
    }
}
