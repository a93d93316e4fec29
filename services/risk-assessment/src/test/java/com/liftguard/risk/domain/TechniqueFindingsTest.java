package com.liftguard.risk.domain;

import static com.liftguard.risk.domain.Sets.faults;
import static com.liftguard.risk.domain.Sets.lean;
import static com.liftguard.risk.domain.Sets.limited;
import static com.liftguard.risk.domain.Sets.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.FindingType;
import com.liftguard.events.model.LimitingFactor;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.SetMetrics;
import com.liftguard.events.model.TechniqueFault;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TechniqueFindingsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T17:00:00Z");
    private final TechniqueFindings findings = new TechniqueFindings(FindingSettings.defaults());

    private List<FindingType> types(LoggedSet set) {
        return findings.ofSet(set, 0).stream()
                .map(TechniqueFindings.Finding::type)
                .toList();
    }

    /** The n-th most recent session (0 = current), with the given sets. */
    private TechniqueFindings.SessionFindings session(int ago, LoggedSet... sets) {
        return findings.ofSession("s-" + ago, T0.minusSeconds(86_400L * 3 * ago), List.of(sets));
    }

    private static final LoggedSet CLEAN = set(Exercise.BACK_SQUAT, 5, 100);
    private static final LoggedSet FLEXION = faults(Exercise.DEADLIFT, TechniqueFault.LUMBAR_FLEXION);

    @ParameterizedTest(name = "{0} tagged -> {1}")
    @CsvSource({
        "BACK_SQUAT, true",
        "FRONT_SQUAT, true",
        "SPLIT_SQUAT, false",
        "DEADLIFT, false",
        "GOOD_MORNING, false",
        "LEG_PRESS, false"
    })
    void aGoodMorningSquatIsASquatSetTaggedSo(Exercise exercise, boolean found) {
        assertEquals(
                found ? List.of(FindingType.GOOD_MORNING_SQUAT) : List.of(),
                types(faults(exercise, TechniqueFault.GOOD_MORNING_SQUAT)));
    }

    @Test
    void aGoodMorningSquatIsASquatSetWhoseTorsoLeanGrewBy15DegreesOrMore() {
        assertEquals(List.of(FindingType.GOOD_MORNING_SQUAT), types(lean(Exercise.BACK_SQUAT, 15)));
        assertEquals(List.of(), types(lean(Exercise.BACK_SQUAT, 14.9)));
        assertEquals(List.of(), types(lean(Exercise.DEADLIFT, 30)));
        assertEquals(
                List.of(),
                types(new LoggedSet(
                        Exercise.BACK_SQUAT,
                        null,
                        5,
                        100,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        new SetMetrics(null, 0.4))));
        TechniqueFindings.Finding f =
                findings.ofSet(lean(Exercise.FRONT_SQUAT, 18), 2).get(0);
        assertEquals("GOOD_MORNING_SQUAT", f.reason().code());
        assertEquals(
                List.of("exercise", "metrics.torsoLeanChangeDeg"), f.reason().fields());
        assertEquals(2, f.setIndex());
        assertTrue(
                f.reason().message().startsWith("Set 3 (front squat): a good-morning squat"),
                f.reason().message());
        assertTrue(f.reason().message().contains("18.0 deg"), f.reason().message());
    }

    @Test
    void taggedAndLeaningIsOneFindingReadingBothFields() {
        LoggedSet both = new LoggedSet(
                Exercise.BACK_SQUAT,
                null,
                5,
                100,
                null,
                null,
                null,
                null,
                null,
                List.of(TechniqueFault.GOOD_MORNING_SQUAT),
                new SetMetrics(20.0, null));
        List<TechniqueFindings.Finding> found = findings.ofSet(both, 0);
        assertEquals(1, found.size());
        assertEquals(
                List.of("exercise", "faults", "metrics.torsoLeanChangeDeg"),
                found.get(0).reason().fields());
    }

    @ParameterizedTest(name = "{0} limited by the lower back -> {1}")
    @CsvSource({
        "BACK_SQUAT, true",
        "FRONT_SQUAT, true",
        "DEADLIFT, true",
        "ROMANIAN_DEADLIFT, true",
        "GOOD_MORNING, false",
        "SPLIT_SQUAT, false",
        "LEG_PRESS, false",
        "HIP_THRUST, false"
    })
    void backLimitedLiftingIsASquatOrDeadliftSetEndedByTheLowerBack(Exercise exercise, boolean found) {
        assertEquals(
                found ? List.of(FindingType.BACK_LIMITED) : List.of(),
                types(limited(exercise, LimitingFactor.LOWER_BACK)));
    }

    @ParameterizedTest
    @EnumSource(value = LimitingFactor.class, names = "LOWER_BACK", mode = EnumSource.Mode.EXCLUDE)
    void otherLimitingFactorsAreNoFinding(LimitingFactor factor) {
        assertEquals(List.of(), types(limited(Exercise.DEADLIFT, factor)));
    }

    @ParameterizedTest
    @EnumSource(value = TechniqueFault.class, names = "GOOD_MORNING_SQUAT", mode = EnumSource.Mode.EXCLUDE)
    void bracingAndPostureFaultsAreFindingsOnAnyExercise(TechniqueFault fault) {
        for (Exercise exercise : Exercise.values()) {
            List<TechniqueFindings.Finding> found = findings.ofSet(faults(exercise, fault), 0);
            assertEquals(1, found.size());
            assertEquals(fault.name(), found.get(0).type().name());
            assertEquals(fault.name(), found.get(0).reason().code());
            assertEquals(List.of("faults"), found.get(0).reason().fields());
        }
    }

    @Test
    void oneSetCanHaveSeveralFindings() {
        LoggedSet set = new LoggedSet(
                Exercise.BACK_SQUAT,
                null,
                5,
                100,
                null,
                null,
                null,
                null,
                LimitingFactor.LOWER_BACK,
                List.of(TechniqueFault.BAR_DRIFT, TechniqueFault.LOST_BRACE, TechniqueFault.GOOD_MORNING_SQUAT),
                null);
        assertEquals(
                List.of(
                        FindingType.GOOD_MORNING_SQUAT,
                        FindingType.BACK_LIMITED,
                        FindingType.LOST_BRACE,
                        FindingType.BAR_DRIFT),
                types(set));
    }

    @Test
    void aSessionCountsTheSetsOfEachFinding() {
        TechniqueFindings.SessionFindings s =
                session(0, FLEXION, CLEAN, FLEXION, limited(Exercise.BACK_SQUAT, LimitingFactor.LOWER_BACK));
        assertEquals(Map.of(FindingType.LUMBAR_FLEXION, 2, FindingType.BACK_LIMITED, 1), s.setCounts());
        assertEquals(
                List.of(0, 2, 3),
                s.findings().stream().map(TechniqueFindings.Finding::setIndex).toList());
        assertEquals(0, s.setCount(FindingType.BAR_DRIFT));
    }

    @Test
    void twoSetsOfOneSessionAreAPattern() {
        List<TechniqueFindings.Pattern> patterns = findings.patterns(List.of(session(0, FLEXION, CLEAN, FLEXION)));
        assertEquals(1, patterns.size());
        TechniqueFindings.Pattern p = patterns.get(0);
        assertEquals(FindingType.LUMBAR_FLEXION, p.type());
        assertEquals(2, p.maxSetsInOneSession());
        assertEquals(1, p.sessionsWithFinding());
        assertEquals("PATTERN_LUMBAR_FLEXION", p.reason().code());
        assertEquals(List.of("faults"), p.reason().fields());
        assertTrue(
                p.reason().message().contains("in 2 sets of one session"),
                p.reason().message());
    }

    @Test
    void oneSetInOneSessionIsNoPattern() {
        assertTrue(findings.patterns(List.of(session(0, FLEXION, CLEAN), session(1, CLEAN), session(2, CLEAN)))
                .isEmpty());
    }

    @Test
    void oneSetInTwoOfTheLastThreeSessionsIsAPattern() {
        List<TechniqueFindings.Pattern> patterns =
                findings.patterns(List.of(session(2, FLEXION), session(0, FLEXION, CLEAN), session(1, CLEAN)));
        assertEquals(1, patterns.size());
        assertEquals(2, patterns.get(0).sessionsWithFinding());
        assertEquals(3, patterns.get(0).sessionsConsidered());
        assertEquals(List.of("s-0", "s-2"), patterns.get(0).sessionIds());
        assertTrue(patterns.get(0).reason().message().contains("in 2 of the last 3 sessions"));
    }

    @Test
    void sessionsOlderThanTheLastThreeAreIgnored() {
        assertTrue(findings.patterns(
                        List.of(session(0, FLEXION), session(1, CLEAN), session(2, CLEAN), session(3, FLEXION)))
                .isEmpty());
        assertTrue(findings.patterns(
                        List.of(session(0, CLEAN), session(1, CLEAN), session(2, CLEAN), session(3, FLEXION, FLEXION)))
                .isEmpty());
    }

    @Test
    void twoSetsInAnEarlierSessionOfTheWindowStillCount() {
        List<TechniqueFindings.Pattern> patterns =
                findings.patterns(List.of(session(0, CLEAN), session(1, CLEAN), session(2, FLEXION, FLEXION)));
        assertEquals(
                List.of(FindingType.LUMBAR_FLEXION),
                patterns.stream().map(TechniqueFindings.Pattern::type).toList());
    }

    @Test
    void withOnlyTwoSessionsKnownBothShowingItIsAPattern() {
        assertEquals(
                1,
                findings.patterns(List.of(session(0, FLEXION), session(1, FLEXION)))
                        .size());
        assertTrue(findings.patterns(List.of()).isEmpty());
    }

    @Test
    void bothRulesAtOnceAreNamedInTheMessage() {
        LoggedSet gms = lean(Exercise.BACK_SQUAT, 20);
        TechniqueFindings.Pattern p = findings.patterns(List.of(session(0, gms, gms, gms), session(1, gms)))
                .get(0);
        assertEquals(3, p.maxSetsInOneSession());
        assertTrue(
                p.reason().message().contains("in 3 sets of one session and in 2 of the last 2 sessions"),
                p.reason().message());
    }
}
