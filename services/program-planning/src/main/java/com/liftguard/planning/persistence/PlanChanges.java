package com.liftguard.planning.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RecoveryScheduled;
import com.fasterxml.jackson.core.type.TypeReference;
import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import com.liftguard.planning.domain.ExercisePlan;
import com.liftguard.planning.domain.LoadGate;
import com.liftguard.planning.domain.Plan;
import com.liftguard.planning.domain.PlanChange;
import com.liftguard.planning.domain.PlanInputs;
import com.liftguard.planning.domain.PlanPolicy;
import com.liftguard.planning.domain.SpinalSessionSummary;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.Reason;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.planning.domain.Restriction;
import com.liftguard.planning.domain.TriageResponse;
import com.liftguard.support.outbox.EventLedger;
import com.liftguard.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every change to an athlete's plan: the state, the adjustment history entry and the outgoing event, in
 * the transaction of the consumed event's ledger entry.
 */
@ApplicationScoped
public class PlanChanges {
    public static final String SOURCE = "/program-planning";

    /** Why a clearance was refused: the athlete is unknown, or a rule of {@link TriageResponse} said no. */
    public sealed interface ClearanceOutcome {
        record Cleared(RecoveryScheduled event) implements ClearanceOutcome {
        }

        record UnknownAthlete() implements ClearanceOutcome {
        }

        record NotACoach(String why) implements ClearanceOutcome {
        }

        record NothingToClear(String why) implements ClearanceOutcome {
        }
    }

    @Inject
    EventLedger ledger;

    @Inject
    Outbox outbox;

    private final TriageResponse response = new TriageResponse();

    @Inject
    PlanPolicy policy;

    @Inject
    LoadGate gate;

    @Transactional
    public void onTriage(Event<TriageDecided> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        TriageDecided t = event.data();
        AthletePlanEntity plan = AthletePlanEntity.findOrCreate(event.tenant(), t.athleteId());
        Instant reportedAt = reportedAt(event);
        if (t.sourceKind() == TriageDecided.SourceKind.SESSION) {
            GateSessionEntity session = GateSessionEntity.findOrCreate(event.tenant(), t.athleteId(), t.sourceId());
            if (session.worstPain == null || t.category().compareTo(TriageCategory.valueOf(session.worstPain)) < 0) {
                session.worstPain = t.category().name();
            }
        }
        plan.latestTriage = t.category().name();
        plan.latestTriageReasons = json(t.reasons());
        if (t.category() != TriageCategory.NORMAL_SORENESS) {
            // anything above normal soreness sends the athlete back to basics once training may resume
            startBasics(plan, firstReason(t), reportedAt);
        }
        Optional<Restriction> next = response.respond(Restriction.valueOf(plan.restriction), t.category());
        if (next.isEmpty()) {
            replan(plan, event.id(), event.type(), reportedAt);
            return;
        }
        Reason reason = t.reasons().isEmpty()
                ? new Reason(t.category().name(), "triage decided " + t.category(), List.of()) : t.reasons().get(0);
        Instant now = Instant.now();
        plan.restriction = next.get().name();
        plan.reasonCode = reason.code();
        plan.reasonMessage = reason.message();
        plan.causeEventId = event.id();
        plan.since = now;
        RecoveryScheduled.Action action = next.get() == Restriction.PAUSE_ALL_TRAINING
                ? RecoveryScheduled.Action.PAUSE_ALL_TRAINING : RecoveryScheduled.Action.PAUSE_SPINAL_LOADING;
        RecoveryScheduled scheduled = new RecoveryScheduled(t.athleteId(), action, next.get().paused(), true, null,
                reason, event.id(), now);
        record(event.tenant(), EventIds.derive("recovery", event.id()), scheduled, event.id(), event.type());
        replan(plan, event.id(), event.type(), reportedAt);
    }

    /**
     * A spinal-loading session: what the gate reads of it, and the squat bar position. A session without
     * spinal loading changes nothing here, so it is not recorded in the ledger either.
     */
    @Transactional
    public void onSession(Event<SessionIngested> event) {
        SessionIngested s = event.data();
        List<LoggedSet> spinal = spinalSets(s);
        if (spinal.isEmpty() || !ledger.firstTime(event.id())) {
            return;
        }
        AthletePlanEntity plan = AthletePlanEntity.findOrCreate(event.tenant(), s.athleteId());
        Instant performedAt = s.performedAt().toInstant();
        GateSessionEntity session = GateSessionEntity.findOrCreate(event.tenant(), s.athleteId(), s.sessionId());
        session.performedAt = performedAt;
        session.anyFault = spinal.stream().anyMatch(set -> !set.faults().isEmpty());
        session.maxRpe = spinal.stream().allMatch(set -> set.effectiveRpe() != null)
                ? spinal.stream().mapToDouble(LoggedSet::effectiveRpe).max().orElseThrow() : null;
        s.sets().stream().filter(set -> set.exercise().squat() && set.variant() != null).reduce((a, b) -> b)
                .ifPresent(set -> {
                    if (plan.squatBarAt == null || !performedAt.isBefore(plan.squatBarAt)) {
                        plan.squatBar = set.variant().name();
                        plan.squatBarAt = performedAt;
                    }
                });
        replan(plan, event.id(), event.type(), performedAt);
    }

