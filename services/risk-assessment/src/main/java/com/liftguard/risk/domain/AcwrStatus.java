package com.liftguard.risk.domain;

/**
 * Where an acute:chronic workload ratio falls. A SPIKE is a reason to look at the load, never an injury
 * probability: the literature disputes the ratio as a predictor.
 */
public enum AcwrStatus {
    /** Below the normal range (0.8 by default): less load than the athlete is used to. */
    LOW,
    /** Within the normal range, bounds included (0.8..1.3). */
    NORMAL,
    /** Above normal, up to and including the spike threshold (1.3 < ACWR <= 1.5). */
    HIGH,
    /** Above the spike threshold (> 1.5): review the load. */
    SPIKE
}
