package com.liftguard.demo;

import com.liftguard.demo.Payloads.CheckIn;
import com.liftguard.demo.Payloads.Exercise;
import com.liftguard.demo.Payloads.Fault;
import com.liftguard.demo.Payloads.Flag;
import com.liftguard.demo.Payloads.LimitingFactor;
import com.liftguard.demo.Payloads.Metrics;
import com.liftguard.demo.Payloads.Onset;
import com.liftguard.demo.Payloads.PainReport;
import com.liftguard.demo.Payloads.Quality;
import com.liftguard.demo.Payloads.Region;
import com.liftguard.demo.Payloads.Session;
import com.liftguard.demo.Payloads.Side;
import com.liftguard.demo.Payloads.Timed;
import com.liftguard.demo.Payloads.Trend;
import com.liftguard.demo.Payloads.Variant;
import com.liftguard.demo.Payloads.Wellness;
import com.liftguard.demo.Payloads.WorkSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates the roster and the stream: weeks of sessions and check-ins for every athlete, each archetype shaped
 * so that Liftguard's rules (docs/rules.md sections 2-5) fire exactly where intended. Deterministic: the same
 * configuration (seed, size, dates) gives the same athletes, ids and payloads.
 */
public final class ScenarioGenerator {

    /** {@code today} is the last day of the stream (UTC); nothing happens after {@code notAfter}. */
    public record Config(int athletes, int weeks, int coaches, long seed, LocalDate today, Instant notAfter) {
        public Config {
            if (athletes < 1 || athletes > 100_000) {
                throw new IllegalArgumentException("athletes must be 1..100000, not " + athletes);
            }
            if (weeks < 1 || weeks > 104) {
                throw new IllegalArgumentException("weeks must be 1..104, not " + weeks);
            }
            if (coaches < 1 || coaches > 1000) {
                throw new IllegalArgumentException("coaches must be 1..1000, not " + coaches);
            }
        }

        public int days() {
            return weeks * 7;
        }

        public LocalDate firstDay() {
            return today.minusDays(days() - 1L);
        }
    }

    public record Athlete(
            int index, String id, String displayName, List<String> coachIds, Archetype archetype, ZoneOffset offset) {}

    public record Scenario(Config config, List<String> coachIds, List<Athlete> athletes, List<Timed> timeline) {
        public long sessions() {
            return timeline.stream().filter(Timed::isSession).count();
        }

        public long checkIns() {
            return timeline.size() - sessions();
        }

        public Map<Archetype, Integer> archetypeCounts() {
            Map<Archetype, Integer> counts = new EnumMap<>(Archetype.class);
            for (Archetype a : Archetype.values()) {
                counts.put(a, 0);
            }
            athletes.forEach(a -> counts.merge(a.archetype(), 1, Integer::sum));
            return counts;
        }

        public List<Timed> of(String athleteId) {
            return timeline.stream()
                    .filter(t -> t.athleteId().equals(athleteId))
                    .toList();
        }
    }

    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter ID_DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final ZoneOffset[] OFFSETS = {
        ZoneOffset.ofHours(1), ZoneOffset.ofHours(1), ZoneOffset.ofHours(2), ZoneOffset.UTC, ZoneOffset.ofHours(-5)
    };
    private static final String[] FIRST = {
        "Ann", "Ben", "Chiara", "Dario", "Elif", "Femi", "Greta", "Hugo", "Ines", "Jonas", "Kaja", "Luca", "Maya",
        "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sami", "Tess", "Umar", "Vera", "Wim", "Xenia", "Yusuf", "Zoe"
    };
    private static final String[] LAST = {
        "Adler",
        "Berg",
        "Costa",
        "Dubois",
        "Eriksen",
        "Fischer",
        "Garcia",
        "Horvat",
        "Ivanova",
        "Jansen",
        "Kowalski",
        "Lindqvist",
        "Moreau",
        "Novak",
        "Okafor",
        "Petrov",
        "Rossi",
        "Schmidt",
        "Takahashi",
        "Varga",
        "Weber",
        "Yilmaz"
    };

    /** docs/rules.md section 4: percentage of 1RM by index reps + (10 - RPE) - 1, whole RPE. */
    private static final double[] RPE_CHART = {
        1.000, .955, .922, .892, .863, .837, .811, .786, .762, .739, .707, .680, .653, .626, .599, .573
    };

    private ScenarioGenerator() {}

