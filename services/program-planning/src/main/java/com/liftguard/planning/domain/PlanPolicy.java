package com.liftguard.planning.domain;

import com.liftguard.events.RiskAssessed;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * docs/rules.md section 6: the athlete's whole current prescription from the restriction in force, the latest triage,
 * the latest risk factors, e1RMs and the gate to add load again.
 *
 * <ul>
 *   <li>Pauses come only from the restriction in force (set from triage, lifted only by a coach's clearance).
 *       PAUSE_ALL_TRAINING pauses every exercise and leaves no accessory, core, mobility or cue.
 *       PAUSE_SPINAL_LOADING pauses the spinal-loading exercises and keeps pain-free upper-body and core work.</li>
 *   <li>Return to basics holds while the latest triage is MODIFY_TRAINING or more severe (an EMERGENCY or
 *       SEE_CLINICIAN a coach has cleared comes back through the basics too), a TRIAGE_* risk factor other than
 *       normal soreness holds, or any PATTERN_* factor holds (back-limited lifting is PATTERN_BACK_LIMITED).
 *       Under a pause it is reported but only its core and mobility work is prescribed.</li>
 *   <li>ACWR_SPIKE, MONOTONY_HIGH and HEAVY_SESSIONS_TOO_CLOSE are load/recovery factors: the next heavy spinal
 *       session at least 72 h after the last, spinal volume-load cut 20% for one and 30% plus a deload week for
 *       two or more. These are computed under a pause too, since they still hold once training resumes.</li>
 *   <li>Load may increase only with no restriction, no short sleep, no load/recovery factor and either no
 *       return-to-basics trigger or the gate met. With the gate met, the return-to-basics deadlift range moves up
 *       by 2.5% (low end) to 5% (high end).</li>
 *   <li>Load ranges are rounded inward to the plate increment (low end up, high end down) so the rounded range
 *       stays inside the prescribed percentages; when the range is narrower than one plate, both ends take the
 *       plate nearest its middle.</li>
 * </ul>
 */
public final class PlanPolicy {
    private final PlanSettings settings;

    public PlanPolicy(PlanSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The athlete's whole current prescription. */
    public Plan plan(PlanInputs in) {
        Objects.requireNonNull(in, "in");
        Situation s = situation(in);
        Instant earliest = s.recovery() == null || in.lastHeavySpinalAt() == null
                ? null
                : in.lastHeavySpinalAt()
                        .plus(Duration.ofHours(settings.recovery().nextHeavyMinHours()));
        boolean deload = s.loadFactors().size() >= settings.recovery().deloadFactorCount();
        return new Plan(
                in.now(),
                in.restriction(),
                exercises(in, s),
                restrictionItems(in.restriction(), s.pause()),
                s.basics() != null,
                s.basics(),
                earliest,
                earliest == null ? null : s.recovery(),
                volumeChange(s.loadFactors().size()),
                s.recovery(),
                deload,
                deload ? s.recovery() : null,
                accessories(in.restriction(), s),
                core(in.restriction(), s),
                mobility(in.restriction(), s),
                cues(in, s, earliest),
                s.mayIncreaseLoad(),
                s.loadReason(),
                s.gate());
    }

    /**
     * What changed from {@code before} to {@code after}, one entry per real change; {@code before} null is a first
     * plan, compared with an athlete under no restriction, response or warning.
     */
    public static List<PlanChange> changes(Plan before, Plan after) {
        Objects.requireNonNull(after, "after");
        List<PlanChange> changes = new ArrayList<>();
        Restriction was = before == null ? Restriction.NONE : before.restriction();
        if (after.restriction().stricterThan(was)) {
            changes.add(new PlanChange(
                    PlanChange.Kind.RESTRICTION_ADDED,
                    after.restriction() + " in force",
                    after.restrictions().get(0).reason()));
        } else if (was.stricterThan(after.restriction())) {
            changes.add(new PlanChange(
                    PlanChange.Kind.RESTRICTION_LIFTED,
                    was + " lifted",
                    ended(
                            PlanCodes.RESTRICTION_LIFTED,
                            was + " is no longer in force",
                            before.restrictions().get(0).reason())));
        }
        boolean basicsBefore = before != null && before.returnToBasics();
        if (after.returnToBasics() && !basicsBefore) {
            changes.add(new PlanChange(PlanChange.Kind.BASICS_STARTED, "back to basics", after.basicsReason()));
        } else if (basicsBefore && !after.returnToBasics()) {
            changes.add(new PlanChange(
                    PlanChange.Kind.BASICS_ENDED,
                    "back to basics ended",
                    ended(
                            PlanCodes.BASICS_ENDED,
                            "No return-to-basics trigger holds any more",
                            before.basicsReason())));
        }
        Double volumeBefore = before == null ? null : before.spinalVolumeChangePct();
        if (!Objects.equals(volumeBefore, after.spinalVolumeChangePct())) {
            changes.add(new PlanChange(
                    PlanChange.Kind.SPINAL_VOLUME_CHANGED,
                    "spinal volume-load change " + percent(volumeBefore) + " -> "
                            + percent(after.spinalVolumeChangePct()),
                    after.spinalVolumeReason() != null
                            ? after.spinalVolumeReason()
                            : ended(
                                    PlanCodes.SPINAL_VOLUME_RESTORED,
                                    "No load/recovery factor holds any more",
                                    before.spinalVolumeReason())));
        }
        boolean deloadBefore = before != null && before.deloadWeek();
        if (after.deloadWeek() && !deloadBefore) {
            changes.add(new PlanChange(PlanChange.Kind.DELOAD_STARTED, "deload week", after.deloadReason()));
        } else if (deloadBefore && !after.deloadWeek()) {
            changes.add(new PlanChange(
                    PlanChange.Kind.DELOAD_ENDED,
                    "deload week ended",
                    ended(PlanCodes.DELOAD_ENDED, "Fewer load/recovery factors hold at once", before.deloadReason())));
        }
        Instant earliestBefore = before == null ? null : before.earliestNextHeavySpinal();
        if (!Objects.equals(earliestBefore, after.earliestNextHeavySpinal())) {
            changes.add(new PlanChange(
                    PlanChange.Kind.HEAVY_SPACING_CHANGED,
                    "earliest next heavy spinal session " + earliestBefore + " -> " + after.earliestNextHeavySpinal(),
                    after.earliestNextHeavySpinalReason() != null
                            ? after.earliestNextHeavySpinalReason()
                            : ended(
                                    PlanCodes.HEAVY_SPACING_ENDED,
                                    "No spacing of heavy spinal sessions applies any more",
                                    before.earliestNextHeavySpinalReason())));
        }
        boolean mayBefore = before == null || before.mayIncreaseLoad();
        if (mayBefore != after.mayIncreaseLoad()) {
            changes.add(new PlanChange(
                    after.mayIncreaseLoad()
                            ? PlanChange.Kind.LOAD_INCREASE_ALLOWED
                            : PlanChange.Kind.LOAD_INCREASE_HELD,
                    after.mayIncreaseLoad() ? "load may increase" : "no load increase",
                    after.loadIncreaseReason()));
        }
        if (changes.isEmpty() && before != null && !prescribed(before).equals(prescribed(after))) {
            changes.add(new PlanChange(
                    PlanChange.Kind.PRESCRIPTION_CHANGED,
                    "prescription changed",
                    after.exercises().isEmpty()
                            ? after.loadIncreaseReason()
                            : after.exercises().get(0).reason()));
        }
        return List.copyOf(changes);
    }

    // ---- the situation: what holds, and why

    private record Situation(
            GateStatus gate,
            Reason pause,
            Reason basics,
            Reason goodMorningSquat,
            List<Reason> loadFactors,
            Reason recovery,
            Reason sleep,
            Reason soreness,
            boolean mayIncreaseLoad,
            Reason loadReason) {
        /** The gate is met and nothing else holds load back: move the basics load up. */
        boolean raise() {
            return mayIncreaseLoad && gate.open();
        }
    }

    private Situation situation(PlanInputs in) {
        GateStatus gate = in.gate() != null
                ? in.gate()
                : GateStatus.noSessions(settings.gate().sessions());
        Reason pause = in.restriction() == Restriction.NONE ? null : restrictionReason(in);
        List<Reason> triggers = basicsTriggers(in);
        Reason basics = triggers.isEmpty() ? null : triggers.get(0);
        List<Reason> loadFactors = factorReasons(in, PlanPolicy::loadOrRecovery);
        Reason recovery = recoveryReason(loadFactors);
        Reason sleep = factorReason(in, RiskFactor.VERY_SHORT_SLEEP)
                .or(() -> factorReason(in, RiskFactor.SHORT_SLEEP))
                .orElse(null);
        Reason soreness = in.triageCategory() == TriageCategory.NORMAL_SORENESS ? triageReason(in) : null;
        Reason heldUntilGate = basics != null && !gate.open() ? heldUntilGate(basics, gate) : null;
        Reason blocker = firstNonNull(pause, heldUntilGate, sleep, recovery);
        Reason loadReason = blocker != null ? blocker : gate.open() ? gate.reason() : nothingHoldsLoad();
        return new Situation(
                gate,
                pause,
                basics,
                factorReason(in, RiskFactor.PATTERN_GOOD_MORNING_SQUAT).orElse(null),
                loadFactors,
                recovery,
                sleep,
                soreness,
                blocker == null,
                loadReason);
    }

    /**
     * Whether a risk factor sends the athlete back to basics: a pain report triaged above normal soreness
     * (risk-assessment has no factor for soreness) or any recurring technique pattern.
     */
    public static boolean returnsToBasics(RiskFactor factor) {
        return factor.kind() == RiskFactor.Kind.TRIAGE || factor.kind() == RiskFactor.Kind.PATTERN;
    }

    /**
     * The factors that send the athlete back to basics ({@link #returnsToBasics}): the triage ones first, then the
     * patterns, each in the order risk-assessment gave them.
     */
    public static List<RiskAssessed.Factor> basicsFactors(List<RiskAssessed.Factor> factors) {
        return factors.stream()
                .filter(f -> f.code() != null && returnsToBasics(f.code()))
                .sorted(Comparator.comparing(f -> f.code().kind() != RiskFactor.Kind.TRIAGE))
                .toList();
    }

    /**
     * The first factor of an assessment that starts the return to basics again from the assessment's session: a
     * technique pattern, or a MODIFY_TRAINING triage. A SEE_CLINICIAN or EMERGENCY factor does not: its own triage
     * decision paused the athlete and started the return to basics then, and only a coach's clearance ends that
     * pause, so an assessment that still carries it within its window repeats a cause already in force.
     */
    public static Optional<RiskAssessed.Factor> basicsRestart(List<RiskAssessed.Factor> factors) {
        return factors.stream()
                .filter(f -> f.code() != null
                        && (f.code().kind() == RiskFactor.Kind.PATTERN
                                || f.code() == RiskFactor.TRIAGE_MODIFY_TRAINING))
                .findFirst();
    }

    private static boolean loadOrRecovery(RiskFactor factor) {
        return factor.kind() == RiskFactor.Kind.LOAD || factor.kind() == RiskFactor.Kind.RECOVERY;
    }

    private static List<Reason> basicsTriggers(PlanInputs in) {
        List<Reason> triggers = new ArrayList<>();
        if (in.triageCategory() != null && in.triageCategory() != TriageCategory.NORMAL_SORENESS) {
            triggers.add(triageReason(in));
        }
        triggers.addAll(distinctReasons(basicsFactors(in.riskFactors())));
        return triggers;
    }

    private static Reason restrictionReason(PlanInputs in) {
        return in.restrictionReason() != null
                ? in.restrictionReason()
                : new Reason(
                        PlanCodes.RESTRICTION_IN_FORCE,
                        in.restriction() + " is in force until a coach clears the athlete.",
                        List.of("restriction"));
    }

    private static Reason triageReason(PlanInputs in) {
        if (!in.triageReasons().isEmpty()) {
            return in.triageReasons().get(0);
        }
        RiskFactor factor =
                in.triageCategory() == TriageCategory.NORMAL_SORENESS ? null : RiskFactor.triageOf(in.triageCategory());
        return (factor == null ? Optional.<Reason>empty() : factorReason(in, factor))
                .orElseGet(() -> new Reason(
                        factor == null ? PlanCodes.TRIAGE_NORMAL_SORENESS : factor.name(),
                        "The latest pain report was triaged " + in.triageCategory() + ".",
                        List.of("painReport")));
    }

    /** The RiskAssessed factor as a reason: same code and message, its figures as the fields read. */
    private static Reason reason(RiskAssessed.Factor factor) {
        return new Reason(
                factor.code().name(),
                factor.message(),
                List.copyOf(factor.figures().keySet()));
    }

    private static Optional<Reason> factorReason(PlanInputs in, RiskFactor code) {
        return in.riskFactors().stream()
                .filter(f -> f.code() == code)
                .findFirst()
                .map(PlanPolicy::reason);
    }

    /** One reason per distinct matching factor code, in the order risk-assessment gave them. */
    private static List<Reason> factorReasons(PlanInputs in, Predicate<RiskFactor> code) {
        return distinctReasons(in.riskFactors().stream()
                .filter(f -> f.code() != null && code.test(f.code()))
                .toList());
    }

    private static List<Reason> distinctReasons(List<RiskAssessed.Factor> factors) {
        Map<RiskFactor, Reason> byCode = new LinkedHashMap<>();
        factors.forEach(f -> byCode.putIfAbsent(f.code(), reason(f)));
        return List.copyOf(byCode.values());
    }

    private Reason recoveryReason(List<Reason> loadFactors) {
        if (loadFactors.isEmpty()) {
            return null;
        }
        if (loadFactors.size() == 1) {
            return loadFactors.get(0);
        }
        Set<String> fields = new LinkedHashSet<>();
        loadFactors.forEach(r -> fields.addAll(r.fields()));
        String codes = loadFactors.stream().map(Reason::code).collect(Collectors.joining(", "));
        String messages = loadFactors.stream().map(Reason::message).collect(Collectors.joining(" "));
        return new Reason(
                PlanCodes.LOAD_FACTORS_COMBINED,
                loadFactors.size() + " load/recovery warnings at once (" + codes + "): " + messages,
                List.copyOf(fields));
    }

    private Reason heldUntilGate(Reason basics, GateStatus gate) {
        return new Reason(
                PlanCodes.LOAD_HELD_UNTIL_GATE,
                "Back to basics: " + basics.message() + " No load increase until the gate is met: "
                        + gate.reason().message(),
                basics.fields());
    }

    private static Reason nothingHoldsLoad() {
        return new Reason(
                PlanCodes.NO_LOAD_BLOCKER,
                "No restriction, technique response, short sleep or load "
                        + "warning holds load back: train and progress as programmed.",
                List.of());
    }

    private Double volumeChange(int loadFactors) {
        if (loadFactors == 0) {
            return null;
        }
        PlanSettings.Recovery r = settings.recovery();
        return -(loadFactors >= r.deloadFactorCount() ? r.volumeCutSeveralFactorsPct() : r.volumeCutOneFactorPct());
    }

    // ---- exercises

    private List<ExercisePlan> exercises(PlanInputs in, Situation s) {
        return switch (in.restriction()) {
            case PAUSE_ALL_TRAINING ->
                Arrays.stream(Exercise.values()).map(e -> paused(e, s.pause())).toList();
            case PAUSE_SPINAL_LOADING -> {
                List<ExercisePlan> plans = new ArrayList<>(Arrays.stream(Exercise.values())
                        .filter(Exercise::spinalLoading)
                        .map(e -> paused(e, s.pause()))
                        .toList());
                in.e1rmKg().keySet().stream()
                        .filter(e -> !e.spinalLoading())
                        .map(e -> asProgrammed(e, s, "As programmed, pain-free only."))
                        .forEach(plans::add);
                yield List.copyOf(plans);
            }
            case NONE ->
                s.basics() != null
                        ? basics(in, s)
                        : in.e1rmKg().keySet().stream()
                                .map(e -> asProgrammed(e, s, "As programmed" + loadNote(s) + "."))
                                .toList();
        };
    }

    private static ExercisePlan paused(Exercise exercise, Reason pause) {
        return new ExercisePlan(
                exercise,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                true,
                "Paused until a coach clears you.",
                pause);
    }

    private static ExercisePlan asProgrammed(Exercise exercise, Situation s, String note) {
        boolean may = s.mayIncreaseLoad();
        return new ExercisePlan(exercise, null, null, null, null, null, null, null, may, false, note, s.loadReason());
    }

    private List<ExercisePlan> basics(PlanInputs in, Situation s) {
        List<ExercisePlan> plans = new ArrayList<>();
        List<Exercise> squats =
                in.e1rmKg().keySet().stream().filter(Exercise::squat).toList();
        (squats.isEmpty() ? List.of(Exercise.BACK_SQUAT) : squats).forEach(e -> plans.add(squat(e, s)));
        plans.add(deadlift(in.e1rmKg().get(Exercise.DEADLIFT), s));
        return List.copyOf(plans);
    }

    private ExercisePlan squat(Exercise squat, Situation s) {
        PlanSettings.Basics b = settings.basics();
        String sets = range(b.squatSetsMin(), b.squatSetsMax());
        String reps = range(b.squatRepsMin(), b.squatRepsMax());
        String note = "Back to basics: " + sets + " sets of " + reps + " reps at a " + b.squatTempo()
                + " tempo with a load you control" + loadNote(s) + ".";
        return new ExercisePlan(
                squat,
                sets,
                reps,
                b.squatTempo(),
                null,
                null,
                null,
                null,
                s.mayIncreaseLoad(),
                false,
                note,
                s.raise() ? s.gate().reason() : s.basics());
    }

    private ExercisePlan deadlift(Double e1rm, Situation s) {
        PlanSettings.Basics b = settings.basics();
        PlanSettings.Gate g = settings.gate();
        double low = b.deadliftMinPctOfE1rm() * (s.raise() ? 1 + g.increaseMinPct() / 100 : 1);
        double high = b.deadliftMaxPctOfE1rm() * (s.raise() ? 1 + g.increaseMaxPct() / 100 : 1);
        String reps = range(b.deadliftRepsMin(), b.deadliftRepsMax());
        String note = "Back to basics: " + reps + " reps a set at " + LoadGate.number(roundPct(low)) + "-"
                + LoadGate.number(roundPct(high)) + "% of e1RM with a full reset each rep (set the bar down, re-brace, "
                + "then pull)" + (e1rm == null ? "; log RPE or RIR so an e1RM can be estimated" : "") + loadNote(s)
                + ".";
        double[] kg = e1rm == null ? null : loadRange(e1rm * low / 100, e1rm * high / 100);
        return new ExercisePlan(
                Exercise.DEADLIFT,
                null,
                reps,
                null,
                kg == null ? null : kg[0],
                kg == null ? null : kg[1],
                roundPct(low),
                roundPct(high),
                s.mayIncreaseLoad(),
                false,
                note,
                s.raise() ? s.gate().reason() : s.basics());
    }

    /** Rounded inward so the range stays inside the prescription; a range narrower than a plate takes its middle. */
    private double[] loadRange(double lowKg, double highKg) {
        double low = settings.roundUpToPlate(lowKg);
        double high = settings.roundDownToPlate(highKg);
        if (low > high) {
            double middle = settings.roundToPlate((lowKg + highKg) / 2);
            return new double[] {middle, middle};
        }
        return new double[] {low, high};
    }

    private String loadNote(Situation s) {
        if (s.raise()) {
            PlanSettings.Gate g = settings.gate();
            return "; gate met: add " + LoadGate.number(g.increaseMinPct()) + "-" + LoadGate.number(g.increaseMaxPct())
                    + "% load";
        }
        if (s.mayIncreaseLoad()) {
            return "";
        }
        return s.basics() != null && !s.gate().open()
                ? "; no load increase until the gate is met"
                : "; no load increase for now";
    }

    // ---- items

    private static List<Plan.Item> restrictionItems(Restriction restriction, Reason pause) {
        return switch (restriction) {
            case NONE -> List.of();
            case PAUSE_ALL_TRAINING ->
                List.of(new Plan.Item(
                        restriction.name(),
                        "Stop all training and seek medical " + "care today; nothing resumes until a coach clears you.",
                        pause));
            case PAUSE_SPINAL_LOADING ->
                List.of(new Plan.Item(
                        restriction.name(),
                        "No " + names(restriction.paused())
                                + " until a clinician has seen you and a coach clears you; keep pain-free upper-body and core work.",
                        pause));
        };
    }

    private List<Plan.Item> accessories(Restriction restriction, Situation s) {
        if (restriction != Restriction.NONE || s.basics() == null) {
            return List.of();
        }
        PlanSettings.Doses d = settings.doses();
        return List.of(
                new Plan.Item("Romanian deadlift", d.romanianDeadlift(), s.basics()),
                new Plan.Item("45-degree back extension", d.backExtension45(), s.basics()),
                new Plan.Item("Hip thrust", d.hipThrust(), s.basics()));
    }

    private List<Plan.Item> core(Restriction restriction, Situation s) {
        if (restriction == Restriction.PAUSE_ALL_TRAINING || s.basics() == null) {
            return List.of();
        }
        String dose = settings.doses().coreExercise() + painFreeOnly(restriction);
        return List.of(
                new Plan.Item("Curl-up", dose, s.basics()),
                new Plan.Item("Side bridge", dose + ", each side", s.basics()),
                new Plan.Item("Bird-dog", dose + ", each side", s.basics()));
    }

    private List<Plan.Item> mobility(Restriction restriction, Situation s) {
        if (restriction == Restriction.PAUSE_ALL_TRAINING || s.basics() == null) {
            return List.of();
        }
        PlanSettings.Doses d = settings.doses();
        return List.of(
                new Plan.Item("Ankle mobility", d.ankleMobility() + painFreeOnly(restriction), s.basics()),
                new Plan.Item("Hip mobility", d.hipMobility() + painFreeOnly(restriction), s.basics()));
    }

    private static String painFreeOnly(Restriction restriction) {
        return restriction == Restriction.NONE ? "" : "; pain-free only";
    }

    private List<Plan.Item> cues(PlanInputs in, Situation s, Instant earliest) {
        if (in.restriction() == Restriction.PAUSE_ALL_TRAINING) {
            return List.of();
        }
        List<Plan.Item> cues = new ArrayList<>();
        if (s.sleep() != null) {
            cues.add(new Plan.Item(
                    "Sleep first",
                    "Sleep is the first recovery lever: no load increase while your " + "recent nights stay short.",
                    s.sleep()));
        }
        if (s.soreness() != null) {
            cues.add(new Plan.Item(
                    "Recovery",
                    "Normal training soreness: no change to the plan. Sleep well and keep "
                            + "moving with light activity; soreness peaks 24-72 h after training and fades within a week. "
                            + "Report it again if it gets worse, spreads or lingers.",
                    s.soreness()));
        }
        if (s.recovery() != null) {
            cues.add(new Plan.Item(
                    "Space heavy spinal sessions",
                    earliest != null
                            ? "No heavy squat, deadlift or good morning before " + earliest + "."
                            : "Leave at least " + settings.recovery().nextHeavyMinHours()
                                    + " h after your last heavy squat, deadlift or good morning.",
                    s.recovery()));
        }
        if (in.restriction() == Restriction.PAUSE_SPINAL_LOADING) {
            cues.add(new Plan.Item(
                    "Keep pain-free upper-body and core work",
                    "Train what does not load the spine and does not hurt.",
                    s.pause()));
        } else if (s.basics() != null) {
            cues.add(new Plan.Item(
                    "Film your sets from the side",
                    "Record working sets of squats and deadlifts from "
                            + "the side so a coach can check hip and back position.",
                    s.basics()));
            if (s.goodMorningSquat() != null) {
                cues.add(new Plan.Item(
                        "Try the other bar position", otherBarPosition(in.squatBarPosition()), s.goodMorningSquat()));
            }
        }
        return List.copyOf(cues);
    }

    private static String otherBarPosition(Variant current) {
        String why = " and see whether the hips still rise first and the torso still tips forward.";
        if (current == Variant.HIGH_BAR) {
            return "You squat high bar: try a low-bar position" + why;
        }
        if (current == Variant.LOW_BAR) {
            return "You squat low bar: try a high-bar position" + why;
        }
        return "Try the other bar position (high bar to low bar, or back)" + why;
    }

    // ---- helpers

    private static Reason ended(String code, String what, Reason was) {
        return was == null
                ? new Reason(code, what + ".", List.of())
                : new Reason(code, what + "; it was there because: " + was.message(), was.fields());
    }

    /** The parts of an exercise prescription the athlete acts on: reasons and notes left out. */
    private static List<List<Object>> prescribed(Plan plan) {
        return plan.exercises().stream()
                .map(e -> Arrays.<Object>asList(
                        e.exercise(),
                        e.sets(),
                        e.reps(),
                        e.tempo(),
                        e.loadKg(),
                        e.loadKgMax(),
                        e.percentOfE1rm(),
                        e.percentOfE1rmMax(),
                        e.mayIncreaseLoad(),
                        e.paused()))
                .toList();
    }

    private static String percent(Double pct) {
        return pct == null ? "none" : LoadGate.number(pct) + "%";
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : min + "-" + max;
    }

    private static double roundPct(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String names(List<PlanItem> items) {
        List<String> names = items.stream()
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .toList();
        if (names.size() < 2) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        return Arrays.stream(values).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
