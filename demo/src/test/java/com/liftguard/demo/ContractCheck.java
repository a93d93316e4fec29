package com.liftguard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The ingestion contract (docs/api.md "Ingestion", docs/rules.md section 1) written out again from the documents, on
 * purpose independent of session-ingestion's own validator: field names, types, ranges, steps and enums.
 */
final class ContractCheck {
    static final Set<String> EXERCISES = Set.of(
            "BACK_SQUAT",
            "FRONT_SQUAT",
            "DEADLIFT",
            "ROMANIAN_DEADLIFT",
            "GOOD_MORNING",
            "HIP_THRUST",
            "BACK_EXTENSION_45",
            "LEG_PRESS",
            "SPLIT_SQUAT",
            "OTHER");
    static final Set<String> SQUAT_VARIANTS = Set.of("HIGH_BAR", "LOW_BAR");
    static final Set<String> DEADLIFT_VARIANTS = Set.of("CONVENTIONAL", "SUMO", "TRAP_BAR");
    static final Set<String> LIMITING = Set.of("LEGS", "LOWER_BACK", "GRIP", "BREATHING", "NONE");
    static final Set<String> FAULTS = Set.of(
            "GOOD_MORNING_SQUAT",
            "LOST_BRACE",
            "LUMBAR_HYPEREXTENSION",
            "LUMBAR_FLEXION",
            "HIPS_TOO_HIGH_START",
            "BAR_DRIFT");
    static final Set<String> REGIONS = Set.of("LOWER_BACK", "UPPER_BACK", "HIP", "KNEE", "OTHER");
    static final Set<String> SIDES = Set.of("LEFT", "RIGHT", "CENTRAL", "BILATERAL");
    static final Set<String> QUALITIES = Set.of("DULL", "ACHING", "TIGHT", "SHARP", "SHOOTING", "BURNING");
    static final Set<String> ONSETS = Set.of("DURING_SET", "WITHIN_HOURS", "NEXT_DAY");
    static final Set<String> TRENDS = Set.of("IMPROVING", "STABLE", "WORSENING");
    static final Set<String> FLAGS = Set.of(
            "radiatesBelowKnee",
            "numbnessOrTingling",
            "legWeakness",
            "saddleNumbness",
            "bladderOrBowelChange",
            "worseAtNightOrRest",
            "fever",
            "followingTrauma",
            "unexplainedWeightLoss");
    private static final Pattern TEMPO = Pattern.compile("([0-9]{1,2}|X)(-([0-9]{1,2}|X)){2,3}");
    private static final Pattern OFFSET_STAMP =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(Z|[+-]\\d{2}:\\d{2})");

    private final List<String> errors = new ArrayList<>();

    List<String> errors() {
        return errors;
    }

    void batch(JsonNode batch, boolean sessions) {
        if (!batch.isArray() || batch.isEmpty() || batch.size() > 500) {
            fail("", "a batch must be an array of 1..500");
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (sessions) {
                session(batch.get(i), "/" + i);
            } else {
                checkIn(batch.get(i), "/" + i);
            }
        }
    }

    void roster(String athleteId, JsonNode body) {
        id(athleteId, "/athleteId");
        only(body, "", Set.of("displayName", "coachIds"));
        String name = body.path("displayName").asText("");
        if (name.isBlank() || name.length() > 200) {
            fail("/displayName", "1..200 characters");
        }
        JsonNode coaches = body.path("coachIds");
        if (!coaches.isArray() || coaches.isEmpty() || coaches.size() > 100) {
            fail("/coachIds", "1..100 coach ids");
        }
        Set<String> seen = new HashSet<>();
        coaches.forEach(c -> {
            id(c.asText(), "/coachIds");
            if (!seen.add(c.asText())) {
                fail("/coachIds", "listed twice: " + c);
            }
        });
    }