    public static Scenario generate(Config config) {
        List<String> coachIds = new ArrayList<>();
        for (int c = 1; c <= config.coaches(); c++) {
            coachIds.add("coach-" + c);
        }
        int width = Math.max(3, String.valueOf(config.athletes()).length());
        List<Athlete> athletes = new ArrayList<>();
        List<Timed> timeline = new ArrayList<>();
        int redFlags = 0;
        for (int i = 0; i < config.athletes(); i++) {
            SplittableRandom rng = new SplittableRandom(config.seed() * 1_000_003L + i * 7919L + 17);
            Archetype archetype = Archetype.forAthlete(i);
            // the seed is part of the id: another seed is another set of athletes, never mixed with these
            String id = "a" + config.seed() + "-" + String.format("%0" + width + "d", i + 1);
            String name = FIRST[i % FIRST.length] + " "
                    + LAST[(int) Math.floorMod(i * 7L + i / FIRST.length + config.seed(), (long) LAST.length)];
            List<String> coaches = new ArrayList<>();
            int primary = i % config.coaches();
            coaches.add(coachIds.get(primary));
            if (config.coaches() > 1 && rng.nextDouble() < 0.35) {
                coaches.add(coachIds.get((primary + 1 + rng.nextInt(config.coaches() - 1)) % config.coaches()));
            }
            Athlete athlete =
                    new Athlete(i, id, name, List.copyOf(coaches), archetype, OFFSETS[rng.nextInt(OFFSETS.length)]);
            athletes.add(athlete);
            History history = new History(config, athlete, rng, archetype == Archetype.RED_FLAG ? redFlags++ : 0);
            history.generate();
            for (Timed t : history.out) {
                if (!t.at().isAfter(config.notAfter())) {
                    timeline.add(t);
                }
            }
        }
        timeline.sort(Comparator.comparing(Timed::at)
                .thenComparing(Timed::athleteId)
                .thenComparing(t -> t.isSession() ? 1 : 0)
                .thenComparing(Timed::id));
        return new Scenario(config, List.copyOf(coachIds), List.copyOf(athletes), List.copyOf(timeline));
    }

    /** Percentage of 1RM for reps at an RPE (whole or .5), as docs/rules.md section 4's chart gives it. */
    static double percentOf1rm(int reps, double rpe) {
        double index = reps + (10 - rpe) - 1;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        return (RPE_CHART[lo] + RPE_CHART[hi]) / 2;
    }

    private enum Kind {
        HEAVY_SQUAT,
        LIGHT,
        HEAVY_DEADLIFT,
        ACCESSORY,
        SPIKE,
        TC_DEADLIFT,
        TC_SQUAT,
        TC_MAX
    }

    /** One athlete's history, day by day. */
    private static final class History {
        private final Config config;
        private final Athlete athlete;
        private final SplittableRandom rng;
        private final int redFlagOrdinal;
        private final List<Timed> out = new ArrayList<>();
        private final int days;
        private final double squatBase;
        private final double deadliftBase;
        private final double weeklyGain;
        private final LocalTime usualTime;
        private final boolean fourthSession;
        private final int weekShift;
        private final boolean usesRir;
        private final boolean belt;
        private final boolean velocityTracker;
        private final Variant squatVariant;
        private final Variant deadliftVariant;
        private int spinalSinceSoreness = 3;
        private int sorenessDay = -1;
        private boolean modifyReported;

        History(Config config, Athlete athlete, SplittableRandom rng, int redFlagOrdinal) {
            this.config = config;
            this.athlete = athlete;
            this.rng = rng;
            this.redFlagOrdinal = redFlagOrdinal;
            this.days = config.days();
            this.squatBase = 80 + rng.nextInt(21) * 5; // e1RM 80..180 kg
            this.deadliftBase = squatBase * (1.15 + rng.nextDouble() * 0.2);
            this.weeklyGain = switch (athlete.archetype()) {
                case HEALTHY -> 0.010 + rng.nextDouble() * 0.006;
                case SHORT_SLEEPER -> 0.004;
                case LOAD_SPIKER -> 0.005;
                default -> 0.008;
            };
            double pick = rng.nextDouble();
            this.usualTime = pick < 0.25
                    ? LocalTime.of(6, 15 + rng.nextInt(30))
                    : pick < 0.45
                            ? LocalTime.of(12, rng.nextInt(30))
                            : LocalTime.of(17 + rng.nextInt(3), rng.nextInt(60));
            this.fourthSession =
                    (athlete.archetype() == Archetype.HEALTHY || athlete.archetype() == Archetype.SHORT_SLEEPER)
                            && rng.nextBoolean();
            this.weekShift = rng.nextInt(7);
            this.usesRir = rng.nextDouble() < 0.3;
            this.belt = rng.nextDouble() < 0.6;
            this.velocityTracker = athlete.archetype() == Archetype.GOOD_MORNING_SQUATTER || rng.nextDouble() < 0.4;
            this.squatVariant = athlete.archetype() == Archetype.GOOD_MORNING_SQUATTER || rng.nextBoolean()
                    ? Variant.HIGH_BAR
                    : Variant.LOW_BAR;
            this.deadliftVariant =
                    rng.nextDouble() < 0.7 ? Variant.CONVENTIONAL : rng.nextBoolean() ? Variant.SUMO : Variant.TRAP_BAR;
        }

