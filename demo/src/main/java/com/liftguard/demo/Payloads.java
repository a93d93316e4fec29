package com.liftguard.demo;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The JSON bodies of the ingestion API (docs/api.md "Ingestion", docs/rules.md section 1); absent fields are left out. */
public final class Payloads {
    private Payloads() {}

    public enum Exercise {
        BACK_SQUAT,
        FRONT_SQUAT,
        DEADLIFT,
        ROMANIAN_DEADLIFT,
        GOOD_MORNING,
        HIP_THRUST,
        BACK_EXTENSION_45,
        LEG_PRESS,
        SPLIT_SQUAT,
        OTHER;

        public boolean spinal() {
            return this == BACK_SQUAT
                    || this == FRONT_SQUAT
                    || this == DEADLIFT
                    || this == ROMANIAN_DEADLIFT
                    || this == GOOD_MORNING;
        }

        public boolean squat() {
            return this == BACK_SQUAT || this == FRONT_SQUAT;
        }
    }

    public enum Variant {
        HIGH_BAR,
        LOW_BAR,
        CONVENTIONAL,
        SUMO,
        TRAP_BAR
    }

    public enum LimitingFactor {
        LEGS,
        LOWER_BACK,
        GRIP,
        BREATHING,
        NONE
    }

    public enum Fault {
        GOOD_MORNING_SQUAT,
        LOST_BRACE,
        LUMBAR_HYPEREXTENSION,
        LUMBAR_FLEXION,
        HIPS_TOO_HIGH_START,
        BAR_DRIFT
    }

    public enum Region {
        LOWER_BACK,
        UPPER_BACK,
        HIP,
        KNEE,
        OTHER
    }

    public enum Side {
        LEFT,
        RIGHT,
        CENTRAL,
        BILATERAL
    }

    public enum Quality {
        DULL,
        ACHING,
        TIGHT,
        SHARP,
        SHOOTING,
        BURNING
    }

    public enum Onset {
        DURING_SET,
        WITHIN_HOURS,
        NEXT_DAY
    }

    public enum Trend {
        IMPROVING,
        STABLE,
        WORSENING
    }

    public enum Flag {
        RADIATES_BELOW_KNEE,
        NUMBNESS_OR_TINGLING,
        LEG_WEAKNESS,
        SADDLE_NUMBNESS,
        BLADDER_OR_BOWEL_CHANGE,
        WORSE_AT_NIGHT_OR_REST,
        FEVER,
        FOLLOWING_TRAUMA,
        UNEXPLAINED_WEIGHT_LOSS
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metrics(Double torsoLeanChangeDeg, Double meanConcentricVelocity) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WorkSet(
            Exercise exercise,
            Variant variant,
            int reps,
            double loadKg,
            Double rpe,
            Integer rir,
            String tempo,
            Boolean belt,
            LimitingFactor limitingFactor,
            List<Fault> faults,
            Metrics metrics) {

        /** The RPE of the set, from rpe or rir (RPE = 10 - RIR); null when neither is given. */
        public Double effectiveRpe() {
            return rpe != null ? rpe : rir != null ? Double.valueOf(10 - rir) : null;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wellness(Double sleepHours, Integer sleepQuality, Integer stress) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PainReport(
            Region region,
            Side side,
            Quality quality,
            int intensity,
            Onset onset,
            int hoursSinceOnset,
            Trend trend,
            Boolean radiatesBelowKnee,
            Boolean numbnessOrTingling,
            Boolean legWeakness,
            Boolean saddleNumbness,
            Boolean bladderOrBowelChange,
            Boolean worseAtNightOrRest,
            Boolean fever,
            Boolean followingTrauma,
            Boolean unexplainedWeightLoss) {

        public static PainReport of(
                Region region,
                Side side,
                Quality quality,
                int intensity,
                Onset onset,
                int hoursSinceOnset,
                Trend trend,
                Flag... flags) {
            Set<Flag> f = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.of(flags[0], flags);
            return new PainReport(
                    region,
                    side,
                    quality,
                    intensity,
                    onset,
                    hoursSinceOnset,
                    trend,
                    on(f, Flag.RADIATES_BELOW_KNEE),
                    on(f, Flag.NUMBNESS_OR_TINGLING),
                    on(f, Flag.LEG_WEAKNESS),
                    on(f, Flag.SADDLE_NUMBNESS),
                    on(f, Flag.BLADDER_OR_BOWEL_CHANGE),
                    on(f, Flag.WORSE_AT_NIGHT_OR_REST),
                    on(f, Flag.FEVER),
                    on(f, Flag.FOLLOWING_TRAUMA),
                    on(f, Flag.UNEXPLAINED_WEIGHT_LOSS));
        }

        private static Boolean on(Set<Flag> flags, Flag flag) {
            return flags.contains(flag) ? Boolean.TRUE : null;
        }

        /** An EMERGENCY by docs/rules.md section 2. */
        public boolean redFlag() {
            return Boolean.TRUE.equals(saddleNumbness)
                    || Boolean.TRUE.equals(bladderOrBowelChange)
                    || (Boolean.TRUE.equals(legWeakness) && trend == Trend.WORSENING);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Session(
            String sessionId,
            String athleteId,
            String performedAt,
            int durationMinutes,
            double sessionRpe,
            List<WorkSet> sets,
            Wellness wellness,
            List<PainReport> painReports) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckIn(
            String checkInId, String athleteId, String reportedAt, Wellness wellness, List<PainReport> painReports) {}

    /** A roster entry, the body of PUT /v1/athletes/{athleteId}. */
    public record RosterEntry(String displayName, List<String> coachIds) {}

    /** One item of the stream, a session or a check-in, at the instant it happened. */
    public record Timed(Instant at, Session session, CheckIn checkIn) {
        public boolean isSession() {
            return session != null;
        }

        public String athleteId() {
            return session != null ? session.athleteId() : checkIn.athleteId();
        }

        public String id() {
            return session != null ? session.sessionId() : checkIn.checkInId();
        }
    }
}
