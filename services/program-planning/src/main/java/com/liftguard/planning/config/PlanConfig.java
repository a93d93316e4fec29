package com.liftguard.planning.config;

import com.liftguard.events.model.TriageCategory;
import com.liftguard.planning.domain.LoadGate;
import com.liftguard.planning.domain.PlanPolicy;
import com.liftguard.planning.domain.PlanSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** docs/rules.md section 6 and the load gate, tunable per deployment under {@code liftguard.plan}. */
@ConfigMapping(prefix = "liftguard.plan")
public interface PlanConfig {
    Basics basics();

    Recovery recovery();

    Gate gate();

    /** Loads are rounded to this plate increment. */
    @WithDefault("2.5")
    double plateIncrementKg();

    Doses doses();

    /** Return to basics: squats 3-4 x 6-8 at 3-1-1, deadlifts 4-6 reps at 70-80% of e1RM. */
    interface Basics {
        @WithDefault("3")
        int squatSetsMin();

        @WithDefault("4")
        int squatSetsMax();

        @WithDefault("6")
        int squatRepsMin();

        @WithDefault("8")
        int squatRepsMax();

        @WithDefault("3-1-1")
        String squatTempo();

        @WithDefault("4")
        int deadliftRepsMin();

        @WithDefault("6")
        int deadliftRepsMax();

        @WithDefault("70")
        double deadliftMinPctOfE1rm();

        @WithDefault("80")
        double deadliftMaxPctOfE1rm();
    }

    /** Load and recovery factors: 72 h spacing, a 20-30% spinal volume cut, a deload when two hold. */
    interface Recovery {
        @WithDefault("72")
        int nextHeavyMinHours();

        @WithDefault("20")
        double volumeCutOneFactorPct();

        @WithDefault("30")
        double volumeCutSeveralFactorsPct();

        @WithDefault("2")
        int deloadFactorCount();
    }

    /** The gate back to adding load: 3 clean spinal sessions, then +2.5-5%. */
    interface Gate {
        @WithDefault("3")
        int sessions();

        @WithDefault("NORMAL_SORENESS")
        TriageCategory maxPain();

        @WithDefault("8")
        double maxRpe();

        /** A working set without RPE or RIR does not show RPE <= 8, so its session is not clean. */
        @WithDefault("true")
        boolean requireLoggedRpe();

        @WithDefault("2.5")
        double increaseMinPct();

        @WithDefault("5")
        double increaseMaxPct();
    }

    /** The doses of the accessory, core and mobility work (coaching text). */
    interface Doses {
        @WithDefault("3 sets of 8-10 reps, light (RPE 6-7), hinging with a neutral spine")
        String romanianDeadlift();

        @WithDefault("2-3 sets of 10-15 reps, body weight, controlled, no arching at the top")
        String backExtension45();

        @WithDefault("3 sets of 8-12 reps, 1 s hold at the top")
        String hipThrust();

        @WithDefault("holds of 8-10 s in a descending pyramid (for example 6, 4, 2 reps), daily")
        String coreExercise();

        @WithDefault("knee-to-wall ankle rocks, 2 sets of 10 per side, before squatting")
        String ankleMobility();

        @WithDefault("hip flexor stretch and 90/90 hip rotations, 2 sets of 30-45 s per side")
        String hipMobility();
    }

    default PlanSettings settings() {
        Basics b = basics();
        Recovery r = recovery();
        Gate g = gate();
        Doses d = doses();
        return new PlanSettings(
                new PlanSettings.Basics(
                        b.squatSetsMin(),
                        b.squatSetsMax(),
                        b.squatRepsMin(),
                        b.squatRepsMax(),
                        b.squatTempo(),
                        b.deadliftRepsMin(),
                        b.deadliftRepsMax(),
                        b.deadliftMinPctOfE1rm(),
                        b.deadliftMaxPctOfE1rm()),
                new PlanSettings.Recovery(
                        r.nextHeavyMinHours(),
                        r.volumeCutOneFactorPct(),
                        r.volumeCutSeveralFactorsPct(),
                        r.deloadFactorCount()),
                new PlanSettings.Gate(
                        g.sessions(),
                        g.maxPain(),
                        g.maxRpe(),
                        g.requireLoggedRpe(),
                        g.increaseMinPct(),
                        g.increaseMaxPct()),
                plateIncrementKg(),
                new PlanSettings.Doses(
                        d.romanianDeadlift(),
                        d.backExtension45(),
                        d.hipThrust(),
                        d.coreExercise(),
                        d.ankleMobility(),
                        d.hipMobility()));
    }

    /** The domain objects as beans, built from configuration. */
    @ApplicationScoped
    class Beans {
        @Produces
        @ApplicationScoped
        PlanPolicy policy(PlanConfig config) {
            return new PlanPolicy(config.settings());
        }

        @Produces
        @ApplicationScoped
        LoadGate gate(PlanConfig config) {
            return new LoadGate(config.settings());
        }
    }
}
