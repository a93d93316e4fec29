package com.liftguard.notifications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RecoveryScheduled.Action;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.Severity;
import com.liftguard.events.model.TriageCategory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationComposerTest {
    /** docs/rules.md section 6 as written. */
    static final CoachingGuidance RULES =
            new CoachingGuidance("3-4", "6-8", "3-1-1", "4-6", "70-80", 3, 8.0, "2.5-5", 72, 168, 7.0, 72, "20-30");

    private static final Instant DECIDED = Instant.parse("2026-11-23T18:35:00Z");
    private static final Reason SADDLE = new Reason(
            "SADDLE_NUMBNESS",
            "Numbness in the saddle area can mean cauda equina syndrome.",
            List.of("saddleNumbness"));
    private static final Reason INTENSITY = new Reason("INTENSITY_HIGH", "Pain of 8/10", List.of("intensity"));

    private final NotificationComposer composer = new NotificationComposer(RULES);

    private static PainReport report() {
        return new PainReport(
                PainRegion.LOWER_BACK,
                PainSide.CENTRAL,
                PainQuality.SHARP,
                8,
                PainOnset.DURING_SET,
                4,
                PainTrend.WORSENING,
                false,
                false,
                false,
                true,
                false,
                false,
                false,
                false,
                false);
    }

    private static TriageDecided triage(TriageCategory category, List<Reason> reasons) {
        return new TriageDecided(
                "d-1", "a-1", TriageDecided.SourceKind.SESSION, "s-1", 0, report(), category, reasons, DECIDED);
    }

    private static RecoveryScheduled recovery(Action action, boolean untilCleared, Instant earliest) {
        return new RecoveryScheduled(
                "a-1",
                action,
                List.of(PlanItem.HEAVY_SPINAL),
                untilCleared,
                earliest,
                new Reason("TRIAGE_SEE_CLINICIAN", "Pain report triaged SEE_CLINICIAN", List.of()),
                "e-9",
                DECIDED);
    }

    @ParameterizedTest
    @CsvSource({"EMERGENCY,URGENT", "SEE_CLINICIAN,HIGH", "MODIFY_TRAINING,INFO", "NORMAL_SORENESS,INFO"})
    void triageSeverityFollowsTheCategory(TriageCategory category, Severity expected) {
        assertEquals(expected, composer.compose(triage(category, List.of())).severity());
    }

    @ParameterizedTest
    @CsvSource({
        "PAUSE_ALL_TRAINING,HIGH",
        "PAUSE_SPINAL_LOADING,HIGH",
        "SPACE_HEAVY_SESSIONS,INFO",
        "DELOAD_WEEK,INFO",
        "CLEARED,INFO"
    })
    void recoverySeverityIsHighForPausesOnly(Action action, Severity expected) {
        assertEquals(expected, composer.compose(recovery(action, true, null)).severity());
    }

    @Test
    void anEmergencySaysWhatHappenedWhyAndWhatToDo() {
        Notification n = composer.compose(triage(TriageCategory.EMERGENCY, List.of(SADDLE, INTENSITY)));

        assertEquals("a-1", n.athleteId());
        assertEquals("Ann: red flag, stop training and seek medical care today", n.titleFor("Ann"));
        assertEquals(
                "Lower back pain (central, sharp, 8/10), began during a set, 4 h ago, worsening; "
                        + "reported in session s-1. Triage: EMERGENCY, stop training, seek medical care today. "
                        + "Why: Numbness in the saddle area can mean cauda equina syndrome; Pain of 8/10.",
                n.body());
        assertEquals(List.of(SADDLE, INTENSITY), n.reasons(), "the deciding service's reasons, untouched");
        assertTrue(n.recommendedActions().get(0).startsWith("Stop the athlete's training now"));
        assertTrue(n.recommendedActions().stream().anyMatch(a -> a.contains("seek medical care today")));
        assertEquals(DECIDED, n.occurredAt());
    }

    @Test
    void seeClinicianMeansNoSpinalLoadingUntilAClinicianHasSeenIt() {
        Notification n = composer.compose(triage(TriageCategory.SEE_CLINICIAN, List.of(INTENSITY)));
        assertEquals("see a clinician, no spinal loading until then", n.headline());
        assertTrue(n.body().contains("Triage: SEE_CLINICIAN, no spinal loading until a clinician has seen it."));
        assertEquals(
                "No spinal loading (squats, deadlifts, good mornings) until a clinician has seen the athlete.",
                n.recommendedActions().get(0));
        assertTrue(n.recommendedActions().contains("Keep pain-free upper-body and core work."));
    }

    @Test
    void modifyTrainingQuotesTheReturnToBasicsPrescriptionAndTheGate() {
        List<String> actions = composer.compose(triage(TriageCategory.MODIFY_TRAINING, List.of()))
                .recommendedActions();
        assertEquals(
                "Return to basics: squats 3-4 sets of 6-8 reps at a 3-1-1 tempo; deadlifts 4-6 reps a set "
                        + "at 70-80% of e1RM with a full reset each rep.",
                actions.get(0));
        assertEquals(
                "No load increase until 3 consecutive spinal sessions with no pain above normal soreness, "
                        + "no technique fault and every working set at RPE 8 or lower; then add 2.5-5%.",
                actions.get(1));
        assertTrue(actions.contains("Add Romanian deadlifts, 45-degree back extensions and hip thrusts."));
        assertTrue(actions.contains("Core stability (curl-up, side bridge, bird-dog) and ankle and hip mobility."));
        assertTrue(actions.contains("Film sets from the side to check technique."));
    }

    @Test
    void theFiguresComeFromTheGuidanceNotFromTheCode() {
        CoachingGuidance tuned =
                new CoachingGuidance("2-3", "5-6", "4-0-1", "3-5", "60-70", 4, 7.5, "2", 48, 120, 8.5, 96, "30-40");
        NotificationComposer tunedComposer = new NotificationComposer(tuned);
        List<String> modify = tunedComposer
                .compose(triage(TriageCategory.MODIFY_TRAINING, List.of()))
                .recommendedActions();
        assertTrue(modify.get(0)
                .contains("squats 2-3 sets of 5-6 reps at a 4-0-1 tempo; deadlifts 3-5 reps a set at 60-70%"));
        assertTrue(modify.get(1).contains("until 4 consecutive")
                && modify.get(1).contains("RPE 7.5 or lower; then add 2%"));
        List<String> soreness = tunedComposer
                .compose(triage(TriageCategory.NORMAL_SORENESS, List.of()))
                .recommendedActions();
        assertTrue(soreness.get(1).contains("at least 8.5 h"));
        assertTrue(soreness.get(2).contains("after 48 h") && soreness.get(2).contains("after 120 h"));
        List<String> spacing = tunedComposer
                .compose(recovery(Action.SPACE_HEAVY_SESSIONS, false, null))
                .recommendedActions();
        assertEquals("Leave at least 96 h between heavy spinal sessions.", spacing.get(0));
        assertEquals("Cut this week's spinal volume-load by 30-40%.", spacing.get(1));
    }

    @Test
    void normalSorenessChangesNothingAndSaysWhenToReportAgain() {
        Notification n = composer.compose(triage(TriageCategory.NORMAL_SORENESS, List.of()));
        assertEquals(Severity.INFO, n.severity());
        assertEquals("No change to the program.", n.recommendedActions().get(0));
        assertEquals(
                "Recovery: sleep first (at least 7 h a night), keep moving.",
                n.recommendedActions().get(1));
        assertTrue(n.recommendedActions().get(2).contains("not improving after 72 h, or is still there after 168 h"));
        assertFalse(n.body().contains("Why:"), "no reasons, no 'why'");
    }

    @Test
    void aCheckInIsNamedAsSuchAndAMissingReportStillComposes() {
        TriageDecided fromCheckIn = new TriageDecided(
                "d-2",
                "a-1",
                TriageDecided.SourceKind.CHECK_IN,
                "c-7",
                1,
                null,
                TriageCategory.SEE_CLINICIAN,
                List.of(),
                DECIDED);
        assertTrue(composer.compose(fromCheckIn).body().startsWith("A pain report in check-in c-7 was triaged."));
    }

    @Test
    void aPauseUntilClearedSaysSoWithTheRestrictionsAndTheReason() {
        Notification n = composer.compose(recovery(Action.PAUSE_ALL_TRAINING, true, null));
        assertEquals("all training paused until a coach clears them", n.headline());
        assertEquals(
                "Program-planning paused all of the athlete's training until a coach clears them. "
                        + "Restrictions in force: HEAVY_SPINAL. Why: Pain report triaged SEE_CLINICIAN.",
                n.body());
        assertEquals("TRIAGE_SEE_CLINICIAN", n.reasons().get(0).code());
        assertEquals(
                "No training of any kind until a coach clears the athlete.",
                n.recommendedActions().get(0));
    }

    @Test
    void aSpinalPauseKeepsUpperBodyAndCoreWork() {
        Notification n = composer.compose(recovery(Action.PAUSE_SPINAL_LOADING, true, null));
        assertEquals("spinal loading paused until a coach clears them", n.headline());
        assertEquals(
                List.of(
                        "No squats, deadlifts or good mornings until the athlete is cleared.",
                        "Keep pain-free upper-body and core work.",
                        "Clear the athlete for spinal loading once a clinician has seen them."),
                n.recommendedActions());
    }

    @Test
    void spacingNamesTheEarliestNextHeavySession() {
        Instant earliest = Instant.parse("2026-11-26T18:30:12Z");
        Notification n = composer.compose(recovery(Action.SPACE_HEAVY_SESSIONS, false, earliest));
        assertEquals("next heavy spinal session not before 2026-11-26T18:30:00Z", n.headline());
        assertEquals(
                "Schedule the next heavy spinal session no earlier than 2026-11-26T18:30:00Z.",
                n.recommendedActions().get(0));
        assertTrue(n.recommendedActions()
                .contains("Sleep first: at least 7 h a night; no load increase while sleep is short."));
    }

    @Test
    void aClearanceLiftsThePauseAndRestatesTheGate() {
        Notification n = composer.compose(recovery(Action.CLEARED, true, null));
        assertEquals("cleared to train again", n.headline());
        assertTrue(n.body().startsWith("A coach cleared the athlete to train again."));
        assertTrue(n.recommendedActions().get(0).startsWith("Training may resume. No load increase until 3"));
    }

    @Test
    void theTitleFallsBackToTheAthleteIdWithoutAName() {
        Notification n = composer.compose(triage(TriageCategory.EMERGENCY, List.of()));
        assertEquals("a-1: red flag, stop training and seek medical care today", n.titleFor(null));
        assertEquals("a-1: red flag, stop training and seek medical care today", n.titleFor("  "));
    }

    @Test
    void anEventWithoutCategoryOrActionIsRefused() {
        TriageDecided noCategory = new TriageDecided(
                "d", "a-1", TriageDecided.SourceKind.SESSION, "s", 0, report(), null, List.of(), DECIDED);
        assertThrows(IllegalArgumentException.class, () -> composer.compose(noCategory));
        assertThrows(IllegalArgumentException.class, () -> composer.compose(recovery(null, false, null)));
    }

    private static RiskAssessed risk(RiskLevel level, RiskAssessed.Factor... factors) {
        return new RiskAssessed("a-1", level, List.of(factors), "s-1", DECIDED);
    }

    @Test
    void aRiskAssessmentIsWordedByTheKindOfEachFactor() {
        Notification n = composer.compose(risk(
                        RiskLevel.HIGH,
                        new RiskAssessed.Factor(
                                RiskFactor.ACWR_SPIKE, "Acute load well above chronic", Map.of("acwr", 1.62)),
                        new RiskAssessed.Factor(RiskFactor.VERY_SHORT_SLEEP, "Under 6 h of sleep", Map.of()),
                        new RiskAssessed.Factor(
                                RiskFactor.PATTERN_GOOD_MORNING_SQUAT,
                                "Good-morning squats in 2 of 3 sessions",
                                Map.of())))
                .orElseThrow();

        assertEquals(Severity.HIGH, n.severity());
        assertEquals("risk HIGH: acwr spike, very short sleep, pattern good morning squat", n.headline());
        assertEquals(
                List.of("ACWR_SPIKE", "VERY_SHORT_SLEEP", "PATTERN_GOOD_MORNING_SQUAT"),
                n.reasons().stream().map(Reason::code).toList());
        assertEquals(
                "Acute load well above chronic (acwr 1.62)", n.reasons().get(0).message());
        assertEquals(
                "Leave at least 72 h between heavy spinal sessions and cut this week's spinal volume-load by 20-30%.",
                n.recommendedActions().get(0));
        assertEquals(
                "Sleep first: at least 7 h a night; no load increase while sleep is short.",
                n.recommendedActions().get(1));
        assertTrue(n.recommendedActions().get(2).startsWith("Return to basics: squats 3-4 sets"));
    }

    @Test
    void triageFactorsFollowTheirCategoryAndALowRiskIsNoNews() {
        List<String> clinician = composer.compose(risk(
                        RiskLevel.HIGH,
                        new RiskAssessed.Factor(RiskFactor.TRIAGE_SEE_CLINICIAN, "Pain report triaged", Map.of()),
                        new RiskAssessed.Factor(
                                RiskFactor.HEAVY_SESSIONS_TOO_CLOSE, "Heavy sessions 30 h apart", Map.of()),
                        new RiskAssessed.Factor(RiskFactor.MONOTONY_HIGH, "Monotony 2.4", Map.of())))
                .orElseThrow()
                .recommendedActions();
        assertEquals(
                List.of(
                        "Follow the triage: no spinal loading until a clinician has seen the athlete.",
                        "Leave at least 72 h between heavy spinal sessions and cut this week's spinal volume-load by "
                                + "20-30%."),
                clinician,
                "each action once");
        Notification modify = composer.compose(risk(
                        RiskLevel.MODERATE,
                        new RiskAssessed.Factor(RiskFactor.TRIAGE_MODIFY_TRAINING, "Pain report triaged", Map.of())))
                .orElseThrow();
        assertEquals(Severity.INFO, modify.severity());
        assertTrue(modify.recommendedActions().get(0).startsWith("Return to basics"));
        assertEquals(
                Optional.empty(),
                composer.compose(
                        risk(RiskLevel.LOW, new RiskAssessed.Factor(RiskFactor.SHORT_SLEEP, "Under 7 h", Map.of()))));
    }
}
