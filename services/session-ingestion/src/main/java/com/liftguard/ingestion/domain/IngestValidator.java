package com.liftguard.ingestion.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LimitingFactor;
import com.liftguard.events.model.PainOnset;
import com.liftguard.events.model.PainQuality;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainSide;
import com.liftguard.events.model.PainTrend;
import com.liftguard.events.model.TechniqueFault;
import com.liftguard.events.model.Variant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The v1 ingestion contract (API.md "Ingestion", RULES.md section 1): every rule a session, check-in or
 * roster entry must meet, all reported at once.
 */
public final class IngestValidator {
    public static final int MAX_BATCH = 500;
    public static final int MAX_SETS = 200;
    public static final int MAX_PAIN_REPORTS = 10;
    public static final int MAX_ID_LENGTH = 128;
    public static final int MAX_COACHES = 100;


    private static final Set<String> SESSION_FIELDS = JsonChecks.names("sessionId", "athleteId", "performedAt",
            "durationMinutes", "sessionRpe", "sets", "wellness", "painReports");
    private static final Set<String> CHECK_IN_FIELDS = JsonChecks.names("checkInId", "athleteId", "reportedAt", "wellness",
            "painReports");
    private static final Set<String> METRIC_FIELDS = JsonChecks.names("torsoLeanChangeDeg", "meanConcentricVelocity");
    private static final Set<String> WELLNESS_FIELDS = JsonChecks.names("sleepHours", "sleepQuality", "stress");
    private static final Set<String> PAIN_FIELDS = JsonChecks.names("region", "side", "quality", "intensity", "onset",
            "hoursSinceOnset", "trend", "radiatesBelowKnee", "numbnessOrTingling", "legWeakness", "saddleNumbness",
            "bladderOrBowelChange", "worseAtNightOrRest", "fever", "followingTrauma", "unexplainedWeightLoss");
    private static final Set<String> ROSTER_FIELDS = JsonChecks.names("displayName", "coachIds");
    private static final List<String> PAIN_FLAGS = List.of("radiatesBelowKnee", "numbnessOrTingling", "legWeakness",
            "saddleNumbness", "bladderOrBowelChange", "worseAtNightOrRest", "fever", "followingTrauma",
            "unexplainedWeightLoss");

    public List<Violation> validateSessions(JsonNode batch) {
        return validateBatch(batch, this::session);
    }

    public List<Violation> validateCheckIns(JsonNode batch) {
        return validateBatch(batch, this::checkIn);
    }

    /** One session or check-in on its own, as it arrives on an ingest topic; pointers start at the record. */
    public List<Violation> validateSession(JsonNode item) {
        JsonChecks c = new JsonChecks();
        session(c, item, "");
        return c.violations();
    }

    public List<Violation> validateCheckIn(JsonNode item) {
        JsonChecks c = new JsonChecks();
        checkIn(c, item, "");
        return c.violations();
    }

    public List<Violation> validateRoster(String athleteId, JsonNode body) {
        JsonChecks c = new JsonChecks();
        if (athleteId == null || athleteId.isBlank() || athleteId.length() > MAX_ID_LENGTH) {
            c.fail("", "the athleteId in the path must be 1 to " + MAX_ID_LENGTH + " characters long");
        }
        if (!c.object(body, "")) {
            return c.violations();
        }
        c.onlyFields(body, "", ROSTER_FIELDS);
        c.string(body, "displayName", "", true, 1, 200);
        Set<String> seen = new HashSet<>();
        c.array(body, "coachIds", "", true, MAX_COACHES, (coach, p) -> {
            if (!coach.isTextual() || coach.asText().isBlank() || coach.asText().length() > MAX_ID_LENGTH) {
                c.fail(p, "must be a coach id of 1 to " + MAX_ID_LENGTH + " characters");
            } else if (!seen.add(coach.asText())) {
                c.fail(p, "is listed twice");
            }
        });
        return c.violations();
    }

    private interface ItemCheck {
        void check(JsonChecks c, JsonNode item, String pointer);
    }

    private List<Violation> validateBatch(JsonNode batch, ItemCheck item) {
        JsonChecks c = new JsonChecks();
        if (batch == null || !batch.isArray()) {
            c.fail("", "must be a JSON array of 1 to " + MAX_BATCH + " items");
            return c.violations();
        }
        if (batch.isEmpty() || batch.size() > MAX_BATCH) {
            c.fail("", "must hold 1 to " + MAX_BATCH + " items, not " + batch.size());
            return c.violations();
        }
        for (int i = 0; i < batch.size(); i++) {
            item.check(c, batch.get(i), JsonChecks.child("", i));
        }
        return c.violations();
    }

    private void session(JsonChecks c, JsonNode s, String p) {
        if (!c.object(s, p)) {
            return;
        }
        c.onlyFields(s, p, SESSION_FIELDS);
        c.string(s, "sessionId", p, true, 1, MAX_ID_LENGTH);
        c.string(s, "athleteId", p, true, 1, MAX_ID_LENGTH);
        c.offsetDateTime(s, "performedAt", p, true);
        c.integer(s, "durationMinutes", p, true, 1, 600);
        c.number(s, "sessionRpe", p, true, 0, 10, 0);
        c.array(s, "sets", p, false, MAX_SETS, (set, sp) -> set(c, set, sp));
        wellness(c, s, p);
        c.array(s, "painReports", p, false, MAX_PAIN_REPORTS, (r, rp) -> painReport(c, r, rp));
    }

