package com.liftguard.risk.domain;

import com.liftguard.events.model.FindingType;
import com.liftguard.events.model.TechniqueFault;
import java.util.List;

/**
 * What the technique findings of docs/rules.md section 3 say to a coach and which set fields each is read from. The
 * finding types themselves are shared ({@link FindingType}: planning and notifications speak them too); their
 * words and the faults they stand for are rules, so they live here.
 */
public final class FindingDescriptions {
    private FindingDescriptions() {}

    /** Words a coach can read, used inside a sentence. */
    public static String description(FindingType type) {
        return switch (type) {
            case GOOD_MORNING_SQUAT -> "a good-morning squat (hips rise first, the torso tips forward)";
            case BACK_LIMITED -> "back-limited lifting (the lower back, not the legs, ended the set)";
            case LOST_BRACE -> "a lost brace";
            case LUMBAR_HYPEREXTENSION -> "lumbar hyperextension";
            case LUMBAR_FLEXION -> "lumbar flexion (the back rounds under load)";
            case HIPS_TOO_HIGH_START -> "hips too high at the start";
            case BAR_DRIFT -> "bar drift (the bar moves away from the body)";
        };
    }

    /** The set fields a finding is read from. */
    public static List<String> fields(FindingType type) {
        return switch (type) {
            // tagged, or the torso lean grew by 15 deg or more: either field can make a set one
            case GOOD_MORNING_SQUAT -> List.of("exercise", "faults", "metrics.torsoLeanChangeDeg");
            case BACK_LIMITED -> List.of("exercise", "limitingFactor");
            case LOST_BRACE, LUMBAR_HYPEREXTENSION, LUMBAR_FLEXION, HIPS_TOO_HIGH_START, BAR_DRIFT -> List.of("faults");
        };
    }

    /** The bracing or posture finding a tagged fault stands for; null for GOOD_MORNING_SQUAT, which is rule-based. */
    static FindingType ofBracingFault(TechniqueFault fault) {
        return switch (fault) {
            case GOOD_MORNING_SQUAT -> null;
            case LOST_BRACE -> FindingType.LOST_BRACE;
            case LUMBAR_HYPEREXTENSION -> FindingType.LUMBAR_HYPEREXTENSION;
            case LUMBAR_FLEXION -> FindingType.LUMBAR_FLEXION;
            case HIPS_TOO_HIGH_START -> FindingType.HIPS_TOO_HIGH_START;
            case BAR_DRIFT -> FindingType.BAR_DRIFT;
        };
    }
}
