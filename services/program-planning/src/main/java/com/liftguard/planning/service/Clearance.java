package com.liftguard.planning.service;

import com.liftguard.events.model.Reason;
import com.liftguard.planning.domain.Adjustment;
import com.liftguard.planning.domain.PlanDecision;
import com.liftguard.planning.domain.PlanDecisions;
import com.liftguard.planning.domain.PlanState;
import com.liftguard.planning.domain.TriageResponse;
import com.liftguard.planning.persistence.PlanStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** A coach of the athlete lifts the pause in force (docs/rules.md section 6): the only way a pause ends. */
@ApplicationScoped
public class Clearance {

    /** What became of a clearance: done, or why not (the athlete is unknown, or a rule of {@link TriageResponse}). */
    public sealed interface Outcome {
        record Cleared(Instant clearedAt, Reason reason) implements Outcome {}

        record UnknownAthlete() implements Outcome {}

        record NotACoach(String why) implements Outcome {}

        record NothingToClear(String why) implements Outcome {}
    }

    @Inject
    PlanStore store;

    @Inject
    Replanning replanning;

    @Inject
    Clock clock;

    @Transactional
    public Outcome clear(String tenant, String athleteId, String coachId, String note) {
        Optional<PlanState> state = store.lock(tenant, athleteId);
        if (state.isEmpty()) {
            return new Outcome.UnknownAthlete();
        }
        Optional<TriageResponse.Refusal> refused = PlanDecisions.refusal(state.get(), coachId);
        if (refused.isPresent()) {
            return switch (refused.get()) {
                case NOT_A_COACH -> new Outcome.NotACoach(refused.get().why());
                case NOTHING_TO_CLEAR ->
                    new Outcome.NothingToClear(refused.get().why());
            };
        }
        PlanDecision cleared = PlanDecisions.cleared(state.get(), coachId, note, clock.instant());
        replanning.apply(cleared);
        Adjustment entry = cleared.adjustments().get(0); // the clearance's own, as it was announced
        return new Outcome.Cleared(entry.madeAt(), entry.reason());
    }
}
