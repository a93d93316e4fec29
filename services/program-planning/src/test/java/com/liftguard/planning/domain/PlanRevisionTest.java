package com.liftguard.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RiskAssessed.Factor;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PlanRevisionTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final Cause CAUSE = new Cause("e-1", "com.liftguard.risk.assessed.v1");

    private final PlanPolicy policy = new PlanPolicy(PlanSettings.defaults());
    private final LoadGate gate = new LoadGate(PlanSettings.defaults());

    private static PlanState withFactors(PlanState state, Instant lastHeavy, RiskFactor... codes) {
        List<Factor> factors = Arrays.stream(codes)
                .map(c -> new Factor(c, "because " + c, Map.of()))
                .toList();
        return state.withRisk(
                new PlanState.Risk(LocalDate.of(2025, 3, 10), factors, Map.of(Exercise.DEADLIFT, 200.0), lastHeavy));
    }

    private GateStatus clean(int sessions) {
        return gate.evaluate(IntStream.rangeClosed(1, sessions)
                .mapToObj(i -> new SpinalSessionSummary("s" + i, NOW.minusSeconds(86_400L * i), null, false, 7.0))
                .toList());
    }

    @Test
    void twoLoadFactorsAnnounceSpacingADeloadAndOneLoadAdjustment() {
        Instant lastHeavy = NOW.minusSeconds(3600);
        PlanState state =
                withFactors(PlanState.fresh("acme", "a1"), lastHeavy, RiskFactor.ACWR_SPIKE, RiskFactor.MONOTONY_HIGH);
        PlanRevision revision = PlanRevision.of(policy, PlanDecision.replan(state, CAUSE, NOW), clean(0), null, NOW);

        List<Event<?>> events = revision.decision().events();
        assertEquals(3, events.size(), "one LoadAdjusted for every change of the prescription");
        Event<?> spacingEvent = events.stream()
                .filter(e -> e.data() instanceof RecoveryScheduled r
                        && r.action() == RecoveryScheduled.Action.SPACE_HEAVY_SESSIONS)
                .findFirst()
                .orElseThrow();
        RecoveryScheduled spacing = (RecoveryScheduled) spacingEvent.data();
        assertEquals(List.of(PlanItem.HEAVY_SPINAL), spacing.restrictions());
        assertEquals(lastHeavy.plusSeconds(72 * 3600), spacing.earliestNextHeavySpinal());
        assertEquals(EventIds.derive("spacing", "e-1"), spacingEvent.id());
        assertTrue(events.stream()
                .anyMatch(e -> e.data() instanceof RecoveryScheduled r
                        && r.action() == RecoveryScheduled.Action.DELOAD_WEEK
                        && r.restrictions().isEmpty()));
        LoadAdjusted load = (LoadAdjusted) events.get(2).data();
        assertEquals(-30.0, load.spinalVolumeChangePct());
        assertEquals(EventIds.derive("load", "e-1"), events.get(2).id());

        List<Adjustment.Action> actions = revision.decision().adjustments().stream()
                .map(Adjustment::action)
                .toList();
        assertTrue(actions.containsAll(List.of(
                Adjustment.Action.SPINAL_VOLUME_CHANGED,
                Adjustment.Action.DELOAD_STARTED,
                Adjustment.Action.HEAVY_SPACING_CHANGED,
                Adjustment.Action.LOAD_INCREASE_HELD)));
        assertNull(revision.decision().replanAt());
    }

    @Test
    void theSamePlanAgainChangesNothing() {
        PlanState state = withFactors(PlanState.fresh("acme", "a1"), null, RiskFactor.ACWR_SPIKE);
        Plan first = PlanRevision.of(policy, PlanDecision.replan(state, CAUSE, NOW), clean(0), null, NOW)
                .plan();
        PlanRevision again = PlanRevision.of(
                policy, PlanDecision.replan(state, CAUSE, NOW.plusSeconds(60)), clean(0), first, NOW.plusSeconds(60));

        assertTrue(again.decision().adjustments().isEmpty());
        assertTrue(again.decision().events().isEmpty());
        assertEquals(NOW.plusSeconds(60), again.plan().asOf());
    }

    @Test
    void aPauseIsAnnouncedByItsDecisionNotAgainAsAPlanChange() {
        PlanState fresh = PlanState.fresh("acme", "a1");
        PlanDecision paused = PlanEvents.paused(
                fresh.withPause(new PlanState.Pause(
                        Restriction.PAUSE_ALL_TRAINING,
                        new Reason("SADDLE_NUMBNESS", "Seek care.", List.of()),
                        "e-1",
                        NOW)),
                new Reason("SADDLE_NUMBNESS", "Seek care.", List.of()),
                CAUSE,
                NOW,
                NOW);
        PlanRevision revision = PlanRevision.of(policy, paused, clean(0), null, NOW);

        long pauses = revision.decision().events().stream()
                .filter(e -> e.data() instanceof RecoveryScheduled r
                        && r.action() == RecoveryScheduled.Action.PAUSE_ALL_TRAINING)
                .count();
        assertEquals(1, pauses);
        assertEquals(
                paused.adjustments().get(0), revision.decision().adjustments().get(0));
        assertTrue(revision.decision().adjustments().stream()
                .allMatch(a -> a.restriction() == Restriction.PAUSE_ALL_TRAINING));
    }

    @Test
    void theGateMetEndsTheBasicsAfterThisPlan() {
        PlanState basics = PlanState.fresh("acme", "a1")
                .backToBasics(new Reason("ONE_SIDED", "One-sided pain.", List.of()), NOW.minusSeconds(30 * 86_400L));
        PlanRevision revision = PlanRevision.of(policy, PlanDecision.replan(basics, CAUSE, NOW), clean(3), null, NOW);

        assertTrue(revision.plan().returnToBasics());
        assertTrue(revision.plan().mayIncreaseLoad());
        assertNull(revision.decision().state().basics());

        PlanRevision closed = PlanRevision.of(policy, PlanDecision.replan(basics, CAUSE, NOW), clean(2), null, NOW);
        assertNotNull(closed.decision().state().basics());
    }
}
