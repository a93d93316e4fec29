package com.liftguard.risk.domain;

import com.liftguard.events.model.TechniqueFault;
import java.util.List;

/** The technique findings of RULES.md section 3. */
public enum FindingType {
    /** Squat set where the hips rise first and the torso tips forward (tagged, or torso lean grew by 15 deg+). */
    GOOD_MORNING_SQUAT("a good-morning squat (hips rise first, the torso tips forward)",
            List.of("exercise", "faults", "metrics.torsoLeanChangeDeg")),
    /** Squat or deadlift set stopped by the lower back rather than the legs. */
    BACK_LIMITED("back-limited lifting (the lower back, not the legs, ended the set)",
            List.of("exercise", "limitingFactor")),
    LOST_BRACE("a lost brace", List.of("faults")),
    LUMBAR_HYPEREXTENSION("lumbar hyperextension", List.of("faults")),
    LUMBAR_FLEXION("lumbar flexion (the back rounds under load)", List.of("faults")),
    HIPS_TOO_HIGH_START("hips too high at the start", List.of("faults")),
    BAR_DRIFT("bar drift (the bar moves away from the body)", List.of("faults"));

    private final String description;
    private final List<String> fields;

    FindingType(String description, List<String> fields) {
        this.description = description;
        this.fields = fields;
    }

    /** The set fields this finding is read from. */
    public List<String> fields() {
        return fields;
    }

    /** Words a coach can read, used inside a sentence. */
    public String description() {
        return description;
    }

    /** The bracing or posture finding a tagged fault stands for; null for GOOD_MORNING_SQUAT, which is rule-based. */
    static FindingType ofBracingFault(TechniqueFault fault) {
        return switch (fault) {
            case GOOD_MORNING_SQUAT -> null;
            case LOST_BRACE -> LOST_BRACE;
            case LUMBAR_HYPEREXTENSION -> LUMBAR_HYPEREXTENSION;
            case LUMBAR_FLEXION -> LUMBAR_FLEXION;
            case HIPS_TOO_HIGH_START -> HIPS_TOO_HIGH_START;
            case BAR_DRIFT -> BAR_DRIFT;
        };
    }
}
