package com.liftguard.ingestion.wire;

import static com.liftguard.ingestion.domain.IngestRules.CHECK_IN_FIELDS;
import static com.liftguard.ingestion.domain.IngestRules.DURATION_MINUTES;
import static com.liftguard.ingestion.domain.IngestRules.HOURS_SINCE_ONSET;
import static com.liftguard.ingestion.domain.IngestRules.LOAD_KG;
import static com.liftguard.ingestion.domain.IngestRules.MAX_BATCH;
import static com.liftguard.ingestion.domain.IngestRules.MAX_COACHES;
import static com.liftguard.ingestion.domain.IngestRules.MAX_DISPLAY_NAME;
import static com.liftguard.ingestion.domain.IngestRules.MAX_ID_LENGTH;
import static com.liftguard.ingestion.domain.IngestRules.MAX_PAIN_REPORTS;
import static com.liftguard.ingestion.domain.IngestRules.MAX_SETS;
import static com.liftguard.ingestion.domain.IngestRules.MEAN_CONCENTRIC_VELOCITY;
import static com.liftguard.ingestion.domain.IngestRules.METRIC_FIELDS;
import static com.liftguard.ingestion.domain.IngestRules.PAIN_FIELDS;
import static com.liftguard.ingestion.domain.IngestRules.PAIN_FLAGS;
import static com.liftguard.ingestion.domain.IngestRules.PAIN_INTENSITY;
import static com.liftguard.ingestion.domain.IngestRules.REPS;
import static com.liftguard.ingestion.domain.IngestRules.RIR;
import static com.liftguard.ingestion.domain.IngestRules.ROSTER_FIELDS;
import static com.liftguard.ingestion.domain.IngestRules.SESSION_FIELDS;
import static com.liftguard.ingestion.domain.IngestRules.SESSION_RPE;
import static com.liftguard.ingestion.domain.IngestRules.SET_RPE;
import static com.liftguard.ingestion.domain.IngestRules.SLEEP_HOURS;
import static com.liftguard.ingestion.domain.IngestRules.SLEEP_QUALITY;
import static com.liftguard.ingestion.domain.IngestRules.STRESS;
import static com.liftguard.ingestion.domain.IngestRules.TORSO_LEAN_CHANGE_DEG;
import static com.liftguard.ingestion.domain.IngestRules.WELLNESS_FIELDS;

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
import com.liftguard.ingestion.domain.IngestRules;
import com.liftguard.ingestion.domain.Violation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Holds a request's JSON tree to the v1 ingestion contract ({@link IngestRules}): every rule a session,
 * check-in or roster entry must meet, all reported at once, each at its JSON pointer.
 */
public final class IngestValidator {
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
        c.string(body, "displayName", "", true, 1, MAX_DISPLAY_NAME);
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
        c.integer(s, "durationMinutes", p, true, DURATION_MINUTES);
        c.number(s, "sessionRpe", p, true, SESSION_RPE);
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
        c.integerAt(f.reps(), "reps", p, true, REPS);
        c.numberAt(f.loadKg(), "loadKg", p, true, LOAD_KG);
        c.numberAt(f.rpe(), "rpe", p, false, SET_RPE);
        c.integerAt(f.rir(), "rir", p, false, RIR);
        if (!JsonChecks.absent(f.rpe()) && !JsonChecks.absent(f.rir())) {
            c.fail(JsonChecks.child(p, "rir"), "give rpe or rir, not both");
        }
        if (!JsonChecks.absent(f.tempo())
                && (!f.tempo().isTextual() || !IngestRules.tempo(f.tempo().asText()))) {
            c.fail(
                    JsonChecks.child(p, "tempo"),
                    "must be eccentric-pause-concentric seconds such as 3-1-1, optionally with a fourth part");
        }
        c.boolAt(f.belt(), "belt", p);
        c.enumAt(f.limitingFactor(), "limitingFactor", p, false, LimitingFactor.class);
        c.enumSetAt(f.faults(), "faults", p, TechniqueFault.class, TechniqueFault.values().length);
        if (!JsonChecks.absent(f.metrics())) {
            String mp = JsonChecks.child(p, "metrics");
            if (c.object(f.metrics(), mp)) {
                c.onlyFields(f.metrics(), mp, METRIC_FIELDS);
                c.number(f.metrics(), "torsoLeanChangeDeg", mp, false, TORSO_LEAN_CHANGE_DEG);
                c.number(f.metrics(), "meanConcentricVelocity", mp, false, MEAN_CONCENTRIC_VELOCITY);
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
        String mismatch = IngestRules.variantMismatch(e, v);
        if (mismatch != null) {
            c.fail(JsonChecks.child(p, "variant"), mismatch);
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
        c.number(w, "sleepHours", wp, false, SLEEP_HOURS);
        c.integer(w, "sleepQuality", wp, false, SLEEP_QUALITY);
        c.integer(w, "stress", wp, false, STRESS);
    }

    private void painReport(JsonChecks c, JsonNode r, String p) {
        if (!c.object(r, p)) {
            return;
        }
        c.onlyFields(r, p, PAIN_FIELDS);
        c.enumValue(r, "region", p, true, PainRegion.class);
        c.enumValue(r, "side", p, true, PainSide.class);
        c.enumValue(r, "quality", p, true, PainQuality.class);
        c.integer(r, "intensity", p, true, PAIN_INTENSITY);
        c.enumValue(r, "onset", p, true, PainOnset.class);
        c.integer(r, "hoursSinceOnset", p, true, HOURS_SINCE_ONSET);
        c.enumValue(r, "trend", p, true, PainTrend.class);
        for (String flag : PAIN_FLAGS) {
            c.bool(r, flag, p);
        }
    }
}
