package com.liftguard.ingestion.domain;

import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Variant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The v1 ingestion contract (docs/api.md "Ingestion", docs/rules.md section 1) in plain Java: how much a batch holds,
 * the bounds of every number, the fields each object may have, and the shapes of a tempo and a date-time.
 * {@code wire.IngestValidator} applies them to a request's JSON tree, so that every violation is reported
 * at its own pointer.
 */
public final class IngestRules {
    public static final int MAX_BATCH = 500;
    public static final int MAX_SETS = 200;
    public static final int MAX_PAIN_REPORTS = 10;
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_COACHES = 100;
    public static final int MAX_DISPLAY_NAME = 200;

    /**
     * The inclusive bounds of a number field; for a decimal with {@code step} above 0, its values are whole
     * multiples of the step. A whole-number field uses the bounds only.
     */
    public record Range(double min, double max, double step) {
        static Range of(double min, double max) {
            return new Range(min, max, 0);
        }
    }

    public static final Range DURATION_MINUTES = Range.of(1, 600);
    /** CR-10. */
    public static final Range SESSION_RPE = Range.of(0, 10);

    public static final Range REPS = Range.of(1, 100);
    public static final Range LOAD_KG = Range.of(0, 600);
    public static final Range SET_RPE = new Range(1, 10, 0.5);
    public static final Range RIR = Range.of(0, 10);
    public static final Range TORSO_LEAN_CHANGE_DEG = Range.of(-90, 90);
    public static final Range MEAN_CONCENTRIC_VELOCITY = Range.of(0, 5);
    public static final Range SLEEP_HOURS = Range.of(0, 24);
    public static final Range SLEEP_QUALITY = Range.of(1, 5);
    public static final Range STRESS = Range.of(1, 5);
    public static final Range PAIN_INTENSITY = Range.of(0, 10);
    public static final Range HOURS_SINCE_ONSET = Range.of(0, 2000);

    // the fields each object may have: a misspelt optional field must not pass silently
    public static final Set<String> SESSION_FIELDS = names(
            "sessionId",
            "athleteId",
            "performedAt",
            "durationMinutes",
            "sessionRpe",
            "sets",
            "wellness",
            "painReports");
    public static final Set<String> CHECK_IN_FIELDS =
            names("checkInId", "athleteId", "reportedAt", "wellness", "painReports");
    public static final Set<String> METRIC_FIELDS = names("torsoLeanChangeDeg", "meanConcentricVelocity");
    public static final Set<String> WELLNESS_FIELDS = names("sleepHours", "sleepQuality", "stress");
    /** The pain report's flags, each optional and false when absent. */
    public static final List<String> PAIN_FLAGS = List.of(
            "radiatesBelowKnee",
            "numbnessOrTingling",
            "legWeakness",
            "saddleNumbness",
            "bladderOrBowelChange",
            "worseAtNightOrRest",
            "fever",
            "followingTrauma",
            "unexplainedWeightLoss");

    public static final Set<String> PAIN_FIELDS = names(
            "region",
            "side",
            "quality",
            "intensity",
            "onset",
            "hoursSinceOnset",
            "trend",
            "radiatesBelowKnee",
            "numbnessOrTingling",
            "legWeakness",
            "saddleNumbness",
            "bladderOrBowelChange",
            "worseAtNightOrRest",
            "fever",
            "followingTrauma",
            "unexplainedWeightLoss");
    public static final Set<String> ROSTER_FIELDS = names("displayName", "coachIds");

    private IngestRules() {}

    /** A set of field names to look names up in (hash lookups; names of a parsed body are interned strings). */
    private static Set<String> names(String... names) {
        return new HashSet<>(Arrays.asList(names));
    }

    /**
     * Why {@code variant} does not fit {@code exercise}, or null when it does: bar positions are for squats,
     * stances for deadlifts.
     */
    public static String variantMismatch(Exercise exercise, Variant variant) {
        boolean squatVariant = variant == Variant.HIGH_BAR || variant == Variant.LOW_BAR;
        if (squatVariant && !exercise.squat()) {
            return variant + " applies to squats only";
        } else if (!squatVariant && exercise != Exercise.DEADLIFT) {
            return variant + " applies to deadlifts only";
        }
        return null;
    }

    /**
     * A tempo: eccentric-pause-concentric seconds, optionally a fourth part, each one or two ASCII digits or
     * {@code X} (an explosive phase), joined by {@code -}: {@code 3-1-1}, {@code 3-0-X-1}, {@code 10-2-1}.
     */
    public static boolean tempo(String s) {
        int parts = 0;
        int i = 0;
        int n = s.length();
        while (true) {
            int start = i;
            if (i < n && s.charAt(i) == 'X') {
                i++;
            } else {
                while (i < n && i - start < 3 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                if (i == start || i - start > 2) {
                    return false;
                }
            }
            parts++;
            if (i == n) {
                return parts == 3 || parts == 4;
            }
            if (s.charAt(i) != '-' || parts == 4) {
                return false;
            }
            i++;
        }
    }

    /**
     * Whether {@code s} is an ISO-8601 date-time with an offset. The common shapes
     * ({@code 2026-11-24T18:30:00Z}, {@code 2026-11-24T18:30:00+01:00}) are checked field by field, which
     * costs a fraction of a full parse; anything else goes through {@link OffsetDateTime#parse}.
     */
    public static boolean validOffsetDateTime(String s) {
        int len = s.length();
        if ((len == 20 && s.charAt(19) == 'Z')
                || (len == 25 && (s.charAt(19) == '+' || s.charAt(19) == '-') && s.charAt(22) == ':')) {
            if (s.charAt(4) == '-'
                    && s.charAt(7) == '-'
                    && s.charAt(10) == 'T'
                    && s.charAt(13) == ':'
                    && s.charAt(16) == ':') {
                int year = digits(s, 0, 4);
                int month = digits(s, 5, 2);
                int day = digits(s, 8, 2);
                int hour = digits(s, 11, 2);
                int minute = digits(s, 14, 2);
                int second = digits(s, 17, 2);
                int offsetHours = len == 25 ? digits(s, 20, 2) : 0;
                int offsetMinutes = len == 25 ? digits(s, 23, 2) : 0;
                if (year < 0
                        || month < 1
                        || month > 12
                        || day < 1
                        || hour < 0
                        || hour > 23
                        || minute < 0
                        || minute > 59
                        || second < 0
                        || second > 59
                        || offsetHours < 0
                        || offsetHours > 18
                        || offsetMinutes < 0
                        || offsetMinutes > 59
                        || (offsetHours == 18 && offsetMinutes > 0)) {
                    return false;
                }
                return day <= YearMonth.of(year, month).lengthOfMonth();
            }
        }
        try {
            OffsetDateTime.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The non-negative number written by {@code count} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
