package com.liftguard.risk.domain;

/**
 * Thresholds of the technique findings and patterns of docs/rules.md section 3.
 *
 * @param goodMorningLeanDeg a squat set whose torso lean grows by at least this much during the ascent is a
 *     good-morning squat (15 degrees)
 * @param patternSetsInSession a finding in at least this many sets of one session is a pattern (2)
 * @param patternSessions a finding in at least this many of the last sessions is a pattern (2)
 * @param lastSessions how many of the athlete's most recent sessions are looked at (3)
 */
public record FindingSettings(
        double goodMorningLeanDeg, int patternSetsInSession, int patternSessions, int lastSessions) {

    public static FindingSettings defaults() {
        return new FindingSettings(15.0, 2, 2, 3);
    }
}
