package com.liftguard.planning.domain;

import com.liftguard.events.RiskAssessed;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What planning knows of an athlete besides the plan it last built: the pause in force, the roster, the return to
 * basics, the latest triage, the latest risk assessment (by its date) and the squat bar position. The plan is a
 * function of this state, the gate and the time it is made for ({@link #inputs}).
 *
 * @param basics the return to basics in force, or null
 * @param triage the latest triage decision, or null before the first
 * @param risk the latest risk assessment, or null before the first
 * @param squatBar the squat bar position of the latest session that showed one, or null
 */
public record PlanState(
        String tenant,
        String athleteId,
        Pause pause,
        Roster roster,
        Basics basics,
        Triage triage,
        Risk risk,
        SquatBar squatBar) {

    public PlanState {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(athleteId, "athleteId");
        Objects.requireNonNull(pause, "pause");
        Objects.requireNonNull(roster, "roster");
    }

    /**
     * The restriction in force, why, and since when. The reason keeps its code and message, which the plan shows;
     * the fields it read belong to the triage decision that put the pause in force.
     *
     * @param causeEventId the event that put it in force; null when nothing is paused
     * @param since when it was put in force or lifted; null before either
     */
    public record Pause(Restriction restriction, Reason reason, String causeEventId, Instant since) {
        public Pause {
            Objects.requireNonNull(restriction, "restriction");
            reason = reason == null ? null : new Reason(reason.code(), reason.message(), List.of());
        }

        public static Pause none(Instant since) {
            return new Pause(Restriction.NONE, null, null, since);
        }
    }

    /** The coaches on the athlete's roster, as of the roster change that named them. */
    public record Roster(List<String> coachIds, Instant changedAt) {
        public Roster {
            coachIds = List.copyOf(coachIds);
        }
    }

    /** Back to basics since {@code since}, for {@code reason}: the gate counts the sessions after it. */
    public record Basics(Reason reason, Instant since) {
        public Basics {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(since, "since");
        }
    }

    public record Triage(TriageCategory category, List<Reason> reasons) {
        public Triage {
            Objects.requireNonNull(category, "category");
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * @param asOf the date the assessment is as of
     * @param e1rmKg null when the assessment had none
     * @param lastHeavySpinalAt the latest heavy spinal session any assessment reported, or null
     */
    public record Risk(
            LocalDate asOf,
            List<RiskAssessed.Factor> factors,
            Map<Exercise, Double> e1rmKg,
            Instant lastHeavySpinalAt) {
        public Risk {
            Objects.requireNonNull(asOf, "asOf");
            factors = List.copyOf(factors);
        }
    }

    public record SquatBar(Variant position, Instant at) {
        public SquatBar {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(at, "at");
        }
    }

    /** An athlete planning has heard nothing of yet. */
    public static PlanState fresh(String tenant, String athleteId) {
        return new PlanState(tenant, athleteId, Pause.none(null), new Roster(List.of(), null), null, null, null, null);
    }

    public boolean coachOf(String coachId) {
        return roster.coachIds().contains(coachId);
    }

    /** The return to basics from {@code at}, unless it already holds from a later time. */
    public PlanState backToBasics(Reason reason, Instant at) {
        if (basics != null && !at.isAfter(basics.since())) {
            return this;
        }
        return withBasics(new Basics(reason, at));
    }

    public PlanState withPause(Pause next) {
        return new PlanState(tenant, athleteId, next, roster, basics, triage, risk, squatBar);
    }

    public PlanState withRoster(Roster next) {
        return new PlanState(tenant, athleteId, pause, next, basics, triage, risk, squatBar);
    }

    public PlanState withBasics(Basics next) {
        return new PlanState(tenant, athleteId, pause, roster, next, triage, risk, squatBar);
    }

    public PlanState withTriage(Triage next) {
        return new PlanState(tenant, athleteId, pause, roster, basics, next, risk, squatBar);
    }

    public PlanState withRisk(Risk next) {
        return new PlanState(tenant, athleteId, pause, roster, basics, triage, next, squatBar);
    }

    public PlanState withSquatBar(SquatBar next) {
        return new PlanState(tenant, athleteId, pause, roster, basics, triage, risk, next);
    }

    /**
     * What {@link PlanPolicy} plans from. The return to basics stands in for the triage that started it, as
     * MODIFY_TRAINING (an EMERGENCY or SEE_CLINICIAN a coach has cleared comes back through the basics too);
     * without it, a normal-soreness triage is passed on for its recovery cue.
     */
    public PlanInputs inputs(Instant at, GateStatus gate) {
        Restriction restriction = pause.restriction();
        PlanInputs in = PlanInputs.at(at)
                .withRestriction(restriction, restriction == Restriction.NONE ? null : pause.reason())
                .withGate(gate)
                .withLastHeavySpinalAt(risk == null ? null : risk.lastHeavySpinalAt())
                .withSquatBarPosition(squatBar == null ? null : squatBar.position());
        if (basics != null) {
            in = in.withTriage(TriageCategory.MODIFY_TRAINING, List.of(basics.reason()));
        } else if (triage != null && triage.category() == TriageCategory.NORMAL_SORENESS) {
            in = in.withTriage(TriageCategory.NORMAL_SORENESS, triage.reasons());
        }
        if (risk != null) {
            in = in.withRiskFactors(risk.factors()).withE1rmKg(risk.e1rmKg());
        }
        return in;
    }
}
