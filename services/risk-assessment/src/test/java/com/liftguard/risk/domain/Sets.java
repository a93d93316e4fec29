package com.liftguard.risk.domain;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LimitingFactor;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.SetMetrics;
import com.liftguard.events.model.TechniqueFault;
import java.util.List;

/** Test helper: logged sets with only the fields a test cares about. */
final class Sets {

    private Sets() {}

    static LoggedSet set(Exercise exercise, int reps, double loadKg) {
        return new LoggedSet(exercise, null, reps, loadKg, null, null, null, null, null, List.of(), null);
    }

    static LoggedSet rpe(Exercise exercise, int reps, double loadKg, double rpe) {
        return new LoggedSet(exercise, null, reps, loadKg, rpe, null, null, null, null, List.of(), null);
    }

    static LoggedSet rir(Exercise exercise, int reps, double loadKg, int rir) {
        return new LoggedSet(exercise, null, reps, loadKg, null, rir, null, null, null, List.of(), null);
    }

    static LoggedSet limited(Exercise exercise, LimitingFactor factor) {
        return new LoggedSet(exercise, null, 5, 100, null, null, null, null, factor, List.of(), null);
    }

    static LoggedSet faults(Exercise exercise, TechniqueFault... faults) {
        return new LoggedSet(exercise, null, 5, 100, null, null, null, null, null, List.of(faults), null);
    }

    static LoggedSet lean(Exercise exercise, double torsoLeanChangeDeg) {
        return new LoggedSet(
                exercise,
                null,
                5,
                100,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                new SetMetrics(torsoLeanChangeDeg, null));
    }
}