    void session(JsonNode s, String p) {
        only(
                s,
                p,
                Set.of(
                        "sessionId",
                        "athleteId",
                        "performedAt",
                        "durationMinutes",
                        "sessionRpe",
                        "sets",
                        "wellness",
                        "painReports"));
        id(s.path("sessionId").asText(null), p + "/sessionId");
        id(s.path("athleteId").asText(null), p + "/athleteId");
        stamp(s.get("performedAt"), p + "/performedAt");
        integer(s.get("durationMinutes"), p + "/durationMinutes", 1, 600, true);
        number(s.get("sessionRpe"), p + "/sessionRpe", 0, 10, 0, true);
        JsonNode sets = s.get("sets");
        if (sets != null) {
            if (!sets.isArray() || sets.size() > 200) {
                fail(p + "/sets", "0..200 sets");
            } else {
                for (int i = 0; i < sets.size(); i++) {
                    set(sets.get(i), p + "/sets/" + i);
                }
            }
        }
        wellness(s.get("wellness"), p + "/wellness");
        painReports(s.get("painReports"), p + "/painReports");
    }

    void checkIn(JsonNode c, String p) {
        only(c, p, Set.of("checkInId", "athleteId", "reportedAt", "wellness", "painReports"));
        id(c.path("checkInId").asText(null), p + "/checkInId");
        id(c.path("athleteId").asText(null), p + "/athleteId");
        stamp(c.get("reportedAt"), p + "/reportedAt");
        wellness(c.get("wellness"), p + "/wellness");
        painReports(c.get("painReports"), p + "/painReports");
    }

    private void set(JsonNode set, String p) {
        only(
                set,
                p,
                Set.of(
                        "exercise",
                        "variant",
                        "reps",
                        "loadKg",
                        "rpe",
                        "rir",
                        "tempo",
                        "belt",
                        "limitingFactor",
                        "faults",
                        "metrics"));
        String exercise = set.path("exercise").asText("");
        oneOf(set.get("exercise"), p + "/exercise", EXERCISES, true);
        JsonNode variant = set.get("variant");
        if (variant != null) {
            boolean squat = exercise.equals("BACK_SQUAT") || exercise.equals("FRONT_SQUAT");
            Set<String> allowed = squat ? SQUAT_VARIANTS : exercise.equals("DEADLIFT") ? DEADLIFT_VARIANTS : Set.of();
            oneOf(variant, p + "/variant", allowed, true);
        }
        integer(set.get("reps"), p + "/reps", 1, 100, true);
        number(set.get("loadKg"), p + "/loadKg", 0, 600, 0, true);
        number(set.get("rpe"), p + "/rpe", 1, 10, 0.5, false);
        integer(set.get("rir"), p + "/rir", 0, 10, false);
        if (set.has("rpe") && set.has("rir")) {
            fail(p, "rpe and rir both given");
        }
        JsonNode tempo = set.get("tempo");
        if (tempo != null
                && (!tempo.isTextual() || !TEMPO.matcher(tempo.asText()).matches())) {
            fail(p + "/tempo", "not a tempo: " + tempo);
        }
        bool(set.get("belt"), p + "/belt");
        oneOf(set.get("limitingFactor"), p + "/limitingFactor", LIMITING, false);
        JsonNode faults = set.get("faults");
        if (faults != null) {
            if (!faults.isArray()) {
                fail(p + "/faults", "must be an array");
            } else {
                Set<String> seen = new HashSet<>();
                faults.forEach(f -> {
                    oneOf(f, p + "/faults", FAULTS, true);
                    if (!seen.add(f.asText())) {
                        fail(p + "/faults", "repeated " + f);
                    }
                });
            }
        }
        JsonNode metrics = set.get("metrics");
        if (metrics != null) {
            only(metrics, p + "/metrics", Set.of("torsoLeanChangeDeg", "meanConcentricVelocity"));
            number(metrics.get("torsoLeanChangeDeg"), p + "/metrics/torsoLeanChangeDeg", -90, 90, 0, false);
            number(metrics.get("meanConcentricVelocity"), p + "/metrics/meanConcentricVelocity", 0, 5, 0, false);
        }
    }

