package com.liftguard.planning.domain;

import com.liftguard.events.model.Reason;
import java.util.List;
import java.util.Objects;

/**
 * Where the athlete stands against the gate to add load again.
 *
 * @param consecutiveCleanSessions clean spinal sessions in a row, counted back from the most recent
 * @param required how many the gate needs
 * @param open the gate is met: load may rise again unless something else holds it back
 * @param reason why, for a coach
 */
public record GateStatus(int consecutiveCleanSessions, int required, boolean open, Reason reason) {

    public GateStatus {
        if (consecutiveCleanSessions < 0 || required < 1) {
            throw new IllegalArgumentException("need consecutiveCleanSessions >= 0 and required >= 1");
        }
        if (open != consecutiveCleanSessions >= required) {
            throw new IllegalArgumentException("open must mean consecutiveCleanSessions >= required");
        }
        Objects.requireNonNull(reason, "reason");
    }

    /** The status when no spinal session has been summarized: closed, none clean. */
    public static GateStatus noSessions(int required) {
        return new GateStatus(
                0,
                required,
                false,
                new Reason(
                        PlanCodes.LOAD_GATE_NOT_MET,
                        "No spinal-loading session logged yet: 0 of " + required
                                + " consecutive clean sessions needed before load rises again.",
                        List.of("sessions")));
    }
}
