package com.liftguard.risk.domain;

/**
 * When a spinal-loading session is heavy and how far apart heavy sessions must be (docs/rules.md sections 4 and 6).
 *
 * @param heavyPercentOfE1rm a spinal set at or above this fraction of its exercise's e1RM is heavy (0.80)
 * @param heavyRpe a spinal set at or above this effective RPE is heavy (8)
 * @param maxEffortRpe a set at or above this effective RPE is a max effort (10, which is also RIR 0)
 * @param minHoursBetweenHeavy two heavy spinal sessions closer than this are too close (48)
 * @param minHoursAfterMaxEffort the same when the earlier session had a max-effort set (72)
 * @param nextHeavyMinHours the recovery response moves the next heavy spinal session at least this long after
 *     the last one (72, section 6)
 */
public record RecoverySettings(
        double heavyPercentOfE1rm,
        double heavyRpe,
        double maxEffortRpe,
        int minHoursBetweenHeavy,
        int minHoursAfterMaxEffort,
        int nextHeavyMinHours) {

    public static RecoverySettings defaults() {
        return new RecoverySettings(0.80, 8.0, 10.0, 48, 72, 72);
    }
}
