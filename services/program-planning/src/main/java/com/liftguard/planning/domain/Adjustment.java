package com.liftguard.planning.domain;

import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.model.Reason;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the athlete's adjustment history: a real change to the plan, why, and what caused it.
 *
 * @param restriction the restriction in force after the change
 */
public record Adjustment(
        String id,
        String tenant,
        String athleteId,
        Action action,
        Restriction restriction,
        Reason reason,
        Cause cause,
        Instant madeAt) {

    public Adjustment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(restriction, "restriction");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(madeAt, "madeAt");
    }

    /**
     * What changed: a pause put in force or lifted (as its RecoveryScheduled says), or any other change of the plan
     * (as {@link PlanChange.Kind} names it).
     */
    public enum Action {
        PAUSE_ALL_TRAINING,
        PAUSE_SPINAL_LOADING,
        CLEARED,
        BASICS_STARTED,
        BASICS_ENDED,
        SPINAL_VOLUME_CHANGED,
        DELOAD_STARTED,
        DELOAD_ENDED,
        HEAVY_SPACING_CHANGED,
        LOAD_INCREASE_ALLOWED,
        LOAD_INCREASE_HELD,
        PRESCRIPTION_CHANGED;

        public static Action of(RecoveryScheduled.Action pause) {
            return switch (pause) {
                case PAUSE_ALL_TRAINING -> PAUSE_ALL_TRAINING;
                case PAUSE_SPINAL_LOADING -> PAUSE_SPINAL_LOADING;
                case CLEARED -> CLEARED;
                case SPACE_HEAVY_SESSIONS, DELOAD_WEEK ->
                    throw new IllegalArgumentException(pause + " is recorded as the plan change it announces");
            };
        }

        public static Action of(PlanChange.Kind change) {
            return switch (change) {
                case BASICS_STARTED -> BASICS_STARTED;
                case BASICS_ENDED -> BASICS_ENDED;
                case SPINAL_VOLUME_CHANGED -> SPINAL_VOLUME_CHANGED;
                case DELOAD_STARTED -> DELOAD_STARTED;
                case DELOAD_ENDED -> DELOAD_ENDED;
                case HEAVY_SPACING_CHANGED -> HEAVY_SPACING_CHANGED;
                case LOAD_INCREASE_ALLOWED -> LOAD_INCREASE_ALLOWED;
                case LOAD_INCREASE_HELD -> LOAD_INCREASE_HELD;
                case PRESCRIPTION_CHANGED -> PRESCRIPTION_CHANGED;
                case RESTRICTION_ADDED, RESTRICTION_LIFTED ->
                    throw new IllegalArgumentException(change + " is recorded as the pause or clearance that made it");
            };
        }
    }
}