        void generate() {
            for (int d = 0; d < days; d++) {
                LocalDate date = config.firstDay().plusDays(d);
                List<Planned> planned = plan(d, (d + weekShift) % 7);
                morningCheckIn(d, date, planned.isEmpty());
                for (Planned p : planned) {
                    session(d, date, p);
                }
            }
        }

        private record Planned(Kind kind, LocalTime time) {}

        private List<Planned> plan(int d, int weekday) {
            Archetype a = athlete.archetype();
            if (a == Archetype.TOO_CLOSE) {
                return switch (weekday) {
                    case 0 -> List.of(new Planned(Kind.TC_DEADLIFT, jitter(LocalTime.of(18, 30), 15)));
                    case 1 -> List.of(new Planned(Kind.TC_SQUAT, jitter(LocalTime.of(7, 0), 15)));
                    case 3 -> List.of(new Planned(Kind.TC_MAX, jitter(LocalTime.of(18, 0), 15)));
                    case 6 -> List.of(new Planned(Kind.TC_SQUAT, jitter(LocalTime.of(7, 30), 15)));
                    default -> List.of();
                };
            }
            if (a == Archetype.LOAD_SPIKER && d >= days - 7) {
                // the spike week: a session every day; today's early, so that it has happened when the stream ends
                LocalTime time = d == days - 1 ? jitter(LocalTime.of(6, 0), 10) : jitter(usualTime, 40);
                return List.of(new Planned(Kind.SPIKE, time));
            }
            if (a == Archetype.RED_FLAG && d >= days - 4) {
                return List.of(); // stopped training once the pain ran down the leg
            }
            Kind kind = switch (weekday) {
                case 0 -> Kind.HEAVY_SQUAT;
                case 2 -> Kind.LIGHT;
                case 4 -> Kind.HEAVY_DEADLIFT;
                case 5 -> fourthSession ? Kind.ACCESSORY : null;
                default -> null;
            };
            return kind == null ? List.of() : List.of(new Planned(kind, jitter(usualTime, 40)));
        }

        private LocalTime jitter(LocalTime t, int minutes) {
            return t.plusMinutes(rng.nextInt(2 * minutes + 1) - minutes);
        }

        private Instant at(LocalDate date, LocalTime time) {
            return LocalDateTime.of(date, time).atOffset(athlete.offset()).toInstant();
        }

        private String stamp(LocalDate date, LocalTime time) {
            return OffsetDateTime.of(date, time, athlete.offset()).format(TIMESTAMP);
        }

        private double e1rm(double base, int d) {
            return base * (1 + weeklyGain * d / 7.0);
        }

        // ---- check-ins -------------------------------------------------------------------------------------

        private void morningCheckIn(int d, LocalDate date, boolean restDay) {
            Archetype a = athlete.archetype();
            List<PainReport> pain = new ArrayList<>();
            if (a == Archetype.RED_FLAG) {
                pain.addAll(redFlagStory(d));
            }
            if (pain.isEmpty() && d == sorenessDay) {
                pain.add(normalSoreness());
            }
            double wellnessChance = a == Archetype.SHORT_SLEEPER ? 0.75 : 0.3;
            if (pain.isEmpty() && !(restDay && rng.nextDouble() < wellnessChance)) {
                return;
            }
            LocalTime time = jitter(LocalTime.of(8, 0), 45);
            String id = athlete.id() + "-c" + date.format(ID_DATE);
            out.add(new Timed(
                    at(date, time),
                    null,
                    new CheckIn(id, athlete.id(), stamp(date, time), wellness(), pain.isEmpty() ? null : pain)));
        }

