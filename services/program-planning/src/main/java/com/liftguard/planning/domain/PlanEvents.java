package com.liftguard.planning.domain;

import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What planning tells the other services, and how each announcement is entered in the adjustment history. Event
 * ids derive from the cause, so a replayed cause announces nothing new.
 */
public final class PlanEvents {
    public static final String SOURCE = "/program-planning";

    /** The changes that alter the prescription a LoadAdjusted carries: one event announces them all. */
    private static final Set<PlanChange.Kind> LOAD_CHANGES = EnumSet.of(
            PlanChange.Kind.BASICS_STARTED,
            PlanChange.Kind.BASICS_ENDED,
            PlanChange.Kind.SPINAL_VOLUME_CHANGED,
            PlanChange.Kind.DELOAD_STARTED,
            PlanChange.Kind.DELOAD_ENDED,
            PlanChange.Kind.LOAD_INCREASE_ALLOWED,
            PlanChange.Kind.LOAD_INCREASE_HELD,
            PlanChange.Kind.PRESCRIPTION_CHANGED);

    private PlanEvents() {}

    /** The pause in force in {@code state}, put in force by {@code cause}: until a coach clears it. */
    public static PlanDecision paused(PlanState state, Reason reason, Cause cause, Instant now, Instant replanAt) {
        Restriction restriction = state.pause().restriction();
        RecoveryScheduled paused = new RecoveryScheduled(
                state.athleteId(),
                restriction.pauseAction(),
                restriction.paused(),
                true,
                null,
                reason,
                cause.eventId(),
                now);
        return announced(state, EventIds.derive("recovery", cause.eventId()), paused, cause, replanAt);
    }

    /** The pause lifted by a clearance, which is its own cause. */
    public static PlanDecision cleared(PlanState state, Reason reason, Cause clearance, Instant now) {
        RecoveryScheduled cleared = new RecoveryScheduled(
                state.athleteId(),
                RecoveryScheduled.Action.CLEARED,
                List.of(),
                false,
                null,
                reason,
                clearance.eventId(),
                now);
        return announced(state, clearance.eventId(), cleared, clearance, now);
    }

    private static PlanDecision announced(
            PlanState state, String eventId, RecoveryScheduled scheduled, Cause cause, Instant replanAt) {
        Adjustment entry = new Adjustment(
                eventId,
                state.tenant(),
                state.athleteId(),
                Adjustment.Action.of(scheduled.action()),
                state.pause().restriction(),
                scheduled.reason(),
                cause,
                scheduled.scheduledAt());
        return new PlanDecision(
                state,
                cause,
                List.of(entry),
                List.of(Event.of(eventId, SOURCE, state.tenant(), scheduled, scheduled.scheduledAt())),
                replanAt);
    }

    /** The adjustment entry of a real change of the plan. */
    public static Adjustment adjustment(PlanState state, PlanChange change, Cause cause, Instant now) {
        return new Adjustment(
                EventIds.derive("adjustment", cause.eventId(), change.kind().name()),
                state.tenant(),
                state.athleteId(),
                Adjustment.Action.of(change.kind()),
                state.pause().restriction(),
                change.reason(),
                cause,
                now);
    }

    /**
     * The events of the real changes from one plan to the {@code next}: the new spacing of heavy spinal sessions and
     * a deload week as RecoveryScheduled, and one LoadAdjusted with the prescription for any change of it.
     */
    public static List<Event<?>> of(PlanState state, Plan next, List<PlanChange> changes, Cause cause, Instant now) {
        String causeId = cause.eventId();
        List<Event<?>> events = new ArrayList<>();
        for (PlanChange change : changes) {
            if (change.kind() == PlanChange.Kind.HEAVY_SPACING_CHANGED && next.earliestNextHeavySpinal() != null) {
                RecoveryScheduled spacing = new RecoveryScheduled(
                        state.athleteId(),
                        RecoveryScheduled.Action.SPACE_HEAVY_SESSIONS,
                        List.of(PlanItem.HEAVY_SPINAL),
                        false,
                        next.earliestNextHeavySpinal(),
                        change.reason(),
                        causeId,
                        now);
                events.add(Event.of(EventIds.derive("spacing", causeId), SOURCE, state.tenant(), spacing, now));
            } else if (change.kind() == PlanChange.Kind.DELOAD_STARTED) {
                RecoveryScheduled deload = new RecoveryScheduled(
                        state.athleteId(),
                        RecoveryScheduled.Action.DELOAD_WEEK,
                        List.of(),
                        false,
                        next.earliestNextHeavySpinal(),
                        change.reason(),
                        causeId,
                        now);
                events.add(Event.of(EventIds.derive("deload", causeId), SOURCE, state.tenant(), deload, now));
            }
        }
        changes.stream()
                .filter(c -> LOAD_CHANGES.contains(c.kind()))
                .findFirst()
                .ifPresent(first -> {
                    LoadAdjusted adjusted = new LoadAdjusted(
                            state.athleteId(),
                            next.exercises().stream()
                                    .filter(e -> !e.paused())
                                    .map(ExercisePlan::toPrescription)
                                    .toList(),
                            next.spinalVolumeChangePct(),
                            first.reason(),
                            causeId,
                            now);
                    events.add(Event.of(EventIds.derive("load", causeId), SOURCE, state.tenant(), adjusted, now));
                });
        return List.copyOf(events);
    }
}
