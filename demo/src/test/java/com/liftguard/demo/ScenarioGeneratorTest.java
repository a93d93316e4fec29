package com.liftguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.liftguard.demo.Payloads.Exercise;
import com.liftguard.demo.Payloads.Fault;
import com.liftguard.demo.Payloads.LimitingFactor;
import com.liftguard.demo.Payloads.Onset;
import com.liftguard.demo.Payloads.PainReport;
import com.liftguard.demo.Payloads.Quality;
import com.liftguard.demo.Payloads.RosterEntry;
import com.liftguard.demo.Payloads.Session;
import com.liftguard.demo.Payloads.Side;
import com.liftguard.demo.Payloads.Timed;
import com.liftguard.demo.Payloads.Trend;
import com.liftguard.demo.Payloads.Wellness;
import com.liftguard.demo.Payloads.WorkSet;
import com.liftguard.demo.ScenarioGenerator.Athlete;
import com.liftguard.demo.ScenarioGenerator.Config;
import com.liftguard.demo.ScenarioGenerator.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant END_OF_TODAY =
            TODAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Scenario eightWeeks() {
        return ScenarioGenerator.generate(new Config(40, 8, 4, 42, TODAY, END_OF_TODAY));
    }

    static Stream<Arguments> configs() {
        return Stream.of(
                Arguments.of(new Config(40, 8, 4, 42, TODAY, END_OF_TODAY)),
                Arguments.of(new Config(12, 4, 4, 42, TODAY, TODAY.atTime(9, 30).toInstant(ZoneOffset.UTC))),
                Arguments.of(new Config(7, 1, 1, 3, TODAY, TODAY.atStartOfDay().toInstant(ZoneOffset.UTC))),
                Arguments.of(new Config(55, 26, 6, -9, TODAY, END_OF_TODAY)));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void everyRequestMeetsTheIngestionContract(Config config) throws Exception {
        Scenario scenario = ScenarioGenerator.generate(config);
        ContractCheck check = new ContractCheck();
        for (Athlete a : scenario.athletes()) {
            check.roster(a.id(), JSON.readTree(JSON.writeValueAsBytes(new RosterEntry(a.displayName(), a.coachIds()))));
            assertTrue(scenario.coachIds().containsAll(a.coachIds()));
            assertTrue(a.coachIds().size() == 1 || a.coachIds().size() == 2);
        }
        // the batches as the simulator cuts them: runs of one kind, at most 500
        List<Timed> timeline = scenario.timeline();
        int i = 0;
        while (i < timeline.size()) {
            boolean sessions = timeline.get(i).isSession();
            List<Object> batch = new ArrayList<>();
            while (i < timeline.size() && timeline.get(i).isSession() == sessions && batch.size() < 500) {
                Timed t = timeline.get(i++);
                batch.add(sessions ? t.session() : t.checkIn());
            }
            check.batch(JSON.readTree(JSON.writeValueAsBytes(batch)), sessions);
        }
        assertEquals(List.of(), check.errors().stream().limit(20).toList());

        Set<String> ids = new HashSet<>();
        Instant previous = Instant.MIN;
        Instant earliest = config.firstDay().minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Timed t : timeline) {
            assertTrue(ids.add((t.isSession() ? "s:" : "c:") + t.id()), "unique id " + t.id());
            assertFalse(t.at().isBefore(previous), "chronological");
            assertFalse(t.at().isAfter(config.notAfter()), "nothing in the future");
            assertTrue(t.at().isAfter(earliest));
            String stamp =
                    t.isSession() ? t.session().performedAt() : t.checkIn().reportedAt();
            assertEquals(t.at(), OffsetDateTime.parse(stamp).toInstant());
            previous = t.at();
        }
        assertTrue(scenario.sessions() > 0);
    }

    @Test
    void sameSeedSameStreamOtherSeedAnother() throws Exception {
        String a = JSON.writeValueAsString(payloads(eightWeeks()));
        String b = JSON.writeValueAsString(payloads(eightWeeks()));
        String c = JSON.writeValueAsString(
                payloads(ScenarioGenerator.generate(new Config(40, 8, 4, 43, TODAY, END_OF_TODAY))));
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    private static List<Object> payloads(Scenario s) {
        List<Object> all = new ArrayList<>();
        s.athletes()
                .forEach(a -> all.add(List.of(
                        a.id(),
                        a.displayName(),
                        a.coachIds(),
                        a.archetype(),
                        a.offset().getId())));
        s.timeline().forEach(t -> all.add(t.isSession() ? t.session() : t.checkIn()));
        return all;
    }

    @Test
    void everyArchetypeFromSevenAthletesOnAndEveryCoachHasAthletes() {
        Scenario s = ScenarioGenerator.generate(new Config(7, 2, 3, 1, TODAY, END_OF_TODAY));
        assertTrue(
                s.archetypeCounts().values().stream().allMatch(n -> n > 0),
                s.archetypeCounts().toString());
        for (String coach : s.coachIds()) {
            assertTrue(s.athletes().stream().anyMatch(a -> a.coachIds().contains(coach)), coach);
        }
        Map<Archetype, Integer> forty = eightWeeks().archetypeCounts();
        assertTrue(forty.get(Archetype.HEALTHY) >= forty.get(Archetype.LOAD_SPIKER));
    }

    @Test
    void healthyProgressionTriggersNothing() {
        Scenario s = eightWeeks();
        for (Athlete a : of(s, Archetype.HEALTHY)) {
            List<Session> sessions = sessions(s, a);
            Map<Long, Integer> perWeek = new TreeMap<>();
            for (Session x : sessions) {
                perWeek.merge(ChronoUnit.DAYS.between(s.config().firstDay(), localDate(x)) / 7, 1, Integer::sum);
            }
            perWeek.values().forEach(n -> assertTrue(n >= 3 && n <= 4, a.id() + " sessions a week " + perWeek));
            for (Session x : sessions) {
                for (WorkSet set : x.sets()) {
                    Double rpe = set.effectiveRpe();
                    assertTrue(rpe != null && rpe >= 6 && rpe <= 8, a.id() + " RPE " + rpe);
                    assertTrue(set.faults() == null && set.limitingFactor() != LimitingFactor.LOWER_BACK);
                }
                assertTrue(x.sessionRpe() >= 5 && x.sessionRpe() <= 8);
            }
            assertTrue(sleepHours(s, a).stream().allMatch(h -> h >= 7), a.id() + " sleeps");
            for (PainReport r : reports(s, a)) {
                assertEquals("NORMAL_SORENESS", triage(r), a.id() + " " + r);
            }
            assertEquals(List.of(), tooClose(sessions), a.id() + " heavy sessions too close");
            // never a spike (> 1.5) on any day once the ratio exists; the weekly rhythm moves it around 1
            for (LocalDate day = TODAY.minusDays(20); !day.isAfter(TODAY); day = day.plusDays(1)) {
                Double acwr = acwr(sessions, day);
                assertTrue(acwr != null && acwr > 0.5 && acwr <= 1.45, a.id() + " ACWR " + acwr + " on " + day);
                assertTrue(monotony(sessions, day) <= 2, a.id() + " monotony on " + day);
            }
            assertTrue(
                    topLoad(sessions.subList(sessions.size() - 4, sessions.size()), Exercise.BACK_SQUAT)
                            > topLoad(sessions.subList(0, 4), Exercise.BACK_SQUAT),
                    a.id() + " loads rise");
        }
    }

    @Test
    void goodMorningSquatterShowsTheTechniquePattern() {
        Scenario s = eightWeeks();
        List<Athlete> athletes = of(s, Archetype.GOOD_MORNING_SQUATTER);
        assertFalse(athletes.isEmpty());
        for (Athlete a : athletes) {
            List<Session> squatSessions = sessions(s, a).stream()
                    .filter(x ->
                            x.sets().stream().anyMatch(set -> set.exercise().squat()))
                    .toList();
            long patterned =
                    squatSessions.stream().filter(x -> goodMorningSets(x) >= 2).count();
            assertTrue(patterned >= squatSessions.size() / 2, a.id() + " " + patterned + " of " + squatSessions.size());
            assertTrue(goodMorningSets(squatSessions.get(squatSessions.size() - 1)) >= 2, a.id() + " last session");
            assertTrue(goodMorningSets(squatSessions.get(squatSessions.size() - 2)) >= 2, a.id() + " 2 of last 3");
            assertTrue(
                    sessions(s, a).stream()
                            .flatMap(x -> x.sets().stream())
                            .anyMatch(set -> (set.exercise().squat() || set.exercise() == Exercise.DEADLIFT)
                                    && set.limitingFactor() == LimitingFactor.LOWER_BACK),
                    a.id() + " back-limited");
            assertTrue(reports(s, a).stream().anyMatch(r -> triage(r).equals("MODIFY_TRAINING")), a.id());
        }
    }

    @Test
    void loadSpikerLastWeekIsASpike() {
        Scenario s = eightWeeks();
        List<Athlete> athletes = of(s, Archetype.LOAD_SPIKER);
        assertFalse(athletes.isEmpty());
        for (Athlete a : athletes) {
            List<Session> sessions = sessions(s, a);
            Map<LocalDate, Double> daily = dailyLoads(sessions);
            LocalDate first = daily.keySet().iterator().next();
            LocalDate spikeStart = TODAY.minusDays(6);
            double earlier = 0;
            long earlierDays = ChronoUnit.DAYS.between(first, spikeStart);
            double lastWeek = 0;
            for (Map.Entry<LocalDate, Double> e : daily.entrySet()) {
                if (e.getKey().isBefore(spikeStart)) {
                    earlier += e.getValue();
                } else {
                    lastWeek += e.getValue();
                }
            }
            double earlierMean = earlier / earlierDays;
            double lastMean = lastWeek / 7;
            assertTrue(lastMean > 1.5 * earlierMean, a.id() + " " + lastMean + " vs " + earlierMean);
            Double acwr = acwr(sessions, TODAY);
            assertTrue(acwr != null && acwr > 1.5, a.id() + " ACWR " + acwr);
            assertTrue(acwr(sessions, TODAY.minusDays(7)) < 1.3, a.id() + " steady before");
            assertTrue(monotony(sessions, TODAY) > 2, a.id() + " monotony");
        }
    }

    @Test
    void tooCloseAthleteHasHeavySessionsWithoutRecovery() {
        Scenario s = eightWeeks();
        List<Athlete> athletes = of(s, Archetype.TOO_CLOSE);
        assertFalse(athletes.isEmpty());
        Instant lastWeek = TODAY.minusDays(6).atStartOfDay().toInstant(ZoneOffset.UTC);
        for (Athlete a : athletes) {
            List<String> close = tooClose(sessions(s, a).stream()
                    .filter(x ->
                            !OffsetDateTime.parse(x.performedAt()).toInstant().isBefore(lastWeek))
                    .toList());
            assertTrue(close.stream().anyMatch(c -> c.startsWith("48h")), a.id() + " " + close);
            assertTrue(close.stream().anyMatch(c -> c.startsWith("72h")), a.id() + " " + close);
            assertTrue(sessions(s, a).stream()
                    .flatMap(x -> x.sets().stream())
                    .anyMatch(set -> set.exercise() == Exercise.DEADLIFT && set.effectiveRpe() >= 10));
        }
    }

    @Test
    void shortSleeperSleepsUnderSevenHours() {
        Scenario s = eightWeeks();
        List<Athlete> athletes = of(s, Archetype.SHORT_SLEEPER);
        assertFalse(athletes.isEmpty());
        for (Athlete a : athletes) {
            List<Double> hours = sleepHours(s, a);
            assertTrue(hours.size() >= 8 * 3);
            assertTrue(hours.stream().allMatch(h -> h >= 5 && h <= 6.5), a.id() + " " + hours);
            double lastThree = hours.subList(hours.size() - 3, hours.size()).stream()
                    .mapToDouble(h -> h)
                    .average()
                    .orElseThrow();
            assertTrue(lastThree < 7);
            assertTrue(hours.stream().anyMatch(h -> h < 6));
        }
    }

    @Test
    void redFlagReporterEndsWithAnEmergency() {
        Scenario s = eightWeeks();
        List<Athlete> athletes = of(s, Archetype.RED_FLAG);
        assertFalse(athletes.isEmpty());
        for (Athlete a : athletes) {
            List<Timed> stream = s.of(a.id());
            Timed emergency = stream.stream()
                    .filter(t -> pain(t).stream().anyMatch(r -> triage(r).equals("EMERGENCY")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(a.id() + " has no red flag"));
            PainReport r = pain(emergency).get(0);
            assertTrue(Boolean.TRUE.equals(r.saddleNumbness())
                    || (Boolean.TRUE.equals(r.legWeakness()) && r.trend() == Trend.WORSENING));
            assertTrue(
                    emergency.at().isAfter(TODAY.minusDays(7).atStartOfDay().toInstant(ZoneOffset.UTC)),
                    "near the end");
            assertTrue(stream.stream()
                            .filter(t ->
                                    pain(t).stream().anyMatch(p -> triage(p).equals("EMERGENCY")))
                            .count()
                    == 1);
            assertTrue(
                    stream.stream().noneMatch(t -> t.isSession() && t.at().isAfter(emergency.at())),
                    "no training after it");
            assertTrue(
                    stream.stream()
                            .anyMatch(t -> t.at().isBefore(emergency.at())
                                    && pain(t).stream().anyMatch(p -> triage(p).equals("SEE_CLINICIAN"))),
                    "a warning before");
        }
        // both kinds of red flag appear
        Set<String> kinds = new HashSet<>();
        ScenarioGenerator.generate(new Config(20, 2, 2, 5, TODAY, END_OF_TODAY)).timeline().stream()
                .flatMap(t -> pain(t).stream())
                .filter(PainReport::redFlag)
                .forEach(p -> kinds.add(Boolean.TRUE.equals(p.saddleNumbness()) ? "saddle" : "legWeakness"));
        assertEquals(Set.of("saddle", "legWeakness"), kinds);
    }

    @Test
    void sorenessStaysNormalAndNeverFollowsThreeOfFourSpinalSessions() {
        Scenario s = eightWeeks();
        long soreness = 0;
        for (Athlete a : s.athletes()) {
            if (a.archetype() == Archetype.RED_FLAG || a.archetype() == Archetype.GOOD_MORNING_SQUATTER) {
                continue;
            }
            List<Boolean> soreAfterSpinal = new ArrayList<>();
            for (Timed t : s.of(a.id())) {
                if (t.isSession()
                        && t.session().sets().stream()
                                .anyMatch(x -> x.exercise().spinal())) {
                    soreAfterSpinal.add(false);
                } else if (!pain(t).isEmpty() && !soreAfterSpinal.isEmpty()) {
                    assertEquals("NORMAL_SORENESS", triage(pain(t).get(0)), a.id());
                    soreAfterSpinal.set(soreAfterSpinal.size() - 1, true);
                    soreness++;
                }
                int n = soreAfterSpinal.size();
                if (n >= 4) {
                    assertTrue(
                            soreAfterSpinal.subList(n - 4, n).stream()
                                            .filter(b -> b)
                                            .count()
                                    < 3,
                            a.id());
                }
            }
        }
        assertTrue(soreness > 0, "some normal soreness");
    }

    // ---- docs/rules.md, restated for the test --------------------------------------------------------------------

    private static List<Athlete> of(Scenario s, Archetype archetype) {
        return s.athletes().stream().filter(a -> a.archetype() == archetype).toList();
    }

    private static List<Session> sessions(Scenario s, Athlete a) {
        return s.of(a.id()).stream()
                .filter(Timed::isSession)
                .map(Timed::session)
                .toList();
    }

    private static List<PainReport> pain(Timed t) {
        List<PainReport> r =
                t.isSession() ? t.session().painReports() : t.checkIn().painReports();
        return r == null ? List.of() : r;
    }

    private static List<PainReport> reports(Scenario s, Athlete a) {
        return s.of(a.id()).stream().flatMap(t -> pain(t).stream()).toList();
    }

    private static List<Double> sleepHours(Scenario s, Athlete a) {
        return s.of(a.id()).stream()
                .map(t -> t.isSession() ? t.session().wellness() : t.checkIn().wellness())
                .filter(w -> w != null && w.sleepHours() != null)
                .map(Wellness::sleepHours)
                .toList();
    }

    private static LocalDate localDate(Session x) {
        return OffsetDateTime.parse(x.performedAt()).toLocalDate();
    }

    private static long goodMorningSets(Session x) {
        return x.sets().stream()
                .filter(set -> set.exercise().squat())
                .filter(set -> (set.faults() != null && set.faults().contains(Fault.GOOD_MORNING_SQUAT))
                        || (set.metrics() != null
                                && set.metrics().torsoLeanChangeDeg() != null
                                && set.metrics().torsoLeanChangeDeg() >= 15))
                .count();
    }

    private static double topLoad(List<Session> sessions, Exercise exercise) {
        return sessions.stream()
                .flatMap(x -> x.sets().stream())
                .filter(set -> set.exercise() == exercise)
                .mapToDouble(WorkSet::loadKg)
                .max()
                .orElse(0);
    }

    /** Section 2, without the history-based rule. */
    static String triage(PainReport r) {
        if (r.redFlag()) {
            return "EMERGENCY";
        }
        boolean see = Stream.of(
                                r.radiatesBelowKnee(),
                                r.numbnessOrTingling(),
                                r.legWeakness(),
                                r.worseAtNightOrRest(),
                                r.fever(),
                                r.followingTrauma(),
                                r.unexplainedWeightLoss())
                        .anyMatch(Boolean.TRUE::equals)
                || r.intensity() >= 7
                || ((r.quality() == Quality.SHARP || r.quality() == Quality.SHOOTING) && r.onset() == Onset.DURING_SET)
                || (r.hoursSinceOnset() > 72 && r.trend() != Trend.IMPROVING)
                || r.hoursSinceOnset() > 168;
        if (see) {
            return "SEE_CLINICIAN";
        }
        boolean modify = r.onset() == Onset.DURING_SET
                || r.intensity() >= 4
                || r.side() == Side.LEFT
                || r.side() == Side.RIGHT
                || r.quality() == Quality.SHARP
                || r.quality() == Quality.SHOOTING
                || r.quality() == Quality.BURNING;
        return modify ? "MODIFY_TRAINING" : "NORMAL_SORENESS";
    }

    private static Map<LocalDate, Double> dailyLoads(List<Session> sessions) {
        Map<LocalDate, Double> daily = new TreeMap<>();
        sessions.forEach(x -> daily.merge(localDate(x), x.sessionRpe() * x.durationMinutes(), Double::sum));
        return daily;
    }

    /** Section 4: EWMA acute / chronic, null before 28 days of history or with chronic load under 1. */
    private static Double acwr(List<Session> sessions, LocalDate asOf) {
        Map<LocalDate, Double> daily = dailyLoads(sessions);
        LocalDate first = daily.keySet().iterator().next();
        double acute = 0;
        double chronic = 0;
        for (LocalDate d = first; !d.isAfter(asOf); d = d.plusDays(1)) {
            double load = daily.getOrDefault(d, 0.0);
            acute = 0.25 * load + 0.75 * acute;
            chronic = 2.0 / 29 * load + (1 - 2.0 / 29) * chronic;
        }
        if (ChronoUnit.DAYS.between(first, asOf) < 28 || chronic < 1) {
            return null;
        }
        return acute / chronic;
    }

    private static double monotony(List<Session> sessions, LocalDate asOf) {
        Map<LocalDate, Double> daily = dailyLoads(sessions);
        double[] week = new double[7];
        for (int i = 0; i < 7; i++) {
            week[i] = daily.getOrDefault(asOf.minusDays(i), 0.0);
        }
        double mean = Arrays.stream(week).average().orElseThrow();
        double sd = Math.sqrt(
                Arrays.stream(week).map(v -> (v - mean) * (v - mean)).average().orElseThrow());
        return sd == 0 ? Double.NaN : mean / sd;
    }

    /**
     * Section 4: heavy spinal sessions (a spinal set at RPE >= 8 or >= 80% of the exercise's e1RM over the last 42
     * days) less than 48 h apart, or 72 h after one with RPE 10; each as "48h ..." or "72h ...".
     */
    private static List<String> tooClose(List<Session> sessions) {
        List<Session> heavy = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            Session x = sessions.get(i);
            Instant at = OffsetDateTime.parse(x.performedAt()).toInstant();
            boolean isHeavy = false;
            for (WorkSet set : x.sets()) {
                if (!set.exercise().spinal()) {
                    continue;
                }
                Double rpe = set.effectiveRpe();
                if (rpe != null && rpe >= 8) {
                    isHeavy = true;
                }
                double best = 0;
                for (Session y : sessions.subList(0, i + 1)) {
                    Instant yAt = OffsetDateTime.parse(y.performedAt()).toInstant();
                    if (Duration.between(yAt, at).toDays() > 42) {
                        continue;
                    }
                    for (WorkSet z : y.sets()) {
                        if (z.exercise() == set.exercise() && z.effectiveRpe() != null && z.reps() <= 12) {
                            best = Math.max(
                                    best, z.loadKg() / ScenarioGenerator.percentOf1rm(z.reps(), z.effectiveRpe()));
                        }
                    }
                }
                if (best > 0 && set.loadKg() >= 0.8 * best) {
                    isHeavy = true;
                }
            }
            if (isHeavy) {
                heavy.add(x);
            }
        }
        List<String> close = new ArrayList<>();
        for (int i = 1; i < heavy.size(); i++) {
            Session before = heavy.get(i - 1);
            Session after = heavy.get(i);
            long hours = Duration.between(
                            OffsetDateTime.parse(before.performedAt()), OffsetDateTime.parse(after.performedAt()))
                    .toMinutes();
            boolean max = before.sets().stream()
                    .anyMatch(set -> set.exercise().spinal() && set.effectiveRpe() != null && set.effectiveRpe() >= 10);
            if (hours < 48 * 60) {
                close.add("48h " + before.sessionId() + " -> " + after.sessionId());
            } else if (max && hours < 72 * 60) {
                close.add("72h " + before.sessionId() + " -> " + after.sessionId());
            }
        }
        return close;
    }

    @Test
    void chartMatchesTheRulesExample() {
        assertEquals(0.811, ScenarioGenerator.percentOf1rm(5, 8), 1e-9);
        assertEquals((0.892 + 0.863) / 2, ScenarioGenerator.percentOf1rm(3, 8.5), 1e-9);
    }
}
