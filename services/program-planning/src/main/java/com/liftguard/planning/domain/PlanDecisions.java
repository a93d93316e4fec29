package com.liftguard.planning.domain;

import com.liftguard.events.EventIds;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How each thing planning hears changes what it knows of the athlete (docs/rules.md section 6): triage decisions, risk
 * assessments, spinal-loading sessions, roster changes and a coach's clearance. Each gives a {@link PlanDecision}.
 */
public final class PlanDecisions {
    private static final TriageResponse RESPONSE = new TriageResponse();

    private PlanDecisions() {}

    /**
     * A triage decision. Anything above normal soreness sends the athlete back to basics once training may resume;
     * a decision that calls for a stricter pause than the one in force puts it in force ({@link TriageResponse}).
     *
     * @param reportedAt when the pain was reported: its session's time when planning has seen the session, else the
     *     decision's; the basics and the plan date from it
     */
    public static PlanDecision triaged(PlanState state, TriageDecided t, Cause cause, Instant reportedAt, Instant now) {
        Reason reason = leadingReason(t);
        PlanState next = state.withTriage(new PlanState.Triage(t.category(), t.reasons()));
        if (t.category() != TriageCategory.NORMAL_SORENESS) {
            next = next.backToBasics(reason, reportedAt);
        }
        Optional<Restriction> stricter = RESPONSE.respond(state.pause().restriction(), t.category());
        if (stricter.isEmpty()) {
            return PlanDecision.replan(next, cause, reportedAt);
        }
        next = next.withPause(new PlanState.Pause(stricter.get(), reason, cause.eventId(), now));
        return PlanEvents.paused(next, reason, cause, now, reportedAt);
    }

    /**
     * The latest risk assessment by its date: factors, e1RMs and the last heavy spinal session. The plan is rebuilt
     * only when one of them changed or the athlete is sent back to basics from a later time: every other input of
     * the plan (restriction, triage, gate sessions, squat bar) is followed by its own event, which rebuilds it, so
     * an assessment that repeats what the plan was built from would yield the same plan. The plan's {@code asOf} is
     * therefore the time of the last event that changed an input.
     *
     * @param performedAt when a session was performed, or null when planning has not seen it; asked only when the
     *     assessment may change the plan
     */
    public static PlanDecision assessed(
            PlanState state, RiskAssessed r, Cause cause, Function<String, Instant> performedAt) {
        LocalDate asOf = r.asOf() != null ? r.asOf() : LocalDate.ofInstant(r.assessedAt(), ZoneOffset.UTC);
        PlanState.Risk was = state.risk();
        if (was != null && asOf.isBefore(was.asOf())) {
            return PlanDecision.keep(state, cause); // a backfilled day: the newer assessment stands
        }
        Instant lastHeavy = later(was == null ? null : was.lastHeavySpinalAt(), r.lastHeavySpinalSessionAt());
        PlanState.Risk risk = new PlanState.Risk(asOf, r.factors(), r.e1rmKg(), lastHeavy);
        // the first assessment always changes the inputs, and every plan after it was built from one
        boolean inputsChanged = was == null
                || !risk.factors().equals(was.factors())
                || !Objects.equals(risk.e1rmKg(), was.e1rmKg())
                || !Objects.equals(lastHeavy, was.lastHeavySpinalAt());
        PlanState next = state.withRisk(risk);
        Optional<RiskAssessed.Factor> basicsCause = PlanPolicy.basicsRestart(r.factors());
        if (!inputsChanged && basicsCause.isEmpty()) {
            // the plan is a function of its inputs and the time it is made for: it would come out the same
            return PlanDecision.keep(next, cause);
        }
        Instant sessionAt = r.sourceId() == null ? null : performedAt.apply(r.sourceId());
        Instant at = sessionAt != null
                ? sessionAt
                : asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (basicsCause.isPresent()) {
            RiskAssessed.Factor f = basicsCause.get();
            next = next.backToBasics(new Reason(f.code().name(), f.message(), List.of()), at);
        }
        return inputsChanged || !Objects.equals(state.basics(), next.basics())
                ? PlanDecision.replan(next, cause, at)
                : PlanDecision.keep(next, cause);
    }

    /** A spinal-loading session: its squat bar position unless a later session showed one; the plan as of it. */
    public static PlanDecision sessionLogged(PlanState state, LoggedSpinalSession session, Cause cause) {
        PlanState next = state;
        PlanState.SquatBar known = state.squatBar();
        if (session.squatBar() != null
                && (known == null || !session.performedAt().isBefore(known.at()))) {
            next = state.withSquatBar(new PlanState.SquatBar(session.squatBar(), session.performedAt()));
        }
        return PlanDecision.replan(next, cause, session.performedAt());
    }

    /** The coaches who may clear the athlete, unless a later roster change has been heard already. */
    public static PlanDecision rosterChanged(PlanState state, RosterChanged r, Cause cause) {
        Instant known = state.roster().changedAt();
        if (known != null && known.isAfter(r.changedAt())) {
            return PlanDecision.keep(state, cause);
        }
        return PlanDecision.keep(state.withRoster(new PlanState.Roster(r.coachIds(), r.changedAt())), cause);
    }

    /** Why {@code coachId} may not clear the athlete, or empty when the clearance may go ahead. */
    public static Optional<TriageResponse.Refusal> refusal(PlanState state, String coachId) {
        return RESPONSE.refuseClearance(state.pause().restriction(), state.coachOf(coachId));
    }

    /**
     * A coach's clearance ({@link #refusal} said yes): the pause is lifted now, and the plan rebuilt, which brings
     * the basics back for whatever caused the pause. The clearance is its own cause, one per pause and instant.
     */
    public static PlanDecision cleared(PlanState state, String coachId, String note, Instant now) {
        Cause clearance = Cause.clearance(EventIds.derive(
                "clearance", state.tenant(), state.athleteId(), state.pause().causeEventId(), now.toString()));
        Reason reason = new Reason(
                PlanCodes.CLEARED_BY_COACH,
                "Coach " + coachId + " cleared the athlete to train again"
                        + (note == null || note.isBlank() ? "." : ": " + note),
                List.of("coachId", "note"));
        return PlanEvents.cleared(state.withPause(PlanState.Pause.none(now)), reason, clearance, now);
    }

    /** The reason a triage decision leads with: its first rule, or its category when it gave none. */
    static Reason leadingReason(TriageDecided t) {
        return t.reasons().isEmpty()
                ? new Reason(t.category().name(), "triage decided " + t.category(), List.of())
                : t.reasons().get(0);
    }

    private static Instant later(Instant known, Instant reported) {
        return reported != null && (known == null || reported.isAfter(known)) ? reported : known;
    }
}