        /** Back pain that gets worse over the last week: modify, then see a clinician, then an emergency. */
        private List<PainReport> redFlagStory(int d) {
            if (d == days - 6) {
                return List.of(PainReport.of(
                        Region.LOWER_BACK, Side.LEFT, Quality.ACHING, 4, Onset.NEXT_DAY, 20, Trend.STABLE));
            }
            if (d == days - 4) {
                return List.of(PainReport.of(
                        Region.LOWER_BACK,
                        Side.LEFT,
                        Quality.SHOOTING,
                        5,
                        Onset.WITHIN_HOURS,
                        68,
                        Trend.WORSENING,
                        Flag.RADIATES_BELOW_KNEE,
                        Flag.NUMBNESS_OR_TINGLING));
            }
            if (d == days - 2) {
                return List.of(
                        redFlagOrdinal % 2 == 0
                                ? PainReport.of(
                                        Region.LOWER_BACK,
                                        Side.BILATERAL,
                                        Quality.SHOOTING,
                                        6,
                                        Onset.WITHIN_HOURS,
                                        116,
                                        Trend.WORSENING,
                                        Flag.RADIATES_BELOW_KNEE,
                                        Flag.NUMBNESS_OR_TINGLING,
                                        Flag.LEG_WEAKNESS)
                                : PainReport.of(
                                        Region.LOWER_BACK,
                                        Side.BILATERAL,
                                        Quality.BURNING,
                                        6,
                                        Onset.WITHIN_HOURS,
                                        116,
                                        Trend.WORSENING,
                                        Flag.RADIATES_BELOW_KNEE,
                                        Flag.SADDLE_NUMBNESS));
            }
            return List.of();
        }

        /** Dull, aching or tight, central or two-sided, at most 3/10, the day after: NORMAL_SORENESS. */
        private PainReport normalSoreness() {
            Region region = rng.nextDouble() < 0.65 ? Region.LOWER_BACK : Region.HIP;
            Side side = rng.nextBoolean() ? Side.CENTRAL : Side.BILATERAL;
            Quality quality = new Quality[] {Quality.DULL, Quality.ACHING, Quality.TIGHT}[rng.nextInt(3)];
            return PainReport.of(
                    region,
                    side,
                    quality,
                    1 + rng.nextInt(3),
                    Onset.NEXT_DAY,
                    6 + rng.nextInt(10),
                    rng.nextBoolean() ? Trend.IMPROVING : Trend.STABLE);
        }

        private Wellness wellness() {
            if (athlete.archetype() == Archetype.SHORT_SLEEPER) {
                return new Wellness(quarter(5.0, 6.5), 2 + rng.nextInt(2), 2 + rng.nextInt(3));
            }
            return new Wellness(quarter(7.0, 9.0), 3 + rng.nextInt(3), 1 + rng.nextInt(3));
        }

        private double quarter(double lo, double hi) {
            int steps = (int) Math.round((hi - lo) * 4);
            return lo + rng.nextInt(steps + 1) / 4.0;
        }

        // ---- sessions --------------------------------------------------------------------------------------