    /** The session's sets with spinal loading: the only ones the gate reads. */
    public static List<LoggedSet> spinalSets(SessionIngested s) {
        return s.sets().stream().filter(set -> set.exercise().spinalLoading()).toList();
    }

    /**
     * The latest risk assessment (by its date): factors, e1RMs and the last heavy spinal session. The plan is
     * rebuilt only when one of them changed or the athlete is sent back to basics: every other input of the
     * plan (restriction, triage, gate sessions, squat bar) is followed by its own event, which rebuilds it, so
     * an assessment that repeats what the plan was built from would yield the same plan. The plan's
     * {@code asOf} is therefore the time of the last event that changed an input.
     */
    @Transactional
    public void onRisk(Event<RiskAssessed> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        RiskAssessed r = event.data();
        AthletePlanEntity plan = AthletePlanEntity.findOrCreate(event.tenant(), r.athleteId());
        LocalDate asOf = r.asOf() != null ? r.asOf() : LocalDate.ofInstant(r.assessedAt(), ZoneOffset.UTC);
        if (plan.riskAsOf != null && asOf.isBefore(plan.riskAsOf)) {
            return; // a backfilled day: the newer assessment stands
        }
        String factors = json(r.factors());
        String e1rm = r.e1rmKg() == null ? null : json(r.e1rmKg());
        Instant lastHeavy = r.lastHeavySpinalSessionAt() != null
                && (plan.lastHeavyAt == null || r.lastHeavySpinalSessionAt().isAfter(plan.lastHeavyAt))
                ? r.lastHeavySpinalSessionAt() : plan.lastHeavyAt;
        Instant basicsSince = plan.basicsSince;
        boolean inputsChanged = plan.currentPlan == null || !factors.equals(plan.riskFactors)
                || !Objects.equals(e1rm, plan.e1rm) || !Objects.equals(lastHeavy, plan.lastHeavyAt);
        plan.riskAsOf = asOf;
        plan.riskFactors = factors;
        plan.e1rm = e1rm;
        plan.lastHeavyAt = lastHeavy;
        Optional<RiskAssessed.Factor> basicsCause = r.factors().stream()
                .filter(f -> f.code().startsWith("PATTERN_") || f.code().equals("TRIAGE_MODIFY_TRAINING"))
                .findFirst();
        if (!inputsChanged && basicsCause.isEmpty()) {
            return; // the plan is a function of its inputs and the time it is made for: it would come out the same
        }
        Instant at = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        GateSessionEntity source = r.sourceId() == null ? null
                : GateSessionEntity.findById(new GateSessionEntity.Key(event.tenant(), r.athleteId(), r.sourceId()));
        Instant triggeredAt = source != null && source.performedAt != null ? source.performedAt : at;
        basicsCause.ifPresent(f -> startBasics(plan, new Reason(f.code(), f.message(), List.of()), triggeredAt));
        if (inputsChanged || !Objects.equals(basicsSince, plan.basicsSince)) {
            replan(plan, event.id(), event.type(), triggeredAt);
        }
    }

    /** The plan as last computed, or computed now for an athlete with none yet; empty for an unknown athlete. */
    @Transactional
    public Optional<Plan> currentPlan(String tenant, String athleteId) {
        AthletePlanEntity plan = AthletePlanEntity.findById(new AthletePlanEntity.Key(tenant, athleteId));
        if (plan == null) {
            return Optional.empty();
        }
        return Optional.of(plan.currentPlan != null ? read(plan.currentPlan, Plan.class) : policy.plan(inputs(plan, Instant.now())));
    }

    private void startBasics(AthletePlanEntity plan, Reason reason, Instant at) {
        if (plan.basicsSince == null || at.isAfter(plan.basicsSince)) {
            plan.basicsSince = at;
            plan.basicsReason = json(reason);
        }
    }

