package com.liftguard.notifications.domain;

/**
 * The figures of docs/rules.md section 6 that notifications quote to a coach. Planning decides with the same
 * figures; they are configuration so that a tenant's clinicians can tune both services alike.
 *
 * @param squatSets sets per squat exercise when returning to basics, e.g. {@code 3-4}
 * @param squatReps reps per squat set when returning to basics, e.g. {@code 6-8}
 * @param squatTempo eccentric-pause-concentric, e.g. {@code 3-1-1}
 * @param deadliftReps reps per deadlift set when returning to basics, e.g. {@code 4-6}
 * @param deadliftPercentOfE1rm deadlift load when returning to basics, e.g. {@code 70-80}
 * @param gateSessions consecutive clean spinal sessions before load may increase again
 * @param gateMaxRpe highest RPE of any working set in those sessions
 * @param loadIncreasePercent the step once the gate is met, e.g. {@code 2.5-5}
 * @param sorenessWindowHours how long soreness may last without improving before it needs a clinician
 * @param sorenessMaxHours how long any pain may last before it needs a clinician
 * @param sleepHours the nightly sleep below which load does not increase
 * @param heavySpacingHours the least time between heavy spinal sessions when recovery is short
 * @param spinalVolumeCutPercent the cut of the week's spinal volume-load when recovery is short, e.g. {@code 20-30}
 */
public record CoachingGuidance(
        String squatSets,
        String squatReps,
        String squatTempo,
        String deadliftReps,
        String deadliftPercentOfE1rm,
        int gateSessions,
        double gateMaxRpe,
        String loadIncreasePercent,
        int sorenessWindowHours,
        int sorenessMaxHours,
        double sleepHours,
        int heavySpacingHours,
        String spinalVolumeCutPercent) {}
