package com.liftguard.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RiskAssessed.Factor;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PlanDecisionsTest {
    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final Instant REPORTED = Instant.parse("2025-03-09T18:00:00Z");
    private static final Cause CAUSE = new Cause("e-1", "com.liftguard.triage.decided.v1");
    private static final Reason RADIATES =
            new Reason("RADIATES_BELOW_KNEE", "Pain radiates below the knee.", List.of("radiatesBelowKnee"));
    private static final Function<String, Instant> UNSEEN = id -> null;

    private final PlanState fresh = PlanState.fresh("acme", "a1");

    private static TriageDecided triage(TriageCategory category, Reason... reasons) {
        return new TriageDecided(
                "d-1", "a1", TriageDecided.SourceKind.SESSION, "s-1", 0, null, category, List.of(reasons), NOW);
    }

    private static RiskAssessed risk(String sourceId, LocalDate asOf, Instant lastHeavy, Factor... factors) {
        return new RiskAssessed(
                "a1",
                RiskLevel.MODERATE,
                List.of(factors),
                sourceId,
                NOW,
                asOf,
                Map.of(Exercise.DEADLIFT, 200.0),
                lastHeavy,
                null);
    }

    private static Factor factor(RiskFactor code) {
        return new Factor(code, "because " + code, Map.of());
    }

    @Test
    void seeClinicianPausesSpinalLoadingAndAnnouncesItOnce() {
        PlanDecision d =
                PlanDecisions.triaged(fresh, triage(TriageCategory.SEE_CLINICIAN, RADIATES), CAUSE, REPORTED, NOW);

        assertEquals(Restriction.PAUSE_SPINAL_LOADING, d.state().pause().restriction());
        // the plan shows the reason's code and message; its fields stay with the decision and its announcement
        assertEquals(
                new Reason(RADIATES.code(), RADIATES.message(), List.of()),
                d.state().pause().reason());
        assertEquals("e-1", d.state().pause().causeEventId());
        assertEquals(NOW, d.state().pause().since());
        assertEquals(new PlanState.Basics(RADIATES, REPORTED), d.state().basics());
        assertEquals(REPORTED, d.replanAt());

        RecoveryScheduled paused = (RecoveryScheduled) d.events().get(0).data();
        assertEquals(RecoveryScheduled.Action.PAUSE_SPINAL_LOADING, paused.action());
        assertEquals(
                List.of(
                        PlanItem.BACK_SQUAT,
                        PlanItem.FRONT_SQUAT,
                        PlanItem.DEADLIFT,
                        PlanItem.ROMANIAN_DEADLIFT,
                        PlanItem.GOOD_MORNING),
                paused.restrictions());
        assertTrue(paused.untilCleared());
        assertEquals(RADIATES, paused.reason());
        assertEquals(EventIds.derive("recovery", "e-1"), d.events().get(0).id());

        Adjustment entry = d.adjustments().get(0);
        assertEquals(d.events().get(0).id(), entry.id());
        assertEquals(Adjustment.Action.PAUSE_SPINAL_LOADING, entry.action());
        assertEquals(Restriction.PAUSE_SPINAL_LOADING, entry.restriction());
        assertEquals(CAUSE, entry.cause());
    }

    @Test
    void anEmergencyPausesAllTraining() {
        PlanDecision d = PlanDecisions.triaged(fresh, triage(TriageCategory.EMERGENCY), CAUSE, REPORTED, NOW);

        RecoveryScheduled paused = (RecoveryScheduled) d.events().get(0).data();
        assertEquals(RecoveryScheduled.Action.PAUSE_ALL_TRAINING, paused.action());
        assertEquals(List.of(PlanItem.ALL_TRAINING), paused.restrictions());
        assertEquals(Restriction.PAUSE_ALL_TRAINING, d.adjustments().get(0).restriction());
        // a decision without a rule of its own leads with its category
        assertEquals("EMERGENCY", paused.reason().code());
    }

    @Test
    void aMilderDecisionUnderAPauseAnnouncesNothingButStillReplans() {
        PlanState paused = PlanDecisions.triaged(fresh, triage(TriageCategory.EMERGENCY), CAUSE, REPORTED, NOW)
                .state();
        PlanDecision d = PlanDecisions.triaged(
                paused, triage(TriageCategory.SEE_CLINICIAN, RADIATES), CAUSE, REPORTED.plusSeconds(60), NOW);

        assertEquals(Restriction.PAUSE_ALL_TRAINING, d.state().pause().restriction());
        assertTrue(d.events().isEmpty());
        assertTrue(d.adjustments().isEmpty());
        assertEquals(REPORTED.plusSeconds(60), d.replanAt());
        assertEquals(REPORTED.plusSeconds(60), d.state().basics().since());
    }

    @Test
    void normalSorenessIsRecordedWithoutSendingTheAthleteBackToBasics() {
        Reason sore = new Reason("NORMAL_SORENESS", "Dull soreness.", List.of());
        PlanDecision d =
                PlanDecisions.triaged(fresh, triage(TriageCategory.NORMAL_SORENESS, sore), CAUSE, REPORTED, NOW);

        assertNull(d.state().basics());
        assertEquals(
                new PlanState.Triage(TriageCategory.NORMAL_SORENESS, List.of(sore)),
                d.state().triage());
        assertEquals(Restriction.NONE, d.state().pause().restriction());
    }

    @Test
    void theBasicsOnlyMoveToALaterStart() {
        PlanState later = fresh.backToBasics(RADIATES, REPORTED);
        assertSame(later, later.backToBasics(new Reason("X", "earlier", List.of()), REPORTED.minusSeconds(1)));
        assertEquals(
                REPORTED.plusSeconds(1),
                later.backToBasics(RADIATES, REPORTED.plusSeconds(1)).basics().since());
    }

    @Test
    void theWorstPainOfASessionIsKept() {
        GateSession s = GateSession.unseen("s-1").withPain(TriageCategory.MODIFY_TRAINING);
        assertEquals(TriageCategory.MODIFY_TRAINING, s.worstPain());
        assertEquals(
                TriageCategory.EMERGENCY, s.withPain(TriageCategory.EMERGENCY).worstPain());
        assertEquals(
                TriageCategory.SEE_CLINICIAN,
                s.withPain(TriageCategory.SEE_CLINICIAN)
                        .withPain(TriageCategory.NORMAL_SORENESS)
                        .worstPain());
    }

    @Test
    void theFirstAssessmentRebuildsThePlanAsOfTheEndOfItsDay() {
        PlanDecision d = PlanDecisions.assessed(fresh, risk(null, LocalDate.of(2025, 3, 9), null), CAUSE, UNSEEN);

        assertEquals(Instant.parse("2025-03-10T00:00:00Z"), d.replanAt());
        assertEquals(LocalDate.of(2025, 3, 9), d.state().risk().asOf());
    }

    @Test
    void anAssessmentRepeatingThePlansInputsIsRecordedWithoutARebuildOrALookUp() {
        PlanState known = PlanDecisions.assessed(fresh, risk(null, LocalDate.of(2025, 3, 9), null), CAUSE, UNSEEN)
                .state();
        List<String> asked = new ArrayList<>();
        PlanDecision d = PlanDecisions.assessed(known, risk("s-2", LocalDate.of(2025, 3, 10), null), CAUSE, id -> {
            asked.add(id);
            return null;
        });

        assertNull(d.replanAt());
        assertEquals(LocalDate.of(2025, 3, 10), d.state().risk().asOf());
        assertTrue(asked.isEmpty(), "no session is looked up for an assessment that changes nothing");
    }

    @Test
    void aBackfilledDayLeavesTheNewerAssessmentStanding() {
        PlanState known = PlanDecisions.assessed(
                        fresh, risk(null, LocalDate.of(2025, 3, 9), null, factor(RiskFactor.ACWR_SPIKE)), CAUSE, UNSEEN)
                .state();
        PlanDecision d = PlanDecisions.assessed(known, risk(null, LocalDate.of(2025, 3, 1), null), CAUSE, UNSEEN);

        assertSame(known, d.state());
        assertNull(d.replanAt());
    }

    @Test
    void theLastHeavySessionKnownIsTheLatestReported() {
        Instant heavy = Instant.parse("2025-03-08T10:00:00Z");
        PlanState known = PlanDecisions.assessed(fresh, risk(null, LocalDate.of(2025, 3, 9), heavy), CAUSE, UNSEEN)
                .state();
        PlanDecision d = PlanDecisions.assessed(
                known, risk(null, LocalDate.of(2025, 3, 10), heavy.minusSeconds(3600)), CAUSE, UNSEEN);

        assertEquals(heavy, d.state().risk().lastHeavySpinalAt());
        assertNull(d.replanAt());
    }

    @Test
    void aPatternFactorSendsTheAthleteBackToBasicsFromTheAssessedSession() {
        Instant performed = Instant.parse("2025-03-09T17:00:00Z");
        PlanDecision d = PlanDecisions.assessed(
                fresh,
                risk("s-2", LocalDate.of(2025, 3, 9), null, factor(RiskFactor.PATTERN_GOOD_MORNING_SQUAT)),
                CAUSE,
                id -> id.equals("s-2") ? performed : null);

        assertEquals(performed, d.replanAt());
        assertEquals(performed, d.state().basics().since());
        assertEquals("PATTERN_GOOD_MORNING_SQUAT", d.state().basics().reason().code());
    }

    @Test
    void anAssessmentStartsTheBasicsForModifyTrainingOrAPatternButNotForARedFlagsRepeat() {
        // a red flag's own triage decision paused the athlete and started the basics; its factor repeats it
        PlanDecision redFlag = PlanDecisions.assessed(
                fresh,
                risk(
                        null,
                        LocalDate.of(2025, 3, 9),
                        null,
                        factor(RiskFactor.ACWR_SPIKE),
                        factor(RiskFactor.TRIAGE_SEE_CLINICIAN)),
                CAUSE,
                UNSEEN);
        assertNull(redFlag.state().basics());
        PlanDecision modify = PlanDecisions.assessed(
                fresh,
                risk(
                        null,
                        LocalDate.of(2025, 3, 9),
                        null,
                        factor(RiskFactor.TRIAGE_SEE_CLINICIAN),
                        factor(RiskFactor.TRIAGE_MODIFY_TRAINING)),
                CAUSE,
                UNSEEN);
        assertEquals("TRIAGE_MODIFY_TRAINING", modify.state().basics().reason().code());

        PlanState known = PlanDecisions.assessed(fresh, risk(null, LocalDate.of(2025, 3, 9), null), CAUSE, UNSEEN)
                .state();
        PlanDecision repeat = PlanDecisions.assessed(
                known, risk(null, LocalDate.of(2025, 3, 9), null, factor(RiskFactor.SHORT_SLEEP)), CAUSE, UNSEEN);
        assertNull(repeat.state().basics(), "sleep is no basics trigger");
    }

    @Test
    void aCoachOfThePausedAthleteClearsThem() {
        PlanState paused = PlanDecisions.triaged(
                        fresh.withRoster(new PlanState.Roster(List.of("c1"), NOW)),
                        triage(TriageCategory.SEE_CLINICIAN, RADIATES),
                        CAUSE,
                        REPORTED,
                        NOW)
                .state();

        assertEquals(Optional.of(TriageResponse.Refusal.NOT_A_COACH), PlanDecisions.refusal(paused, "stranger"));
        assertEquals(Optional.empty(), PlanDecisions.refusal(paused, "c1"));
        Instant later = NOW.plusSeconds(3600);
        PlanDecision d = PlanDecisions.cleared(paused, "c1", "seen by physio", later);

        assertEquals(PlanState.Pause.none(later), d.state().pause());
        assertEquals(Cause.CLEARANCE_TYPE, d.cause().eventType());
        assertEquals(later, d.replanAt());
        RecoveryScheduled cleared = (RecoveryScheduled) d.events().get(0).data();
        assertEquals(RecoveryScheduled.Action.CLEARED, cleared.action());
        assertEquals(List.of(), cleared.restrictions());
        assertEquals(PlanCodes.CLEARED_BY_COACH, cleared.reason().code());
        assertTrue(cleared.reason().message().endsWith(": seen by physio"));
        Adjustment entry = d.adjustments().get(0);
        assertEquals(Adjustment.Action.CLEARED, entry.action());
        assertEquals(Restriction.NONE, entry.restriction());
        assertEquals(d.cause().eventId(), entry.id());
        assertEquals(Optional.of(TriageResponse.Refusal.NOTHING_TO_CLEAR), PlanDecisions.refusal(d.state(), "c1"));
    }

    @Test
    void anOlderRosterChangeIsIgnored() {
        PlanState known = PlanDecisions.rosterChanged(fresh, new RosterChanged("a1", "Ann", List.of("c2"), NOW), CAUSE)
                .state();
        PlanDecision older = PlanDecisions.rosterChanged(
                known, new RosterChanged("a1", "Ann", List.of("c1"), NOW.minusSeconds(1)), CAUSE);

        assertEquals(List.of("c2"), older.state().roster().coachIds());
        assertNull(older.replanAt());
    }

    @Test
    void theSquatBarOfTheLatestSessionStands() {
        LoggedSpinalSession high = new LoggedSpinalSession("s-1", NOW, false, 7.0, Variant.HIGH_BAR);
        LoggedSpinalSession earlierLow =
                new LoggedSpinalSession("s-0", NOW.minusSeconds(86_400), false, 7.0, Variant.LOW_BAR);
        PlanState known = PlanDecisions.sessionLogged(fresh, high, CAUSE).state();
        PlanDecision d = PlanDecisions.sessionLogged(known, earlierLow, CAUSE);

        assertEquals(Variant.HIGH_BAR, d.state().squatBar().position());
        assertEquals(earlierLow.performedAt(), d.replanAt());
    }

    @Test
    void everyAnnouncedActionHasItsAdjustmentAction() {
        assertEquals(
                Adjustment.Action.PAUSE_ALL_TRAINING,
                Adjustment.Action.of(RecoveryScheduled.Action.PAUSE_ALL_TRAINING));
        assertEquals(Adjustment.Action.CLEARED, Adjustment.Action.of(RecoveryScheduled.Action.CLEARED));
        for (PlanChange.Kind kind : PlanChange.Kind.values()) {
            if (kind != PlanChange.Kind.RESTRICTION_ADDED && kind != PlanChange.Kind.RESTRICTION_LIFTED) {
                assertEquals(kind.name(), Adjustment.Action.of(kind).name());
            }
        }
        assertEquals(RecoveryScheduled.Action.PAUSE_SPINAL_LOADING, Restriction.PAUSE_SPINAL_LOADING.pauseAction());
        assertEquals(RecoveryScheduled.Action.PAUSE_ALL_TRAINING, Restriction.PAUSE_ALL_TRAINING.pauseAction());
    }

    @Test
    void eventsOfAPlanChangeCarryTheIdsOfTheirCause() {
        List<Event<?>> a = PlanDecisions.triaged(fresh, triage(TriageCategory.EMERGENCY), CAUSE, REPORTED, NOW)
                .events();
        List<Event<?>> b = PlanDecisions.triaged(fresh, triage(TriageCategory.EMERGENCY), CAUSE, REPORTED, NOW)
                .events();
        assertEquals(a.get(0).id(), b.get(0).id());
        assertEquals(PlanEvents.SOURCE, a.get(0).source());
        assertFalse(a.get(0).id().equals(CAUSE.eventId()));
    }
}