    /**
     * Builds the plan from everything known, and for each real change from the plan last published: an
     * adjustment entry, and the events (through the outbox) that tell the other services.
     */
    void replan(AthletePlanEntity plan, String causeId, String causeType, Instant at) {
        PlanInputs inputs = inputs(plan, at);
        Plan next = policy.plan(inputs);
        Plan previous = plan.currentPlan == null ? null : read(plan.currentPlan, Plan.class);
        plan.currentPlan = json(next);
        if (plan.basicsSince != null && inputs.gate().open()) {
            // the gate is met: this plan raises the load; the next one no longer holds the athlete to basics
            plan.basicsSince = null;
            plan.basicsReason = null;
        }
        List<PlanChange> changes = PlanPolicy.changes(previous, next).stream()
                .filter(c -> c.kind() != PlanChange.Kind.RESTRICTION_ADDED && c.kind() != PlanChange.Kind.RESTRICTION_LIFTED)
                .toList();
        if (changes.isEmpty()) {
            return;
        }
        String tenant = plan.key.tenant();
        String athleteId = plan.key.athleteId();
        Instant now = Instant.now();
        for (PlanChange change : changes) {
            PlanAdjustmentEntity adjustment = new PlanAdjustmentEntity();
            adjustment.id = EventIds.derive("adjustment", causeId, change.kind().name());
            adjustment.tenant = tenant;
            adjustment.athleteId = athleteId;
            adjustment.action = change.kind().name();
            adjustment.restriction = plan.restriction;
            adjustment.reason = json(change.reason());
            adjustment.causeEventId = causeId;
            adjustment.causeType = causeType;
            adjustment.madeAt = now;
            adjustment.persist();
        }
        for (PlanChange change : changes) {
            if (change.kind() == PlanChange.Kind.HEAVY_SPACING_CHANGED && next.earliestNextHeavySpinal() != null) {
                String id = EventIds.derive("spacing", causeId);
                outbox.append(Event.of(id, SOURCE, tenant, new RecoveryScheduled(athleteId,
                        RecoveryScheduled.Action.SPACE_HEAVY_SESSIONS, List.of("HEAVY_SPINAL"), false,
                        next.earliestNextHeavySpinal(), change.reason(), causeId, now), now));
            } else if (change.kind() == PlanChange.Kind.DELOAD_STARTED) {
                String id = EventIds.derive("deload", causeId);
                outbox.append(Event.of(id, SOURCE, tenant, new RecoveryScheduled(athleteId,
                        RecoveryScheduled.Action.DELOAD_WEEK, List.of(), false, next.earliestNextHeavySpinal(),
                        change.reason(), causeId, now), now));
            }
        }
        changes.stream().filter(c -> LOAD_CHANGES.contains(c.kind())).findFirst().ifPresent(first -> {
            LoadAdjusted adjusted = new LoadAdjusted(athleteId,
                    next.exercises().stream().filter(e -> !e.paused()).map(ExercisePlan::toPrescription).toList(),
                    next.spinalVolumeChangePct(), first.reason(), causeId, now);
            outbox.append(Event.of(EventIds.derive("load", causeId), SOURCE, tenant, adjusted, now));
        });
    }

    private static final java.util.Set<PlanChange.Kind> LOAD_CHANGES = java.util.EnumSet.of(
            PlanChange.Kind.BASICS_STARTED, PlanChange.Kind.BASICS_ENDED, PlanChange.Kind.SPINAL_VOLUME_CHANGED,
            PlanChange.Kind.DELOAD_STARTED, PlanChange.Kind.DELOAD_ENDED, PlanChange.Kind.LOAD_INCREASE_ALLOWED,
            PlanChange.Kind.LOAD_INCREASE_HELD, PlanChange.Kind.PRESCRIPTION_CHANGED);

    private PlanInputs inputs(AthletePlanEntity plan, Instant at) {
        Restriction restriction = Restriction.valueOf(plan.restriction);
        PlanInputs in = PlanInputs.at(at)
                .withRestriction(restriction, restriction == Restriction.NONE ? null
                        : new Reason(plan.reasonCode, plan.reasonMessage, List.of()))
                .withGate(gate.evaluate(GateSessionEntity.rowsAfter(plan.key.tenant(), plan.key.athleteId(),
                                plan.basicsSince, GATE_LOOKBACK).stream()
                        .map(g -> new SpinalSessionSummary(g.sessionId(), g.performedAt(),
                                g.worstPain() == null ? null : TriageCategory.valueOf(g.worstPain()),
                                Boolean.TRUE.equals(g.anyFault()), g.maxRpe()))
                        .toList()))
                .withLastHeavySpinalAt(plan.lastHeavyAt)
                .withSquatBarPosition(plan.squatBar == null ? null : Variant.valueOf(plan.squatBar));
        if (plan.basicsSince != null) {
            in = in.withTriage(TriageCategory.MODIFY_TRAINING, List.of(read(plan.basicsReason, Reason.class)));
        } else if (TriageCategory.NORMAL_SORENESS.name().equals(plan.latestTriage)) {
            in = in.withTriage(TriageCategory.NORMAL_SORENESS, read(plan.latestTriageReasons, REASONS));
        }
        if (plan.riskFactors != null) {
            in = in.withRiskFactors(read(plan.riskFactors, FACTORS));
        }
        if (plan.e1rm != null) {
            in = in.withE1rmKg(read(plan.e1rm, E1RM));
        }
        return in;
    }