    private void checkIn(JsonChecks c, JsonNode s, String p) {
        if (!c.object(s, p)) {
            return;
        }
        c.onlyFields(s, p, CHECK_IN_FIELDS);
        c.string(s, "checkInId", p, true, 1, MAX_ID_LENGTH);
        c.string(s, "athleteId", p, true, 1, MAX_ID_LENGTH);
        c.offsetDateTime(s, "reportedAt", p, true);
        wellness(c, s, p);
        c.array(s, "painReports", p, false, MAX_PAIN_REPORTS, (r, rp) -> painReport(c, r, rp));
    }

    private void set(JsonChecks c, JsonNode set, String p) {
        if (!c.object(set, p)) {
            return;
        }
        SetFields f = SetFields.of(set, unknown -> c.fail(JsonChecks.child(p, unknown), "is not a known field"));
        c.enumAt(f.exercise(), "exercise", p, true, Exercise.class);
        c.enumAt(f.variant(), "variant", p, false, Variant.class);
        variantFitsExercise(c, f.exercise(), f.variant(), p);
        c.integerAt(f.reps(), "reps", p, true, 1, 100);
        c.numberAt(f.loadKg(), "loadKg", p, true, 0, 600, 0);
        c.numberAt(f.rpe(), "rpe", p, false, 1, 10, 0.5);
        c.integerAt(f.rir(), "rir", p, false, 0, 10);
        if (!JsonChecks.absent(f.rpe()) && !JsonChecks.absent(f.rir())) {
            c.fail(JsonChecks.child(p, "rir"), "give rpe or rir, not both");
        }
        if (!JsonChecks.absent(f.tempo()) && (!f.tempo().isTextual() || !tempo(f.tempo().asText()))) {
            c.fail(JsonChecks.child(p, "tempo"),
                    "must be eccentric-pause-concentric seconds such as 3-1-1, optionally with a fourth part");
        }
        c.boolAt(f.belt(), "belt", p);
        c.enumAt(f.limitingFactor(), "limitingFactor", p, false, LimitingFactor.class);
        c.enumSetAt(f.faults(), "faults", p, TechniqueFault.class, TechniqueFault.values().length);
        if (!JsonChecks.absent(f.metrics())) {
            String mp = JsonChecks.child(p, "metrics");
            if (c.object(f.metrics(), mp)) {
                c.onlyFields(f.metrics(), mp, METRIC_FIELDS);
                c.number(f.metrics(), "torsoLeanChangeDeg", mp, false, -90, 90, 0);
                c.number(f.metrics(), "meanConcentricVelocity", mp, false, 0, 5, 0);
            }
        }
    }

    private static void variantFitsExercise(JsonChecks c, JsonNode exercise, JsonNode variant, String p) {
        if (variant == null || exercise == null || !variant.isTextual() || !exercise.isTextual()) {
            return;
        }
        Exercise e;
        Variant v;
        try {
            e = Exercise.valueOf(exercise.asText());
            v = Variant.valueOf(variant.asText());
        } catch (IllegalArgumentException invalidAlreadyReported) {
            return;
        }
        boolean squatVariant = v == Variant.HIGH_BAR || v == Variant.LOW_BAR;
        if (squatVariant && !e.squat()) {
            c.fail(JsonChecks.child(p, "variant"), v + " applies to squats only");
        } else if (!squatVariant && e != Exercise.DEADLIFT) {
            c.fail(JsonChecks.child(p, "variant"), v + " applies to deadlifts only");
        }
    }

    private void wellness(JsonChecks c, JsonNode parent, String p) {
        JsonNode w = parent.get("wellness");
        if (JsonChecks.absent(w)) {
            return;
        }
        String wp = JsonChecks.child(p, "wellness");
        if (!c.object(w, wp)) {
            return;
        }
        c.onlyFields(w, wp, WELLNESS_FIELDS);
        c.number(w, "sleepHours", wp, false, 0, 24, 0);
        c.integer(w, "sleepQuality", wp, false, 1, 5);
        c.integer(w, "stress", wp, false, 1, 5);
    }

    private void painReport(JsonChecks c, JsonNode r, String p) {
        if (!c.object(r, p)) {
            return;
        }
        c.onlyFields(r, p, PAIN_FIELDS);
        c.enumValue(r, "region", p, true, PainRegion.class);
        c.enumValue(r, "side", p, true, PainSide.class);
        c.enumValue(r, "quality", p, true, PainQuality.class);
        c.integer(r, "intensity", p, true, 0, 10);
        c.enumValue(r, "onset", p, true, PainOnset.class);
        c.integer(r, "hoursSinceOnset", p, true, 0, 2000);
        c.enumValue(r, "trend", p, true, PainTrend.class);
        for (String flag : PAIN_FLAGS) {
            c.bool(r, flag, p);
        }
    }

    /**
     * A tempo: eccentric-pause-concentric seconds, optionally a fourth part, each one or two ASCII digits or
     * {@code X} (an explosive phase), joined by {@code -}: {@code 3-1-1}, {@code 3-0-X-1}, {@code 10-2-1}.
     */
    static boolean tempo(String s) {
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
}
