package com.liftguard.planning.domain;

import com.liftguard.events.model.TriageCategory;
import java.util.Optional;

/**
 * docs/rules.md section 6 for triage decisions: EMERGENCY pauses all training, SEE_CLINICIAN pauses spinal
 * loading, both until a coach clears the athlete. A milder later decision never weakens a pause in
 * force: only a clearance lifts it.
 */
public final class TriageResponse {

    /** The restriction the decision calls for, or empty when it changes nothing. */
    public Optional<Restriction> respond(Restriction current, TriageCategory category) {
        Restriction wanted = switch (category) {
            case EMERGENCY -> Restriction.PAUSE_ALL_TRAINING;
            case SEE_CLINICIAN -> Restriction.PAUSE_SPINAL_LOADING;
            case MODIFY_TRAINING, NORMAL_SORENESS -> Restriction.NONE;
        };
        return wanted.stricterThan(current) ? Optional.of(wanted) : Optional.empty();
    }

    /** Why a clearance is refused. */
    public enum Refusal {
        NOT_A_COACH("only a coach of the athlete can clear them"),
        NOTHING_TO_CLEAR("the athlete has no pause to clear");

        private final String why;

        Refusal(String why) {
            this.why = why;
        }

        public String why() {
            return why;
        }
    }

    /** Why a clearance is refused, or empty when it may go ahead. */
    public Optional<Refusal> refuseClearance(Restriction current, boolean coachOfAthlete) {
        if (!coachOfAthlete) {
            return Optional.of(Refusal.NOT_A_COACH);
        }
        if (current == Restriction.NONE) {
            return Optional.of(Refusal.NOTHING_TO_CLEAR);
        }
        return Optional.empty();
    }
}
