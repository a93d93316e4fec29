package com.liftguard.planning.domain;

import com.liftguard.events.model.TriageCategory;
import java.util.Objects;

/**
 * Every number planning uses (docs/rules.md section 6 and the gate to add load again), so a tenant's clinicians can
 * tune each one. Percentages are in percent (70 means 70%), never fractions.
 *
 * @param basics the return-to-basics prescription
 * @param recovery the response to load and recovery factors
 * @param gate when load may rise again, and by how much
 * @param plateIncrementKg every load in kg is rounded to a multiple of this (2.5)
 * @param doses the accessory, core and mobility doses; docs/rules.md names the exercises, not the doses
 */
public record PlanSettings(Basics basics, Recovery recovery, Gate gate, double plateIncrementKg, Doses doses) {

    private static final double EPSILON = 1e-9;

    public PlanSettings {
        Objects.requireNonNull(basics, "basics");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(doses, "doses");
        if (!(plateIncrementKg > 0)) {
            throw new IllegalArgumentException("plateIncrementKg must be positive: " + plateIncrementKg);
        }
    }

    /** The defaults of docs/rules.md. */
    public static PlanSettings defaults() {
        return new PlanSettings(Basics.defaults(), Recovery.defaults(), Gate.defaults(), 2.5, Doses.defaults());
    }

    /** The same settings with another plate increment. */
    public PlanSettings withPlateIncrementKg(double kg) {
        return new PlanSettings(basics, recovery, gate, kg, doses);
    }

    /** The nearest multiple of the plate increment. */
    public double roundToPlate(double kg) {
        return clean(Math.round(kg / plateIncrementKg) * plateIncrementKg);
    }

    /** The smallest multiple of the plate increment at or above {@code kg}. */
    public double roundUpToPlate(double kg) {
        return clean(Math.ceil(kg / plateIncrementKg - EPSILON) * plateIncrementKg);
    }

    /** The largest multiple of the plate increment at or below {@code kg}. */
    public double roundDownToPlate(double kg) {
        return clean(Math.floor(kg / plateIncrementKg + EPSILON) * plateIncrementKg);
    }

    // multiples of 2.5 or 1.25 carry binary noise (142.50000000000003); loads are never finer than a gram
    private static double clean(double kg) {
        return Math.round(kg * 1000) / 1000.0;
    }

    /**
     * Return to basics: squats 3-4 sets of 6-8 reps at a 3-1-1 tempo; deadlifts 4-6 reps a set at 70-80% of e1RM
     * with a full reset each rep.
     */
    public record Basics(
            int squatSetsMin,
            int squatSetsMax,
            int squatRepsMin,
            int squatRepsMax,
            String squatTempo,
            int deadliftRepsMin,
            int deadliftRepsMax,
            double deadliftMinPctOfE1rm,
            double deadliftMaxPctOfE1rm) {
        public Basics {
            range("squat sets", squatSetsMin, squatSetsMax);
            range("squat reps", squatRepsMin, squatRepsMax);
            range("deadlift reps", deadliftRepsMin, deadliftRepsMax);
            range("deadlift percent of e1RM", deadliftMinPctOfE1rm, deadliftMaxPctOfE1rm);
            Objects.requireNonNull(squatTempo, "squatTempo");
        }

        public static Basics defaults() {
            return new Basics(3, 4, 6, 8, "3-1-1", 4, 6, 70, 80);
        }
    }

    /**
     * The recovery response to ACWR spike, high monotony and heavy sessions too close.
     *
     * @param nextHeavyMinHours the next heavy spinal session comes at least this long after the last one (72)
     * @param volumeCutOneFactorPct the spinal volume-load cut when one load/recovery factor holds (20)
     * @param volumeCutSeveralFactorsPct the cut when {@code deloadFactorCount} or more hold at once (30)
     * @param deloadFactorCount this many load/recovery factors at once call for a deload week (2)
     */
    public record Recovery(
            int nextHeavyMinHours,
            double volumeCutOneFactorPct,
            double volumeCutSeveralFactorsPct,
            int deloadFactorCount) {
        public Recovery {
            if (nextHeavyMinHours < 0 || deloadFactorCount < 1) {
                throw new IllegalArgumentException("nextHeavyMinHours must be >= 0 and deloadFactorCount >= 1");
            }
            range("spinal volume-load cut", volumeCutOneFactorPct, volumeCutSeveralFactorsPct);
            if (volumeCutSeveralFactorsPct > 100) {
                throw new IllegalArgumentException("a cut above 100% makes no sense: " + volumeCutSeveralFactorsPct);
            }
        }

        public static Recovery defaults() {
            return new Recovery(72, 20, 30, 2);
        }
    }

    /**
     * The gate to add load again: {@code sessions} consecutive spinal sessions with no pain report above
     * {@code maxPain}, no technique fault tagged and every working set at RPE {@code <= maxRpe}; then
     * +{@code increaseMinPct}..{@code increaseMaxPct}% load.
     *
     * @param requireLoggedRpe when true (the default) a session whose working sets were not all logged with an
     *     RPE or RIR is not clean: nothing shows they stayed at or below {@code maxRpe}, and under-estimating
     *     effort is the error to avoid
     */
    public record Gate(
            int sessions,
            TriageCategory maxPain,
            double maxRpe,
            boolean requireLoggedRpe,
            double increaseMinPct,
            double increaseMaxPct) {
        public Gate {
            if (sessions < 1) {
                throw new IllegalArgumentException("the gate needs at least one session: " + sessions);
            }
            Objects.requireNonNull(maxPain, "maxPain");
            range("load increase", increaseMinPct, increaseMaxPct);
        }

        public static Gate defaults() {
            return new Gate(3, TriageCategory.NORMAL_SORENESS, 8.0, true, 2.5, 5.0);
        }
    }

    /** Doses (free text shown to the athlete) of the accessory, core and mobility work of the return to basics. */
    public record Doses(
            String romanianDeadlift,
            String backExtension45,
            String hipThrust,
            String coreExercise,
            String ankleMobility,
            String hipMobility) {
        public Doses {
            Objects.requireNonNull(romanianDeadlift, "romanianDeadlift");
            Objects.requireNonNull(backExtension45, "backExtension45");
            Objects.requireNonNull(hipThrust, "hipThrust");
            Objects.requireNonNull(coreExercise, "coreExercise");
            Objects.requireNonNull(ankleMobility, "ankleMobility");
            Objects.requireNonNull(hipMobility, "hipMobility");
        }

        public static Doses defaults() {
            return new Doses(
                    "3 sets of 8-10 reps, light (RPE 6-7), hinging with a neutral spine",
                    "2-3 sets of 10-15 reps, body weight, controlled, no arching at the top",
                    "3 sets of 8-12 reps, 1 s hold at the top",
                    "holds of 8-10 s in a descending pyramid (for example 6, 4, 2 reps), daily",
                    "knee-to-wall ankle rocks, 2 sets of 10 per side, before squatting",
                    "hip flexor stretch and 90/90 hip rotations, 2 sets of 30-45 s per side");
        }
    }

    private static void range(String what, double min, double max) {
        if (min < 0 || min > max) {
            throw new IllegalArgumentException(what + ": need 0 <= min <= max, got " + min + ".." + max);
        }
    }
}
