package com.liftguard.planning.domain;

import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Reason;
import java.util.Objects;

/**
 * The prescription for one exercise. A null field means "as programmed": planning does not change it.
 *
 * @param sets sets, as text ("3-4")
 * @param reps reps per set, as text ("6-8")
 * @param tempo eccentric-pause-concentric ("3-1-1")
 * @param loadKg the load, or the low end of the load range, rounded to the plate increment
 * @param loadKgMax the high end of the load range, rounded to the plate increment
 * @param percentOfE1rm the load, or the low end of the range, in percent of the exercise's e1RM
 * @param percentOfE1rmMax the high end of the range in percent of e1RM
 * @param mayIncreaseLoad the athlete may add load on this exercise
 * @param paused the exercise is paused until a coach clears the athlete
 * @param note what to do, for the athlete
 * @param reason the rule that shaped this prescription
 */
public record ExercisePlan(
        Exercise exercise,
        String sets,
        String reps,
        String tempo,
        Double loadKg,
        Double loadKgMax,
        Double percentOfE1rm,
        Double percentOfE1rmMax,
        boolean mayIncreaseLoad,
        boolean paused,
        String note,
        Reason reason) {

    public ExercisePlan {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(reason, "reason");
    }

    /** The prescription as published in {@link LoadAdjusted}, with the low end of any range. */
    public LoadAdjusted.Prescription toPrescription() {
        return new LoadAdjusted.Prescription(exercise, sets, reps, tempo, loadKg, percentOfE1rm, mayIncreaseLoad);
    }
}
