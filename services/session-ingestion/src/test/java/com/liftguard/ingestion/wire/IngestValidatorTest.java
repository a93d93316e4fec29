package com.liftguard.ingestion.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.liftguard.events.serde.Json;
import com.liftguard.ingestion.domain.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IngestValidatorTest {
    private static final ObjectMapper JSON = Json.mapper();
    private final IngestValidator validator = new IngestValidator();

    static ObjectNode validSession() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"sessionId":"s1","athleteId":"a1","performedAt":"2026-11-20T18:30:00+01:00",
                 "durationMinutes":60,"sessionRpe":7,
                 "sets":[{"exercise":"BACK_SQUAT","variant":"HIGH_BAR","reps":5,"loadKg":100,"rpe":8,"tempo":"3-1-1",
                          "belt":true,"limitingFactor":"LEGS","faults":["LOST_BRACE"],
                          "metrics":{"torsoLeanChangeDeg":12.5,"meanConcentricVelocity":0.45}},
                         {"exercise":"DEADLIFT","variant":"SUMO","reps":3,"loadKg":140,"rir":2}],
                 "wellness":{"sleepHours":6.5,"sleepQuality":3,"stress":2},
                 "painReports":[{"region":"LOWER_BACK","side":"CENTRAL","quality":"DULL","intensity":2,
                                 "onset":"NEXT_DAY","hoursSinceOnset":20,"trend":"IMPROVING"}]}
                """);
    }

    private List<Violation> validate(JsonNode session) {
        ArrayNode batch = JSON.createArrayNode();
        batch.add(session);
        return validator.validateSessions(batch);
    }

    @Test
    void aValidSessionPasses() throws Exception {
        assertEquals(List.of(), validate(validSession()));
    }

    @Test
    void everyErrorOfTheBatchIsReportedWithItsPointer() throws Exception {
        ObjectNode bad = validSession();
        ((ObjectNode) bad.get("sets").get(0)).put("reps", 0);
        ((ObjectNode) bad.get("sets").get(1)).put("loadKg", "heavy");
        bad.put("sessionRpe", 11);
        bad.put("colour", "red");
        ArrayNode batch = JSON.createArrayNode().add(validSession()).add(bad);
        List<Violation> violations = validator.validateSessions(batch);
        assertEquals(
                List.of(
                        new Violation("/1/colour", "is not a known field"),
                        new Violation("/1/sessionRpe", "must be between 0 and 10"),
                        new Violation("/1/sets/0/reps", "must be between 1 and 100"),
                        new Violation("/1/sets/1/loadKg", "must be a number")),
                violations);
    }

    @ParameterizedTest(name = "{0}={1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rpe|10.5|must be between 1 and 10",
                "rpe|7.3|must be in steps of 0.5",
                "rir|11|must be between 0 and 10",
                "tempo|\"3:1:1\"|must be eccentric-pause-concentric seconds such as 3-1-1, optionally with a fourth part",
                "exercise|\"SQUAT\"|must be one of BACK_SQUAT, FRONT_SQUAT, DEADLIFT, ROMANIAN_DEADLIFT, GOOD_MORNING, HIP_THRUST, BACK_EXTENSION_45, LEG_PRESS, SPLIT_SQUAT, OTHER",
                "loadKg|600.5|must be between 0 and 600",
                "variant|\"SUMO\"|SUMO applies to deadlifts only",
            })
    void setRules(String field, String value, String message) throws Exception {
        ObjectNode s = validSession();
        ObjectNode set = (ObjectNode) s.get("sets").get(0);
        set.remove("rpe");
        set.set(field, JSON.readTree(value));
        assertEquals(List.of(new Violation("/0/sets/0/" + field, message)), validate(s));
    }

    @Test
    void rpeAndRirTogetherAreRefused() throws Exception {
        ObjectNode s = validSession();
        ((ObjectNode) s.get("sets").get(0)).put("rir", 2);
        assertEquals(List.of(new Violation("/0/sets/0/rir", "give rpe or rir, not both")), validate(s));
    }

    @Test
    void missingRequiredFieldsAreEachReported() throws Exception {
        List<Violation> v = validate(JSON.readTree("{}"));
        assertEquals(
                List.of("/0/sessionId", "/0/athleteId", "/0/performedAt", "/0/durationMinutes", "/0/sessionRpe"),
                v.stream().map(Violation::pointer).toList());
        assertTrue(v.stream().allMatch(x -> x.message().equals("is required")));
    }

    @Test
    void performedAtNeedsAnOffset() throws Exception {
        ObjectNode s = validSession();
        s.put("performedAt", "2026-11-20T18:30:00");
        assertEquals("/0/performedAt", validate(s).get(0).pointer());
    }

    @Test
    void painReportRanges() throws Exception {
        ObjectNode s = validSession();
        ObjectNode report = (ObjectNode) s.get("painReports").get(0);
        report.put("intensity", 11);
        report.put("hoursSinceOnset", 2001);
        report.put("saddleNumbness", "yes");
        report.putNull("fever");
        assertEquals(
                List.of(
                        new Violation("/0/painReports/0/intensity", "must be between 0 and 10"),
                        new Violation("/0/painReports/0/hoursSinceOnset", "must be between 0 and 2000"),
                        new Violation("/0/painReports/0/saddleNumbness", "must be true or false"),
                        new Violation("/0/painReports/0/fever", "must be true or false")),
                validate(s));
    }

    @Test
    void batchSizeIsOneTo500() throws Exception {
        assertEquals(
                List.of(new Violation("", "must hold 1 to 500 items, not 0")),
                validator.validateSessions(JSON.createArrayNode()));
        ArrayNode big = JSON.createArrayNode();
        for (int i = 0; i < 501; i++) {
            big.add(validSession());
        }
        assertEquals(List.of(new Violation("", "must hold 1 to 500 items, not 501")), validator.validateSessions(big));
        assertEquals(
                List.of(new Violation("", "must be a JSON array of 1 to 500 items")),
                validator.validateSessions(validSession()));
    }

    @Test
    void tooManySetsAndPainReports() throws Exception {
        ObjectNode s = validSession();
        ArrayNode sets = JSON.createArrayNode();
        for (int i = 0; i < 201; i++) {
            sets.add(s.get("sets").get(1));
        }
        s.set("sets", sets);
        assertEquals(List.of(new Violation("/0/sets", "must have at most 200 items")), validate(s));
    }

    @Test
    void rosterRules() throws Exception {
        assertEquals(
                List.of(),
                validator.validateRoster(
                        "a1", JSON.readTree("{\"displayName\":\"Ann\",\"coachIds\":[\"c1\",\"c2\"]}")));
        assertEquals(
                List.of(
                                new Violation("/coachIds/1", "is listed twice"),
                                new Violation("/extra", "is not a known field"))
                        .size(),
                validator
                        .validateRoster(
                                "a1",
                                JSON.readTree("{\"displayName\":\"Ann\",\"coachIds\":[\"c1\",\"c1\"],\"extra\":1}"))
                        .size());
    }

    @Test
    void checkInRules() throws Exception {
        JsonNode good = JSON.readTree("""
                [{"checkInId":"c1","athleteId":"a1","reportedAt":"2026-11-24T07:00:00+01:00",
                  "wellness":{"sleepHours":5.5},
                  "painReports":[{"region":"HIP","side":"LEFT","quality":"TIGHT","intensity":3,"onset":"NEXT_DAY",
                                  "hoursSinceOnset":30,"trend":"STABLE"}]}]""");
        assertEquals(List.of(), validator.validateCheckIns(good));
        JsonNode bad = JSON.readTree("""
                [{"checkInId":"","athleteId":"a1","reportedAt":"yesterday","sessionRpe":5,
                  "wellness":{"sleepQuality":6,"stress":0},
                  "painReports":[{"region":"NECK","side":"LEFT","quality":"TIGHT","intensity":3,"onset":"NEXT_DAY",
                                  "hoursSinceOnset":30}]}]""");
        assertEquals(
                List.of(
                        new Violation("/0/sessionRpe", "is not a known field"),
                        new Violation("/0/checkInId", "must be 1 to 128 characters long"),
                        new Violation(
                                "/0/reportedAt",
                                "must be an ISO-8601 date-time with an offset, such as 2026-11-24T18:30:00+01:00"),
                        new Violation("/0/wellness/sleepQuality", "must be between 1 and 5"),
                        new Violation("/0/wellness/stress", "must be between 1 and 5"),
                        new Violation(
                                "/0/painReports/0/region", "must be one of LOWER_BACK, UPPER_BACK, HIP, KNEE, OTHER"),
                        new Violation("/0/painReports/0/trend", "is required")),
                validator.validateCheckIns(bad));
    }

    @Test
    void aStreamedItemIsCheckedOnItsOwnWithPointersFromTheItem() throws Exception {
        ObjectNode s = validSession();
        s.put("durationMinutes", 0);
        assertEquals(
                List.of(new Violation("/durationMinutes", "must be between 1 and 600")), validator.validateSession(s));
    }

    @Test
    void rosterNeedsADisplayNameAndCoachIds() throws Exception {
        assertEquals(
                List.of(new Violation("/displayName", "is required"), new Violation("/coachIds", "is required")),
                validator.validateRoster("a1", JSON.readTree("{}")));
        assertEquals(
                List.of(new Violation("", "the athleteId in the path must be 1 to 128 characters long")),
                validator.validateRoster("x".repeat(129), JSON.readTree("{\"displayName\":\"A\",\"coachIds\":[]}")));
    }
}
