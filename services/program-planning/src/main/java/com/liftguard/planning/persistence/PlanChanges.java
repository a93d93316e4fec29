package com.liftguard.planning.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RosterChanged;
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
import java.util.List;
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

    @Transactional
    public void onTriage(Event<TriageDecided> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        TriageDecided t = event.data();
        AthletePlanEntity plan = AthletePlanEntity.findOrCreate(event.tenant(), t.athleteId());
        Optional<Restriction> next = response.respond(Restriction.valueOf(plan.restriction), t.category());
        if (next.isEmpty()) {
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
        AthletePlanEntity plan = AthletePlanEntity.findById(new AthletePlanEntity.Key(tenant, athleteId));
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