        private void session(int d, LocalDate date, Planned p) {
            double squat = e1rm(squatBase, d);
            double dead = e1rm(deadliftBase, d);
            List<WorkSet> sets = new ArrayList<>();
            int duration;
            double sessionRpe;
            switch (p.kind()) {
                case HEAVY_SQUAT -> {
                    double top = rng.nextBoolean() ? 8 : 7.5;
                    sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 3, top, squat, belt, null));
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 5, 7, squat, belt, null));
                    }
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.ROMANIAN_DEADLIFT, null, 8, 6.5, dead * 0.8, null, null));
                    }
                    sets.addAll(accessory(Exercise.BACK_EXTENSION_45, 3, 12, 10 + rng.nextInt(3) * 5));
                    duration = 60 + rng.nextInt(21);
                    sessionRpe = 7 + rng.nextInt(3) * 0.5;
                }
                case LIGHT -> {
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 6, 6.5, squat, null, "3-1-1"));
                    }
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 5, 6.5, dead, null, null));
                    }
                    sets.addAll(accessory(Exercise.SPLIT_SQUAT, 3, 8, round(squat * 0.25)));
                    duration = 45 + rng.nextInt(16);
                    sessionRpe = 6;
                }
                case HEAVY_DEADLIFT -> {
                    double top = rng.nextBoolean() ? 8 : 7.5;
                    sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 3, top, dead, belt, null));
                    for (int i = 0; i < 2; i++) {
                        sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 5, 7, dead, belt, null));
                    }
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 5, 6.5, squat, null, null));
                    }
                    sets.addAll(accessory(Exercise.HIP_THRUST, 3, 10, round(dead * 0.6)));
                    duration = 65 + rng.nextInt(16);
                    sessionRpe = 7.5 + rng.nextInt(2) * 0.5;
                }
                case ACCESSORY -> {
                    sets.addAll(accessory(Exercise.LEG_PRESS, 3, 12, round(squat * 1.3)));
                    sets.addAll(accessory(Exercise.HIP_THRUST, 3, 10, round(dead * 0.5)));
                    sets.addAll(accessory(Exercise.SPLIT_SQUAT, 3, 10, round(squat * 0.2)));
                    sets.addAll(accessory(Exercise.BACK_EXTENSION_45, 2, 15, 10));
                    duration = 40 + rng.nextInt(11);
                    sessionRpe = 5 + rng.nextInt(2);
                }
                case SPIKE -> {
                    // twice the usual volume every day: sub-maximal (RPE 7 at most), but long and hard overall
                    for (int i = 0; i < 6; i++) {
                        sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 5, 7, squat, belt, null));
                    }
                    for (int i = 0; i < 4; i++) {
                        sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 5, 6.5, dead, belt, null));
                    }
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.ROMANIAN_DEADLIFT, null, 8, 6.5, dead * 0.8, null, null));
                    }
                    sets.addAll(accessory(Exercise.LEG_PRESS, 4, 12, round(squat * 1.3)));
                    sets.addAll(accessory(Exercise.HIP_THRUST, 4, 10, round(dead * 0.6)));
                    duration = 105 + rng.nextInt(21);
                    sessionRpe = 8 + rng.nextInt(2) * 0.5;
                }
                case TC_DEADLIFT -> {
                    sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 2, 9, dead, belt, null));
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 3, 8.5, dead, belt, null));
                    }
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.ROMANIAN_DEADLIFT, null, 6, 7, dead * 0.8, null, null));
                    }
                    duration = 65 + rng.nextInt(11);
                    sessionRpe = 8.5;
                }
                case TC_SQUAT -> {
                    sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 3, 9, squat, belt, null));
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 3, 8.5, squat, belt, null));
                    }
                    for (int i = 0; i < 2; i++) {
                        sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 3, 8, dead, belt, null));
                    }
                    duration = 60 + rng.nextInt(11);
                    sessionRpe = 8.5;
                }
                case TC_MAX -> {
                    sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 1, 10, dead, true, null));
                    for (int i = 0; i < 2; i++) {
                        sets.add(lift(Exercise.DEADLIFT, deadliftVariant, 3, 8, dead, true, null));
                    }
                    for (int i = 0; i < 3; i++) {
                        sets.add(lift(Exercise.BACK_SQUAT, squatVariant, 3, 8, squat, belt, null));
                    }
                    duration = 70 + rng.nextInt(11);
                    sessionRpe = 9.5;
                }
                default -> throw new IllegalStateException(p.kind().name());
            }
            if (athlete.archetype() == Archetype.GOOD_MORNING_SQUATTER) {
                sets = goodMorningSquats(sets, d);
            }
            boolean spinal = sets.stream().anyMatch(s -> s.exercise().spinal());
            List<PainReport> pain = null;
            if (athlete.archetype() == Archetype.GOOD_MORNING_SQUATTER
                    && !modifyReported
                    && d >= days * 2 / 3
                    && p.kind() == Kind.HEAVY_SQUAT) {
                // the back, not the legs, gave out mid-set: MODIFY_TRAINING (onset DURING_SET, 4/10)
                modifyReported = true;
                pain = List.of(PainReport.of(
                        Region.LOWER_BACK, Side.CENTRAL, Quality.ACHING, 4, Onset.DURING_SET, 0, Trend.STABLE));
                spinalSinceSoreness = 0;
            } else if (spinal) {
                spinalSinceSoreness++;
                boolean quietPeriod = athlete.archetype() == Archetype.RED_FLAG && d >= days - 9;
                // at most one sore morning per 4 spinal sessions: 3 of 4 would be a MODIFY_TRAINING pattern
                if (!quietPeriod && spinalSinceSoreness >= 4 && rng.nextDouble() < 0.15 && d + 1 < days) {
                    sorenessDay = d + 1;
                    spinalSinceSoreness = 0;
                }
            }
            Wellness wellness =
                    athlete.archetype() == Archetype.SHORT_SLEEPER || rng.nextDouble() < 0.85 ? wellness() : null;
            String id = athlete.id() + "-s" + date.format(ID_DATE);
            out.add(new Timed(
                    at(date, p.time()),
                    new Session(
                            id,
                            athlete.id(),
                            stamp(date, p.time()),
                            duration,
                            sessionRpe,
                            List.copyOf(sets),
                            wellness,
                            pain),
                    null));
        }

        /** Squat sets whose hips rise first (tagged, or seen by the sensor as >= 15 degrees of added lean). */
        private List<WorkSet> goodMorningSquats(List<WorkSet> sets, int d) {
            boolean pattern = d >= days / 3 || rng.nextDouble() < 0.3;
            if (!pattern) {
                return sets;
            }
            List<Integer> squats = new ArrayList<>();
            for (int i = 0; i < sets.size(); i++) {
                if (sets.get(i).exercise().squat()) {
                    squats.add(i);
                }
            }
            if (squats.size() < 2) {
                return sets;
            }
            List<WorkSet> result = new ArrayList<>(sets);
            int flagged = Math.min(squats.size(), 2 + rng.nextInt(2));
            boolean backLimited = rng.nextDouble() < 0.6;
            // the last sets of the day, when fatigue shows
            for (int k = squats.size() - flagged; k < squats.size(); k++) {
                int i = squats.get(k);
                WorkSet s = result.get(i);
                boolean tagged = rng.nextBoolean();
                double lean = 15 + rng.nextInt(10);
                Metrics metrics = new Metrics(
                        tagged && rng.nextBoolean() ? null : lean,
                        s.metrics() == null ? null : s.metrics().meanConcentricVelocity());
                LimitingFactor limit =
                        backLimited && k == squats.size() - 1 ? LimitingFactor.LOWER_BACK : s.limitingFactor();
                result.set(
                        i,
                        new WorkSet(
                                s.exercise(),
                                s.variant(),
                                s.reps(),
                                s.loadKg(),
                                s.rpe(),
                                s.rir(),
                                s.tempo(),
                                s.belt(),
                                limit,
                                tagged ? List.of(Fault.GOOD_MORNING_SQUAT) : null,
                                metrics.torsoLeanChangeDeg() == null && metrics.meanConcentricVelocity() == null
                                        ? null
                                        : metrics));
            }
            return result;
        }

        private WorkSet lift(
                Exercise exercise, Variant variant, int reps, double rpe, double e1rm, Boolean beltOn, String tempo) {
            double load = round(e1rm * percentOf1rm(reps, rpe));
            boolean whole = rpe == Math.rint(rpe);
            Double rpeField = usesRir && whole ? null : rpe;
            Integer rir = usesRir && whole ? (int) (10 - rpe) : null;
            Metrics metrics = null;
            if (velocityTracker && exercise.squat()) {
                double velocity = Math.round((1.05 - 0.07 * rpe + (rng.nextDouble() - 0.5) * 0.06) * 100) / 100.0;
                double lean = Math.round((2 + rng.nextDouble() * 7) * 10) / 10.0;
                metrics = new Metrics(lean, Math.max(0.1, velocity));
            }
            LimitingFactor limit = exercise.squat() || exercise == Exercise.DEADLIFT
                    ? (rpe >= 8
                            ? (exercise == Exercise.DEADLIFT && rng.nextDouble() < 0.3
                                    ? LimitingFactor.GRIP
                                    : LimitingFactor.LEGS)
                            : null)
                    : null;
            return new WorkSet(
                    exercise,
                    variant,
                    reps,
                    load,
                    rpeField,
                    rir,
                    tempo,
                    Boolean.TRUE.equals(beltOn) ? true : null,
                    limit,
                    null,
                    metrics);
        }

        private List<WorkSet> accessory(Exercise exercise, int sets, int reps, double loadKg) {
            List<WorkSet> result = new ArrayList<>();
            for (int i = 0; i < sets; i++) {
                result.add(new WorkSet(
                        exercise, null, reps, loadKg, null, 2 + rng.nextInt(2), null, null, null, null, null));
            }
            return result;
        }

        private static double round(double kg) {
            return Math.max(0, Math.round(kg / 2.5) * 2.5);
        }
    }
}
