package com.liftguard.planning.domain;

import com.liftguard.events.model.Reason;
import java.util.Objects;

/**
 * One real change between two plans, so the service publishes one event per change and records it as an
 * adjustment. Computed by {@link PlanPolicy#changes(Plan, Plan)}.
 *
 * @param kind what changed
 * @param summary what changed, for a coach
 * @param reason why: the reason of the new state, or for something that ended, what it was there for
 */
public record PlanChange(Kind kind, String summary, Reason reason) {

    public PlanChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(reason, "reason");
    }

    /** What changed. */
    public enum Kind {
        /** A pause was put in force or made stricter. */
        RESTRICTION_ADDED,
        /** A pause was lifted or made milder (a coach's clearance). */
        RESTRICTION_LIFTED,
        BASICS_STARTED,
        BASICS_ENDED,
        /** The spinal volume-load change was set, changed or removed. */
        SPINAL_VOLUME_CHANGED,
        DELOAD_STARTED,
        DELOAD_ENDED,
        /** The earliest time of the next heavy spinal session was set, moved or removed. */
        HEAVY_SPACING_CHANGED,
        LOAD_INCREASE_ALLOWED,
        LOAD_INCREASE_HELD,
        /** Only the per-exercise prescription changed (for example a load after a new e1RM). */
        PRESCRIPTION_CHANGED
    }
}