    private void wellness(JsonNode w, String p) {
        if (w == null) {
            return;
        }
        only(w, p, Set.of("sleepHours", "sleepQuality", "stress"));
        number(w.get("sleepHours"), p + "/sleepHours", 0, 24, 0, false);
        integer(w.get("sleepQuality"), p + "/sleepQuality", 1, 5, false);
        integer(w.get("stress"), p + "/stress", 1, 5, false);
    }

    private void painReports(JsonNode reports, String p) {
        if (reports == null) {
            return;
        }
        if (!reports.isArray() || reports.size() > 10) {
            fail(p, "0..10 pain reports");
            return;
        }
        for (int i = 0; i < reports.size(); i++) {
            JsonNode r = reports.get(i);
            String rp = p + "/" + i;
            Set<String> fields = new HashSet<>(FLAGS);
            fields.addAll(Set.of("region", "side", "quality", "intensity", "onset", "hoursSinceOnset", "trend"));
            only(r, rp, fields);
            oneOf(r.get("region"), rp + "/region", REGIONS, true);
            oneOf(r.get("side"), rp + "/side", SIDES, true);
            oneOf(r.get("quality"), rp + "/quality", QUALITIES, true);
            integer(r.get("intensity"), rp + "/intensity", 0, 10, true);
            oneOf(r.get("onset"), rp + "/onset", ONSETS, true);
            integer(r.get("hoursSinceOnset"), rp + "/hoursSinceOnset", 0, 2000, true);
            oneOf(r.get("trend"), rp + "/trend", TRENDS, true);
            FLAGS.forEach(f -> bool(r.get(f), rp + "/" + f));
        }
    }

    private void only(JsonNode node, String p, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            fail(p, "must be an object");
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                fail(p + "/" + name, "unknown field");
            }
            if (node.get(name).isNull()) {
                fail(p + "/" + name, "explicit null");
            }
        }
    }

    private void id(String id, String p) {
        if (id == null || id.isBlank() || id.length() > 128) {
            fail(p, "an id of 1..128 characters");
        }
    }

    private void stamp(JsonNode v, String p) {
        if (v == null || !v.isTextual() || !OFFSET_STAMP.matcher(v.asText()).matches()) {
            fail(p, "an ISO-8601 date-time with an offset: " + v);
            return;
        }
        try {
            OffsetDateTime.parse(v.asText());
        } catch (DateTimeParseException e) {
            fail(p, "not a date-time: " + v);
        }
    }

    private void integer(JsonNode v, String p, long min, long max, boolean required) {
        if (v == null) {
            if (required) {
                fail(p, "required");
            }
            return;
        }
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
            fail(p, "an integer " + min + ".." + max + ", not " + v);
        }
    }

    private void number(JsonNode v, String p, double min, double max, double step, boolean required) {
        if (v == null) {
            if (required) {
                fail(p, "required");
            }
            return;
        }
        double d = v.asDouble();
        if (!v.isNumber() || d < min || d > max) {
            fail(p, "a number " + min + ".." + max + ", not " + v);
        } else if (step > 0 && Math.abs(d / step - Math.rint(d / step)) > 1e-9) {
            fail(p, "in steps of " + step + ", not " + v);
        }
    }

    private void bool(JsonNode v, String p) {
        if (v != null && !v.isBoolean()) {
            fail(p, "true or false, not " + v);
        }
    }

    private void oneOf(JsonNode v, String p, Set<String> allowed, boolean required) {
        if (v == null) {
            if (required) {
                fail(p, "required");
            }
            return;
        }
        if (!v.isTextual() || !allowed.contains(v.asText())) {
            fail(p, "one of " + allowed + ", not " + v);
        }
    }

    private void fail(String pointer, String message) {
        errors.add(pointer + ": " + message);
    }
}
