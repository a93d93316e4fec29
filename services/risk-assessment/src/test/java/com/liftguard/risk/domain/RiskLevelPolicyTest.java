package com.liftguard.risk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.RiskAssessed.Factor;
import com.liftguard.events.model.FindingType;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.risk.domain.HeavySessions.HeavySession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskLevelPolicyTest {

    private final RiskLevelPolicy policy = new RiskLevelPolicy(RiskLevelSettings.defaults(), LoadSettings.defaults());

    private static final LoadFigures CALM = load(400, 400, AcwrStatus.NORMAL, 1.2, false);
    private static final LoadFigures SPIKE = load(800, 500, AcwrStatus.SPIKE, 1.2, false);
    private static final LoadFigures MONOTONOUS = load(400, 400, AcwrStatus.NORMAL, 2.5, true);
    private static final LoadFigures BOTH = load(800, 500, AcwrStatus.SPIKE, 2.5, true);
    private static final SpacingCheck.TooClose CLOSE = new SpacingCheck(RecoverySettings.defaults())
            .tooClose(List.of(
                    new HeavySession("a", Instant.parse("2024-05-01T17:00:00Z"), false),
                    new HeavySession("b", Instant.parse("2024-05-02T17:00:00Z"), false)))
            .get(0);
    private static final SleepCheck.Result SHORT = sleep(6.5);
    private static final SleepCheck.Result VERY_SHORT = sleep(5.5);
    private static final TechniqueFindings.Pattern PATTERN = new TechniqueFindings.Pattern(
            FindingType.LUMBAR_FLEXION,
            2,
            1,
            3,
            List.of("s1"),
            new Reason("PATTERN_LUMBAR_FLEXION", "Recurring lumbar flexion.", List.of("faults")));

    private static LoadFigures load(double acute, double chronic, AcwrStatus status, double monotony, boolean high) {
        return new LoadFigures(
                LocalDate.of(2024, 5, 2),
                acute,
                chronic,
                acute / chronic,
                status,
                2800,
                2800,
                0.0,
                monotony,
                2800 * monotony,
                high);
    }

    private static SleepCheck.Result sleep(double hours) {
        return new SleepCheck(SleepSettings.defaults())
                .assess(List.of(new SleepCheck.SleepReport(Instant.parse("2024-05-01T07:00:00Z"), hours)));
    }

    private RiskLevelPolicy.Assessment assess(
            TriageCategory triage,
            List<TechniqueFindings.Pattern> patterns,
            LoadFigures load,
            List<SpacingCheck.TooClose> close,
            SleepCheck.Result sleep) {
        return policy.assess(new RiskLevelPolicy.Inputs(triage, patterns, load, close, sleep));
    }

    private static List<String> codes(RiskLevelPolicy.Assessment a) {
        return a.factors().stream().map(f -> f.code().name()).toList();
    }

    @Test
    void nothingFoundIsLowWithNoFactors() {
        RiskLevelPolicy.Assessment a = assess(null, null, CALM, null, sleep(8));
        assertEquals(RiskLevel.LOW, a.level());
        assertEquals(List.of(), a.factors());
        assertEquals(RiskLevel.LOW, assess(null, null, null, null, null).level());
    }

    @ParameterizedTest(name = "triage {0} -> {1}")
    @CsvSource({
        "EMERGENCY, CRITICAL, TRIAGE_EMERGENCY",
        "SEE_CLINICIAN, HIGH, TRIAGE_SEE_CLINICIAN",
        "MODIFY_TRAINING, MODERATE, TRIAGE_MODIFY_TRAINING"
    })
    void theActiveTriageSetsAFloor(TriageCategory triage, RiskLevel level, String code) {
        RiskLevelPolicy.Assessment a = assess(triage, null, CALM, null, null);
        assertEquals(level, a.level());
        assertEquals(List.of(code), codes(a));
    }

    @Test
    void normalSorenessAddsNothing() {
        RiskLevelPolicy.Assessment a = assess(TriageCategory.NORMAL_SORENESS, null, CALM, null, null);
        assertEquals(RiskLevel.LOW, a.level());
        assertEquals(List.of(), a.factors());
    }

    @Test
    void anAcwrSpikeAloneIsModerateAndShowsTheRawLoads() {
        RiskLevelPolicy.Assessment a = assess(null, null, SPIKE, null, null);
        assertEquals(RiskLevel.MODERATE, a.level());
        Factor f = a.factors().get(0);
        assertEquals(RiskFactor.ACWR_SPIKE, f.code());
        assertEquals(Map.of("acute", 800.0, "chronic", 500.0, "acwr", 1.6, "spikeThreshold", 1.5), f.figures());
        assertTrue(f.message().contains("1.60 (acute 800, chronic 500)"), f.message());
        assertTrue(f.message().contains("not an injury prediction"), f.message());
    }

    @Test
    void highMonotonyAloneIsModerate() {
        RiskLevelPolicy.Assessment a = assess(null, null, MONOTONOUS, null, null);
        assertEquals(RiskLevel.MODERATE, a.level());
        assertEquals(
                Map.of("monotony", 2.5, "weeklyLoad", 2800.0, "strain", 7000.0, "monotonyThreshold", 2.0),
                a.factors().get(0).figures());
    }

    @Test
    void heavySessionsTooCloseAloneAreModerate() {
        RiskLevelPolicy.Assessment a = assess(null, null, null, List.of(CLOSE, CLOSE), null);
        assertEquals(RiskLevel.MODERATE, a.level());
        assertEquals(List.of("HEAVY_SESSIONS_TOO_CLOSE"), codes(a));
        assertEquals(
                Map.of("pairs", 2.0, "hoursBetween", 24.0, "minimumHours", 48.0),
                a.factors().get(0).figures());
    }

    @Test
    void shortSleepIsModerateAndVeryShortSleepCountsAsTwoFactors() {
        RiskLevelPolicy.Assessment shortSleep = assess(null, null, null, null, SHORT);
        assertEquals(RiskLevel.MODERATE, shortSleep.level());
        assertEquals(
                Map.of("meanSleepHours", 6.5, "reports", 1.0),
                shortSleep.factors().get(0).figures());
        RiskLevelPolicy.Assessment veryShort = assess(null, null, null, null, VERY_SHORT);
        assertEquals(RiskLevel.HIGH, veryShort.level());
        assertEquals(List.of("VERY_SHORT_SLEEP"), codes(veryShort));
    }

    @Test
    void twoLoadOrRecoveryFactorsAtOnceAreHigh() {
        assertEquals(RiskLevel.HIGH, assess(null, null, BOTH, null, null).level());
        assertEquals(
                RiskLevel.HIGH, assess(null, null, SPIKE, List.of(CLOSE), null).level());
        assertEquals(RiskLevel.HIGH, assess(null, null, MONOTONOUS, null, SHORT).level());
        assertEquals(
                RiskLevel.HIGH, assess(null, null, null, List.of(CLOSE), SHORT).level());
    }

    @Test
    void aTechniquePatternAloneIsModerateAndWithALoadFactorHigh() {
        RiskLevelPolicy.Assessment alone = assess(null, List.of(PATTERN), CALM, null, null);
        assertEquals(RiskLevel.MODERATE, alone.level());
        assertEquals(List.of("PATTERN_LUMBAR_FLEXION"), codes(alone));
        assertEquals(
                Map.of("maxSetsInOneSession", 2.0, "sessionsWithFinding", 1.0, "sessionsConsidered", 3.0),
                alone.factors().get(0).figures());
        assertEquals(
                RiskLevel.MODERATE,
                assess(null, List.of(PATTERN, PATTERN), null, null, null).level());
        assertEquals(
                RiskLevel.HIGH,
                assess(null, List.of(PATTERN), SPIKE, null, null).level());
        assertEquals(
                RiskLevel.HIGH,
                assess(null, List.of(PATTERN), null, List.of(CLOSE), null).level());
        assertEquals(
                RiskLevel.HIGH,
                assess(null, List.of(PATTERN), null, null, SHORT).level());
    }

    @Test
    void aPatternWithLoadCanBeTunedDownToModerate() {
        RiskLevelPolicy lenient = new RiskLevelPolicy(new RiskLevelSettings(2, 1, 2, false), LoadSettings.defaults());
        assertEquals(
                RiskLevel.MODERATE,
                lenient.assess(new RiskLevelPolicy.Inputs(null, List.of(PATTERN), SPIKE, null, null))
                        .level());
    }

    @Test
    void anEmergencyOutranksEverythingAndFactorsComeMostSevereFirst() {
        RiskLevelPolicy.Assessment a =
                assess(TriageCategory.EMERGENCY, List.of(PATTERN), BOTH, List.of(CLOSE), VERY_SHORT);
        assertEquals(RiskLevel.CRITICAL, a.level());
        assertEquals(
                List.of(
                        "TRIAGE_EMERGENCY",
                        "ACWR_SPIKE",
                        "MONOTONY_HIGH",
                        "HEAVY_SESSIONS_TOO_CLOSE",
                        "VERY_SHORT_SLEEP",
                        "PATTERN_LUMBAR_FLEXION"),
                codes(a));
    }

    @Test
    void modifyTrainingWithALoadFactorIsStillModerate() {
        assertEquals(
                RiskLevel.MODERATE,
                assess(TriageCategory.MODIFY_TRAINING, null, SPIKE, null, null).level());
    }
}