    /** When the triaged pain was reported: its session's time when planning has seen it, else the decision's. */
    private static Instant reportedAt(Event<TriageDecided> event) {
        TriageDecided t = event.data();
        if (t.sourceKind() == TriageDecided.SourceKind.SESSION) {
            GateSessionEntity session = GateSessionEntity.findById(
                    new GateSessionEntity.Key(event.tenant(), t.athleteId(), t.sourceId()));
            if (session != null && session.performedAt != null) {
                return session.performedAt;
            }
        }
        return t.decidedAt() != null ? t.decidedAt() : event.time();
    }

    private static Reason firstReason(TriageDecided t) {
        return t.reasons().isEmpty()
                ? new Reason(t.category().name(), "triage decided " + t.category(), List.of()) : t.reasons().get(0);
    }

    private static final int GATE_LOOKBACK = 10;
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };
    private static final TypeReference<List<RiskAssessed.Factor>> FACTORS = new TypeReference<>() {
    };
    private static final TypeReference<Map<Exercise, Double>> E1RM = new TypeReference<>() {
    };

    private static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan state is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan state is not readable: " + e.getOriginalMessage(), e);
        }
    }

    @Transactional
    public void onRoster(Event<RosterChanged> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        RosterChanged r = event.data();
        AthletePlanEntity plan = AthletePlanEntity.findOrCreate(event.tenant(), r.athleteId());
        if (plan.rosterChangedAt != null && plan.rosterChangedAt.isAfter(r.changedAt())) {
            return;
        }
        plan.coachIds = String.join("\n", r.coachIds());
        plan.rosterChangedAt = r.changedAt();
    }

    @Transactional
    public ClearanceOutcome clear(String tenant, String athleteId, String coachId, String note) {
        AthletePlanEntity plan = AthletePlanEntity.findById(new AthletePlanEntity.Key(tenant, athleteId),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (plan == null) {
            return new ClearanceOutcome.UnknownAthlete();
        }
        Restriction current = Restriction.valueOf(plan.restriction);
        Optional<TriageResponse.Refusal> refused = response.refuseClearance(current, plan.coaches().contains(coachId));
        if (refused.isPresent()) {
            return switch (refused.get()) {
                case NOT_A_COACH -> new ClearanceOutcome.NotACoach(refused.get().why());
                case NOTHING_TO_CLEAR -> new ClearanceOutcome.NothingToClear(refused.get().why());
            };
        }
        Instant now = Instant.now();
        String clearanceId = EventIds.derive("clearance", tenant, athleteId, plan.causeEventId, now.toString());
        Reason reason = new Reason("CLEARED_BY_COACH", "Coach " + coachId + " cleared the athlete to train again"
                + (note == null || note.isBlank() ? "." : ": " + note), List.of("coachId", "note"));
        plan.restriction = Restriction.NONE.name();
        plan.reasonCode = null;
        plan.reasonMessage = null;
        plan.causeEventId = null;
        plan.since = now;
        RecoveryScheduled cleared = new RecoveryScheduled(athleteId, RecoveryScheduled.Action.CLEARED, List.of(), false,
                null, reason, clearanceId, now);
        record(tenant, clearanceId, cleared, clearanceId, "com.liftguard.clearance.v1");
        replan(plan, clearanceId, "com.liftguard.clearance.v1", now);
        return new ClearanceOutcome.Cleared(cleared);
    }

    private void record(String tenant, String eventId, RecoveryScheduled scheduled, String causeId, String causeType) {
        PlanAdjustmentEntity adjustment = new PlanAdjustmentEntity();
        adjustment.id = eventId;
        adjustment.tenant = tenant;
        adjustment.athleteId = scheduled.athleteId();
        adjustment.action = scheduled.action().name();
        adjustment.restriction = scheduled.action() == RecoveryScheduled.Action.CLEARED ? Restriction.NONE.name()
                : scheduled.action() == RecoveryScheduled.Action.PAUSE_ALL_TRAINING
                        ? Restriction.PAUSE_ALL_TRAINING.name() : Restriction.PAUSE_SPINAL_LOADING.name();
        adjustment.reason = json(scheduled.reason());
        adjustment.causeEventId = causeId;
        adjustment.causeType = causeType;
        adjustment.madeAt = scheduled.scheduledAt();
        adjustment.persist();
        outbox.append(Event.of(eventId, SOURCE, tenant, scheduled, scheduled.scheduledAt()));
    }

    static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
