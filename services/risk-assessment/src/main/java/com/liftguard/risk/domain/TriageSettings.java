package com.liftguard.risk.domain;

/**
 * The thresholds of docs/rules.md section 2. Defaults are the published ones; a tenant's clinicians may tune
 * them through configuration (liftguard.triage.*).
 *
 * @param seeClinicianIntensity intensity at or above which pain needs a clinician (default 7)
 * @param modifyIntensity intensity at or above which training is modified (default 4)
 * @param sorenessWindowHours longest pain that is still within the soreness window if not improving (72)
 * @param persistentHours pain lasting longer than this always needs a clinician (168)
 * @param recurrentWindow how many of the athlete's last spinal-loading sessions are looked at (4)
 * @param recurrentThreshold after how many of them back pain was reported to call it recurrent (3)
 */
public record TriageSettings(
        int seeClinicianIntensity,
        int modifyIntensity,
        int sorenessWindowHours,
        int persistentHours,
        int recurrentWindow,
        int recurrentThreshold) {

    public static TriageSettings defaults() {
        return new TriageSettings(7, 4, 72, 168, 4, 3);
    }
}
