package com.liftguard.planning.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.RiskAssessed.Factor;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanPolicyTest {

    private static Factor factor(RiskFactor code) {
        return new Factor(code, code.name(), Map.of());
    }

    @Test
    void anAssessmentRestartsTheReturnToBasicsOnlyForAPatternOrModifyTraining() {
        // a red flag's own triage paused the athlete and started the return to basics; its factor repeats it
        assertTrue(PlanPolicy.basicsRestart(List.of(
                        factor(RiskFactor.TRIAGE_SEE_CLINICIAN),
                        factor(RiskFactor.TRIAGE_EMERGENCY),
                        factor(RiskFactor.ACWR_SPIKE)))
                .isEmpty());
        assertEquals(
                RiskFactor.PATTERN_BACK_LIMITED,
                PlanPolicy.basicsRestart(List.of(
                                factor(RiskFactor.TRIAGE_SEE_CLINICIAN),
                                factor(RiskFactor.PATTERN_BACK_LIMITED),
                                factor(RiskFactor.TRIAGE_MODIFY_TRAINING)))
                        .orElseThrow()
                        .code());
        assertEquals(
                RiskFactor.TRIAGE_MODIFY_TRAINING,
                PlanPolicy.basicsRestart(List.of(factor(RiskFactor.TRIAGE_MODIFY_TRAINING)))
                        .orElseThrow()
                        .code());
    }

    private static final Instant NOW = Instant.parse("2025-03-10T12:00:00Z");
    private static final Reason EMERGENCY =
            new Reason("SADDLE_NUMBNESS", "Saddle numbness: seek care today.", List.of("saddleNumbness"));
    private static final Reason SEE_CLINICIAN =
            new Reason("RADIATES_BELOW_KNEE", "Pain radiates below the knee.", List.of("radiatesBelowKnee"));
    private static final Reason MODIFY = new Reason("ONSET_DURING_SET", "Pain came on during a set.", List.of("onset"));
    private static final Reason SORENESS =
            new Reason("NORMAL_SORENESS", "Dull central soreness of 2/10.", List.of("quality", "intensity"));
    private static final Factor ACWR = new Factor(
            RiskFactor.ACWR_SPIKE,
            "Acute:chronic workload ratio 1.70 is above 1.50.",
            Map.of("acwr", 1.7, "acute", 850.0, "chronic", 500.0));
    private static final Factor MONOTONY =
            new Factor(RiskFactor.MONOTONY_HIGH, "Training monotony 2.40 is above 2.0.", Map.of("monotony", 2.4));
    private static final Factor TOO_CLOSE = new Factor(
            RiskFactor.HEAVY_SESSIONS_TOO_CLOSE, "Two heavy sessions 30 h apart.", Map.of("hoursBetween", 30.0));
    private static final Factor SHORT_SLEEP = new Factor(
            RiskFactor.SHORT_SLEEP, "Mean sleep 6.5 h over the last 3 reports.", Map.of("meanSleepHours", 6.5));
    private static final Factor GOOD_MORNING = new Factor(
            RiskFactor.PATTERN_GOOD_MORNING_SQUAT,
            "Recurring good-morning squat: hips rise first in 3 sets.",
            Map.of("maxSetsInOneSession", 3.0));
    private static final Factor BACK_LIMITED = new Factor(
            RiskFactor.PATTERN_BACK_LIMITED,
            "Recurring back-limited lifting in 2 of the last 3 sessions.",
            Map.of("sessionsWithFinding", 2.0));

    private final PlanSettings settings = PlanSettings.defaults();
    private final PlanPolicy policy = new PlanPolicy(settings);

    private static PlanInputs base() {
        return PlanInputs.at(NOW);
    }

    private static GateStatus gate(int clean) {
        List<SpinalSessionSummary> sessions = IntStream.rangeClosed(1, clean)
                .mapToObj(i -> new SpinalSessionSummary("s" + i, NOW.minusSeconds(86_400L * i), null, false, 7.0))
                .toList();
        return new LoadGate(PlanSettings.defaults()).evaluate(sessions);
    }

    private static ExercisePlan exercise(Plan plan, Exercise exercise) {
        return plan.exercise(exercise).orElseThrow(() -> new AssertionError("no " + exercise + " in " + plan));
    }

    private static List<String> names(List<Plan.Item> items) {
        return items.stream().map(Plan.Item::name).toList();
    }

    // ---- one test per row of the section-6 table

    @Test
    void emergencyPausesEverythingUntilACoachClears() {
        Plan plan = policy.plan(base().withRestriction(Restriction.PAUSE_ALL_TRAINING, EMERGENCY)
                .withTriage(TriageCategory.EMERGENCY, List.of(EMERGENCY))
                .withRiskFactors(List.of(GOOD_MORNING, SHORT_SLEEP))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0)));

        assertEquals(Restriction.PAUSE_ALL_TRAINING, plan.restriction());
        assertEquals(Exercise.values().length, plan.exercises().size());
        assertTrue(plan.exercises().stream()
                .allMatch(e -> e.paused() && !e.mayIncreaseLoad() && e.reason().equals(EMERGENCY)));
        assertEquals(List.of("PAUSE_ALL_TRAINING"), names(plan.restrictions()));
        assertTrue(plan.restrictions().get(0).detail().contains("coach clears"));
        assertEquals(EMERGENCY, plan.restrictions().get(0).reason());
        assertTrue(plan.accessories().isEmpty()
                && plan.core().isEmpty()
                && plan.mobility().isEmpty()
                && plan.cues().isEmpty());
        assertFalse(plan.mayIncreaseLoad());
        assertEquals(EMERGENCY, plan.loadIncreaseReason());
    }

    @Test
    void seeClinicianPausesSpinalLoadingAndKeepsPainFreeUpperBodyAndCoreWork() {
        Plan plan = policy.plan(base().withRestriction(Restriction.PAUSE_SPINAL_LOADING, SEE_CLINICIAN)
                .withTriage(TriageCategory.SEE_CLINICIAN, List.of(SEE_CLINICIAN))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0, Exercise.HIP_THRUST, 180.0)));

        for (Exercise spinal : List.of(
                Exercise.BACK_SQUAT,
                Exercise.FRONT_SQUAT,
                Exercise.DEADLIFT,
                Exercise.ROMANIAN_DEADLIFT,
                Exercise.GOOD_MORNING)) {
            ExercisePlan p = exercise(plan, spinal);
            assertTrue(p.paused(), spinal + " paused");
            assertEquals(SEE_CLINICIAN, p.reason());
        }
        ExercisePlan hipThrust = exercise(plan, Exercise.HIP_THRUST);
        assertFalse(hipThrust.paused());
        assertFalse(hipThrust.mayIncreaseLoad());
        assertEquals(List.of("PAUSE_SPINAL_LOADING"), names(plan.restrictions()));
        assertTrue(plan.restrictions().get(0).detail().contains("good morning"));
        assertTrue(names(plan.cues()).contains("Keep pain-free upper-body and core work"));
        assertTrue(plan.accessories().isEmpty());
        assertFalse(plan.mayIncreaseLoad());
    }

    @Test
    void modifyTrainingReturnsToBasics() {
        Plan plan = policy.plan(base().withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY))
                .withE1rmKg(Map.of(Exercise.BACK_SQUAT, 160.0, Exercise.DEADLIFT, 200.0)));

        assertTrue(plan.returnToBasics());
        assertEquals(MODIFY, plan.basicsReason());
        ExercisePlan squat = exercise(plan, Exercise.BACK_SQUAT);
        assertEquals("3-4", squat.sets());
        assertEquals("6-8", squat.reps());
        assertEquals("3-1-1", squat.tempo());
        assertFalse(squat.mayIncreaseLoad());
        assertEquals(MODIFY, squat.reason());
        ExercisePlan deadlift = exercise(plan, Exercise.DEADLIFT);
        assertEquals("4-6", deadlift.reps());
        assertEquals(70.0, deadlift.percentOfE1rm());
        assertEquals(80.0, deadlift.percentOfE1rmMax());
        assertTrue(deadlift.note().contains("full reset each rep"), deadlift.note());
        assertFalse(deadlift.mayIncreaseLoad());
        assertEquals(List.of("Romanian deadlift", "45-degree back extension", "Hip thrust"), names(plan.accessories()));
        assertEquals(List.of("Curl-up", "Side bridge", "Bird-dog"), names(plan.core()));
        assertEquals(List.of("Ankle mobility", "Hip mobility"), names(plan.mobility()));
        assertTrue(names(plan.cues()).contains("Film your sets from the side"));
        assertFalse(names(plan.cues()).contains("Try the other bar position"));
        assertFalse(plan.mayIncreaseLoad());
        assertEquals(PlanCodes.LOAD_HELD_UNTIL_GATE, plan.loadIncreaseReason().code());
        assertNull(plan.spinalVolumeChangePct());
        assertFalse(plan.deloadWeek());
    }

    static Stream<Arguments> patterns() {
        return Stream.of(
                Arguments.of(GOOD_MORNING),
                Arguments.of(BACK_LIMITED),
                Arguments.of(new Factor(RiskFactor.PATTERN_LOST_BRACE, "Recurring lost brace.", Map.of())),
                Arguments.of(new Factor(RiskFactor.PATTERN_BAR_DRIFT, "Recurring bar drift.", Map.of())),
                Arguments.of(new Factor(
                        RiskFactor.TRIAGE_MODIFY_TRAINING, "A pain report calls for lighter training.", Map.of())));
    }

    @ParameterizedTest
    @MethodSource("patterns")
    void aTechniquePatternOrBackLimitedLiftingReturnsToBasicsWithTheFactorAsReason(Factor factor) {
        Plan plan = policy.plan(base().withRiskFactors(List.of(factor)));

        assertTrue(plan.returnToBasics());
        Reason expected = new Reason(
                factor.code().name(),
                factor.message(),
                List.copyOf(factor.figures().keySet()));
        assertEquals(expected, plan.basicsReason());
        assertEquals("3-4", exercise(plan, Exercise.BACK_SQUAT).sets());
        assertEquals(expected, exercise(plan, Exercise.DEADLIFT).reason());
        assertTrue(plan.accessories().stream().allMatch(i -> i.reason().equals(expected)));
        assertFalse(plan.mayIncreaseLoad());
    }

    @Test
    void loadFactorsCallForRecovery() {
        Instant lastHeavy = NOW.minusSeconds(24 * 3600);
        Plan plan = policy.plan(base().withRiskFactors(List.of(ACWR)).withLastHeavySpinalAt(lastHeavy));

        Reason acwr = new Reason(
                "ACWR_SPIKE", ACWR.message(), List.copyOf(ACWR.figures().keySet()));
        assertEquals(lastHeavy.plusSeconds(72 * 3600), plan.earliestNextHeavySpinal());
        assertEquals(acwr, plan.earliestNextHeavySpinalReason());
        assertEquals(-20.0, plan.spinalVolumeChangePct());
        assertEquals(acwr, plan.spinalVolumeReason());
        assertFalse(plan.deloadWeek());
        assertNull(plan.deloadReason());
        assertFalse(plan.mayIncreaseLoad());
        assertEquals(acwr, plan.loadIncreaseReason());
        assertFalse(plan.returnToBasics());
        assertTrue(names(plan.cues()).contains("Space heavy spinal sessions"));
    }

    @ParameterizedTest
    @MethodSource("loadFactorPairs")
    void twoLoadFactorsAtOnceCallForADeloadWeekAndTheLargerCut(Factor a, Factor b) {
        Plan plan = policy.plan(base().withRiskFactors(List.of(a, b)).withLastHeavySpinalAt(NOW.minusSeconds(3600)));

        assertTrue(plan.deloadWeek());
        assertEquals(-30.0, plan.spinalVolumeChangePct());
        assertEquals(PlanCodes.LOAD_FACTORS_COMBINED, plan.deloadReason().code());
        assertTrue(plan.deloadReason().message().contains(a.code().name())
                && plan.deloadReason().message().contains(b.code().name()));
        assertEquals(NOW.plusSeconds(71 * 3600), plan.earliestNextHeavySpinal());
        assertFalse(plan.mayIncreaseLoad());
    }

    static Stream<Arguments> loadFactorPairs() {
        return Stream.of(
                Arguments.of(ACWR, MONOTONY), Arguments.of(MONOTONY, TOO_CLOSE), Arguments.of(ACWR, TOO_CLOSE));
    }

    @Test
    void threeLoadFactorsStayAtThirtyPercent() {
        Plan plan = policy.plan(base().withRiskFactors(List.of(ACWR, MONOTONY, TOO_CLOSE)));
        assertEquals(-30.0, plan.spinalVolumeChangePct());
        assertTrue(plan.deloadWeek());
    }

    @Test
    void withoutTheLastHeavySessionNoEarliestTimeIsInventedButTheSpacingIsStillSaid() {
        Plan plan = policy.plan(base().withRiskFactors(List.of(TOO_CLOSE)));
        assertNull(plan.earliestNextHeavySpinal());
        assertNull(plan.earliestNextHeavySpinalReason());
        Plan.Item spacing = plan.cues().stream()
                .filter(i -> i.name().equals("Space heavy spinal sessions"))
                .findFirst()
                .orElseThrow();
        assertTrue(spacing.detail().contains("72 h"), spacing.detail());
    }

    @Test
    void shortSleepPutsSleepFirstAndHoldsLoad() {
        Plan plan = policy.plan(base().withRiskFactors(List.of(SHORT_SLEEP))
                .withGate(gate(3))
                .withE1rmKg(Map.of(Exercise.BACK_SQUAT, 150.0)));

        Reason sleep = new Reason("SHORT_SLEEP", SHORT_SLEEP.message(), List.of("meanSleepHours"));
        assertEquals("Sleep first", plan.cues().get(0).name());
        assertEquals(sleep, plan.cues().get(0).reason());
        assertFalse(plan.mayIncreaseLoad());
        assertEquals(sleep, plan.loadIncreaseReason());
        assertFalse(exercise(plan, Exercise.BACK_SQUAT).mayIncreaseLoad());
        assertNull(plan.spinalVolumeChangePct());
        assertFalse(plan.returnToBasics());
    }

    @Test
    void veryShortSleepIsTheReasonWhenBothAreReported() {
        Factor veryShort = new Factor(RiskFactor.VERY_SHORT_SLEEP, "Mean sleep 5.5 h.", Map.of("meanSleepHours", 5.5));
        Plan plan = policy.plan(base().withRiskFactors(List.of(SHORT_SLEEP, veryShort)));
        assertEquals("VERY_SHORT_SLEEP", plan.loadIncreaseReason().code());
        assertEquals(
                1,
                plan.cues().stream().filter(i -> i.name().equals("Sleep first")).count());
    }

    @Test
    void normalSorenessChangesNothingAndGivesRecoveryAdvice() {
        Plan plan = policy.plan(base().withTriage(TriageCategory.NORMAL_SORENESS, List.of(SORENESS))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0)));

        assertEquals(Restriction.NONE, plan.restriction());
        assertTrue(plan.restrictions().isEmpty());
        assertFalse(plan.returnToBasics());
        assertNull(plan.spinalVolumeChangePct());
        assertFalse(plan.deloadWeek());
        assertTrue(plan.mayIncreaseLoad());
        assertEquals(PlanCodes.NO_LOAD_BLOCKER, plan.loadIncreaseReason().code());
        ExercisePlan deadlift = exercise(plan, Exercise.DEADLIFT);
        assertNull(deadlift.sets());
        assertNull(deadlift.loadKg());
        assertTrue(deadlift.mayIncreaseLoad());
        assertEquals(List.of("Recovery"), names(plan.cues()));
        assertEquals(SORENESS, plan.cues().get(0).reason());
    }

    // ---- combinations

    @Test
    void aSpinalPauseWinsOverATechniquePatternButKeepsItsCoreAndMobilityWorkPainFree() {
        Plan plan = policy.plan(base().withRestriction(Restriction.PAUSE_SPINAL_LOADING, SEE_CLINICIAN)
                .withRiskFactors(List.of(GOOD_MORNING, BACK_LIMITED))
                .withSquatBarPosition(Variant.HIGH_BAR));

        assertTrue(exercise(plan, Exercise.BACK_SQUAT).paused());
        assertTrue(exercise(plan, Exercise.DEADLIFT).paused());
        assertNull(exercise(plan, Exercise.DEADLIFT).reps());
        assertTrue(plan.returnToBasics());
        assertTrue(plan.accessories().isEmpty());
        assertEquals(3, plan.core().size());
        assertTrue(plan.core().get(0).detail().contains("pain-free only"));
        assertEquals(2, plan.mobility().size());
        assertFalse(names(plan.cues()).contains("Film your sets from the side"));
        assertFalse(plan.mayIncreaseLoad());
        assertEquals(SEE_CLINICIAN, plan.loadIncreaseReason());
    }

    @Test
    void aClearedEmergencyComesBackThroughTheBasics() {
        Plan plan = policy.plan(base().withTriage(TriageCategory.EMERGENCY, List.of(EMERGENCY)));
        assertEquals(Restriction.NONE, plan.restriction());
        assertTrue(plan.returnToBasics());
        assertEquals(EMERGENCY, plan.basicsReason());
        assertFalse(plan.mayIncreaseLoad());
    }

    @Test
    void basicsAndALoadFactorTogether() {
        Plan plan = policy.plan(base().withRiskFactors(List.of(BACK_LIMITED, MONOTONY)));
        assertTrue(plan.returnToBasics());
        assertEquals(-20.0, plan.spinalVolumeChangePct());
        assertFalse(plan.deloadWeek());
        assertEquals(PlanCodes.LOAD_HELD_UNTIL_GATE, plan.loadIncreaseReason().code());
    }

    // ---- loads

    @Test
    void deadliftLoadComesFromTheE1rm() {
        Plan plan = policy.plan(base().withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0)));
        ExercisePlan deadlift = exercise(plan, Exercise.DEADLIFT);
        assertEquals(140.0, deadlift.loadKg());
        assertEquals(160.0, deadlift.loadKgMax());
        assertEquals(140.0, deadlift.toPrescription().loadKg());
        assertEquals(70.0, deadlift.toPrescription().percentOfE1rm());
    }

    @Test
    void deadliftLoadsAreRoundedInwardToThePlateIncrement() {
        PlanInputs in = base().withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 203.0));
        ExercisePlan byDefault = exercise(policy.plan(in), Exercise.DEADLIFT);
        assertEquals(142.5, byDefault.loadKg());
        assertEquals(160.0, byDefault.loadKgMax());

        ExercisePlan fives = exercise(new PlanPolicy(settings.withPlateIncrementKg(5)).plan(in), Exercise.DEADLIFT);
        assertEquals(145.0, fives.loadKg());
        assertEquals(160.0, fives.loadKgMax());

        ExercisePlan ones = exercise(new PlanPolicy(settings.withPlateIncrementKg(1)).plan(in), Exercise.DEADLIFT);
        assertEquals(143.0, ones.loadKg());
        assertEquals(162.0, ones.loadKgMax());
    }

    @Test
    void withoutAnE1rmTheDeadliftHasPercentagesButNoKg() {
        Plan plan = policy.plan(base().withRiskFactors(List.of(BACK_LIMITED)));
        ExercisePlan deadlift = exercise(plan, Exercise.DEADLIFT);
        assertNull(deadlift.loadKg());
        assertEquals(70.0, deadlift.percentOfE1rm());
        assertTrue(deadlift.note().contains("log RPE or RIR"), deadlift.note());
    }

    @Test
    void theGateMetInTheBasicsMovesTheDeadliftUpByTwoAndAHalfToFivePercent() {
        Plan plan = policy.plan(base().withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0))
                .withGate(gate(3)));

        assertTrue(plan.returnToBasics());
        assertTrue(plan.mayIncreaseLoad());
        assertEquals(PlanCodes.LOAD_GATE_MET, plan.loadIncreaseReason().code());
        ExercisePlan deadlift = exercise(plan, Exercise.DEADLIFT);
        assertTrue(deadlift.mayIncreaseLoad());
        assertEquals(71.75, deadlift.percentOfE1rm());
        assertEquals(84.0, deadlift.percentOfE1rmMax());
        assertEquals(145.0, deadlift.loadKg()); // 143.5 up to the next plate: at least +2.5%
        assertEquals(167.5, deadlift.loadKgMax()); // 168 down: at most +5%
        assertEquals(PlanCodes.LOAD_GATE_MET, deadlift.reason().code());
        assertTrue(deadlift.note().contains("add 2.5-5% load"), deadlift.note());
        assertTrue(exercise(plan, Exercise.BACK_SQUAT).mayIncreaseLoad());
    }

    @Test
    void theGateMetDoesNotOverrideALoadFactor() {
        Plan plan = policy.plan(base().withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY))
                .withRiskFactors(List.of(ACWR))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0))
                .withGate(gate(4)));
        assertFalse(plan.mayIncreaseLoad());
        assertEquals("ACWR_SPIKE", plan.loadIncreaseReason().code());
        assertEquals(140.0, exercise(plan, Exercise.DEADLIFT).loadKg());
    }

    @Test
    void twoCleanSessionsAreNotEnough() {
        Plan plan = policy.plan(base().withRiskFactors(List.of(GOOD_MORNING)).withGate(gate(2)));
        assertFalse(plan.mayIncreaseLoad());
        assertTrue(
                plan.loadIncreaseReason().message().contains("2 clean spinal sessions in a row so far"),
                plan.loadIncreaseReason().message());
    }

    @Test
    void withNothingToHoldItBackLoadMayRise() {
        Plan plan = policy.plan(base());
        assertTrue(plan.mayIncreaseLoad());
        assertFalse(plan.returnToBasics());
        assertTrue(plan.items().isEmpty());
        assertEquals(0, plan.gate().consecutiveCleanSessions());
        assertEquals(NOW, plan.asOf());
    }

    // ---- cues

    @Test
    void aGoodMorningSquatOnHighBarIsToldToTryLowBarAndViceVersa() {
        PlanInputs in = base().withRiskFactors(List.of(GOOD_MORNING));
        assertTrue(barCue(policy.plan(in.withSquatBarPosition(Variant.HIGH_BAR)))
                .detail()
                .contains("try a low-bar"));
        assertTrue(barCue(policy.plan(in.withSquatBarPosition(Variant.LOW_BAR)))
                .detail()
                .contains("try a high-bar"));
        Plan.Item unknown = barCue(policy.plan(in));
        assertTrue(unknown.detail().contains("high bar to low bar, or back"), unknown.detail());
        assertEquals("PATTERN_GOOD_MORNING_SQUAT", unknown.reason().code());
    }

    private static Plan.Item barCue(Plan plan) {
        return plan.cues().stream()
                .filter(i -> i.name().equals("Try the other bar position"))
                .findFirst()
                .orElseThrow();
    }

    // ---- every item carries its reason

    static Stream<PlanInputs> situations() {
        PlanInputs b = base().withE1rmKg(
                        Map.of(Exercise.BACK_SQUAT, 150.0, Exercise.DEADLIFT, 200.0, Exercise.HIP_THRUST, 180.0))
                .withLastHeavySpinalAt(NOW.minusSeconds(7200));
        List<Factor> all = List.of(ACWR, MONOTONY, TOO_CLOSE, SHORT_SLEEP, GOOD_MORNING, BACK_LIMITED);
        return Stream.of(
                b,
                b.withRestriction(Restriction.PAUSE_ALL_TRAINING, null).withRiskFactors(all),
                b.withRestriction(Restriction.PAUSE_SPINAL_LOADING, null).withRiskFactors(all),
                b.withTriage(TriageCategory.MODIFY_TRAINING, null).withRiskFactors(all),
                b.withTriage(TriageCategory.NORMAL_SORENESS, List.of()).withRiskFactors(List.of(GOOD_MORNING)),
                b.withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY)).withGate(gate(3)));
    }

    @ParameterizedTest
    @MethodSource("situations")
    void everyPartOfThePlanCarriesTheReasonThatPutItThere(PlanInputs in) {
        Plan plan = policy.plan(in);
        plan.items().forEach(i -> assertReason(i.reason(), i.name()));
        plan.exercises().forEach(e -> assertReason(e.reason(), e.exercise().name()));
        assertReason(plan.loadIncreaseReason(), "load increase");
        assertReason(plan.gate().reason(), "gate");
        assertEquals(plan.returnToBasics(), plan.basicsReason() != null);
        assertEquals(plan.deloadWeek(), plan.deloadReason() != null);
        assertEquals(plan.spinalVolumeChangePct() != null, plan.spinalVolumeReason() != null);
        assertEquals(plan.earliestNextHeavySpinal() != null, plan.earliestNextHeavySpinalReason() != null);
    }

    private static void assertReason(Reason reason, String what) {
        assertNotNull(reason, what);
        assertNotNull(reason.code(), what);
        assertFalse(reason.message() == null || reason.message().isBlank(), what);
    }

    // ---- changes

    @Test
    void aFirstPlanWithNothingInForceChangesNothing() {
        assertEquals(List.of(), PlanPolicy.changes(null, policy.plan(base())));
    }

    @Test
    void thePlanTellsWhatChanged() {
        Plan calm = policy.plan(base().withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0)));
        Plan basics =
                policy.plan(base().withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0)).withRiskFactors(List.of(GOOD_MORNING)));
        assertEquals(
                List.of(PlanChange.Kind.BASICS_STARTED, PlanChange.Kind.LOAD_INCREASE_HELD),
                kinds(PlanPolicy.changes(calm, basics)));
        assertEquals(
                List.of(PlanChange.Kind.BASICS_ENDED, PlanChange.Kind.LOAD_INCREASE_ALLOWED),
                kinds(PlanPolicy.changes(basics, calm)));
        assertEquals(List.of(), PlanPolicy.changes(basics, basics));

        Plan overloaded = policy.plan(
                base().withRiskFactors(List.of(ACWR, MONOTONY)).withLastHeavySpinalAt(NOW.minusSeconds(3600)));
        assertEquals(
                List.of(
                        PlanChange.Kind.SPINAL_VOLUME_CHANGED,
                        PlanChange.Kind.DELOAD_STARTED,
                        PlanChange.Kind.HEAVY_SPACING_CHANGED,
                        PlanChange.Kind.LOAD_INCREASE_HELD),
                kinds(PlanPolicy.changes(calm, overloaded)));

        Plan paused = policy.plan(base().withRestriction(Restriction.PAUSE_SPINAL_LOADING, SEE_CLINICIAN));
        List<PlanChange> pause = PlanPolicy.changes(calm, paused);
        assertEquals(List.of(PlanChange.Kind.RESTRICTION_ADDED, PlanChange.Kind.LOAD_INCREASE_HELD), kinds(pause));
        assertEquals(SEE_CLINICIAN, pause.get(0).reason());
        List<PlanChange> cleared = PlanPolicy.changes(paused, policy.plan(base()));
        assertEquals(PlanChange.Kind.RESTRICTION_LIFTED, cleared.get(0).kind());
        assertEquals(
                List.of(PlanChange.Kind.RESTRICTION_ADDED),
                kinds(PlanPolicy.changes(
                                paused, policy.plan(base().withRestriction(Restriction.PAUSE_ALL_TRAINING, EMERGENCY))))
                        .subList(0, 1));
    }

    @Test
    void aNewE1rmAloneIsAPrescriptionChangeButANewGateMessageIsNot() {
        PlanInputs in = base().withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY));
        Plan before =
                policy.plan(in.withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0)).withGate(gate(1)));
        Plan after = policy.plan(in.withE1rmKg(Map.of(Exercise.DEADLIFT, 210.0)).withGate(gate(2)));
        assertEquals(List.of(PlanChange.Kind.PRESCRIPTION_CHANGED), kinds(PlanPolicy.changes(before, after)));
        Plan sameLoads =
                policy.plan(in.withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0)).withGate(gate(2)));
        assertEquals(List.of(), PlanPolicy.changes(before, sameLoads));
    }

    @Test
    void theGateOpeningIsOneChange() {
        PlanInputs in = base().withTriage(TriageCategory.MODIFY_TRAINING, List.of(MODIFY))
                .withE1rmKg(Map.of(Exercise.DEADLIFT, 200.0));
        List<PlanChange> changes =
                PlanPolicy.changes(policy.plan(in.withGate(gate(2))), policy.plan(in.withGate(gate(3))));
        assertEquals(List.of(PlanChange.Kind.LOAD_INCREASE_ALLOWED), kinds(changes));
        assertEquals(PlanCodes.LOAD_GATE_MET, changes.get(0).reason().code());
    }

    private static List<PlanChange.Kind> kinds(List<PlanChange> changes) {
        return changes.stream().map(PlanChange::kind).toList();
    }

    @Test
    void anInvalidBarPositionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> base().withSquatBarPosition(Variant.SUMO));
    }
}
