package com.liftguard.planning.domain;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The athlete's whole current prescription, each part with the reason that put it there.
 *
 * @param asOf the time the plan was made for
 * @param restriction the pause in force
 * @param exercises the prescription per exercise (paused ones included, marked paused)
 * @param restrictions what the athlete may not do, and until when
 * @param returnToBasics the return-to-basics response holds (MODIFY_TRAINING, a technique pattern or back-limited
 *     lifting); under a pause it applies once the athlete is cleared
 * @param basicsReason what triggered it, or null
 * @param earliestNextHeavySpinal no heavy spinal-loading session before this time, or null when no spacing applies
 *     or the last heavy session is unknown
 * @param earliestNextHeavySpinalReason why, or null
 * @param spinalVolumeChangePct the change of this week's spinal volume-load in percent (negative: a cut), or null
 *     for no change
 * @param spinalVolumeReason why, or null
 * @param deloadWeek a deload week
 * @param deloadReason why, or null
 * @param accessories accessory exercises with their doses
 * @param core core stability work
 * @param mobility mobility work
 * @param cues coaching cues
 * @param mayIncreaseLoad the athlete may add load at all
 * @param loadIncreaseReason why load may rise, or what holds it back
 * @param gate the gate to add load again
 */
public record Plan(
        Instant asOf,
        Restriction restriction,
        List<ExercisePlan> exercises,
        List<Item> restrictions,
        boolean returnToBasics,
        Reason basicsReason,
        Instant earliestNextHeavySpinal,
        Reason earliestNextHeavySpinalReason,
        Double spinalVolumeChangePct,
        Reason spinalVolumeReason,
        boolean deloadWeek,
        Reason deloadReason,
        List<Item> accessories,
        List<Item> core,
        List<Item> mobility,
        List<Item> cues,
        boolean mayIncreaseLoad,
        Reason loadIncreaseReason,
        GateStatus gate) {

    public Plan {
        Objects.requireNonNull(restriction, "restriction");
        Objects.requireNonNull(loadIncreaseReason, "loadIncreaseReason");
        Objects.requireNonNull(gate, "gate");
        exercises = List.copyOf(exercises);
        restrictions = List.copyOf(restrictions);
        accessories = List.copyOf(accessories);
        core = List.copyOf(core);
        mobility = List.copyOf(mobility);
        cues = List.copyOf(cues);
    }

    /** Every item of the plan: restrictions, accessories, core, mobility and cues, in that order. */
    public List<Item> items() {
        List<Item> all = new ArrayList<>(restrictions);
        all.addAll(accessories);
        all.addAll(core);
        all.addAll(mobility);
        all.addAll(cues);
        return List.copyOf(all);
    }

    /** The exercise's prescription, if the plan has one. */
    public Optional<ExercisePlan> exercise(Exercise exercise) {
        return exercises.stream().filter(e -> e.exercise() == exercise).findFirst();
    }

    /**
     * One thing to do or not to do.
     *
     * @param name what, for example "Romanian deadlift"
     * @param detail how much or how, for the athlete
     * @param reason the rule that put it in the plan
     */
    public record Item(String name, String detail, Reason reason) {
        public Item {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
