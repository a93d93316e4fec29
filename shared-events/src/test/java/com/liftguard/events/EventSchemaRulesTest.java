package com.liftguard.events;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.liftguard.events.serde.EventCodec;
import com.networknt.schema.ValidationMessage;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas bite: each edit of an encoded, valid sample either breaks a rule of docs/rules.md section 1 and
 * the contract (rejected) or stays at the edge of a range (accepted).
 */
class EventSchemaRulesTest {
    private static final String SET0 = "/data/sets/0";
    private static final String SET1 = "/data/sets/1";
    private static final String PAIN0 = "/data/painReports/0";

    static Stream<Arguments> rejected() {
        EventType s = EventType.SESSION_INGESTED;
        return Stream.of(
                // ranges of docs/rules.md section 1
                set(s, SET0 + "/reps", "101"),
                set(s, SET0 + "/reps", "0"),
                set(s, SET0 + "/reps", "5.5"),
                set(s, SET0 + "/loadKg", "600.5"),
                set(s, SET0 + "/loadKg", "-1"),
                set(s, SET0 + "/rpe", "7.3"),
                set(s, SET0 + "/rpe", "0.5"),
                set(s, SET0 + "/rpe", "10.5"),
                set(s, SET1 + "/rir", "11"),
                set(s, SET1 + "/rir", "-1"),
                set(s, SET0 + "/rir", "2"), // rpe and rir together
                set(s, SET0 + "/tempo", "\"3-1\""),
                set(s, SET0 + "/tempo", "\"3-1-1-1-1\""),
                set(s, SET0 + "/tempo", "\"3-1-Y\""),
                set(s, SET0 + "/tempo", "\"100-1-1\""),
                set(s, SET0 + "/tempo", "\"3-1-1 \""),
                set(s, SET0 + "/faults", "[\"LOST_BRACE\", \"LOST_BRACE\"]"),
                set(s, SET0 + "/variant", "\"SUMO\""), // a deadlift stance on a squat
                set(s, SET1 + "/variant", "\"HIGH_BAR\""), // a squat bar position on a deadlift
                set(s, SET0 + "/metrics/meanConcentricVelocity", "-0.1"),
                set(s, "/data/durationMinutes", "0"),
                set(s, "/data/durationMinutes", "601"),
                set(s, "/data/sessionRpe", "10.5"),
                set(s, "/data/sessionRpe", "-0.5"),
                set(s, "/data/wellness/sleepHours", "24.5"),
                set(s, "/data/wellness/sleepQuality", "0"),
                set(s, "/data/wellness/sleepQuality", "6"),
                set(s, "/data/wellness/stress", "6"),
                set(s, PAIN0 + "/intensity", "11"),
                set(s, PAIN0 + "/intensity", "-1"),
                set(s, PAIN0 + "/hoursSinceOnset", "2001"),
                set(s, "/data/sessionId", "\"\""),
                set(s, "/data/sessionId", "\"   \""),
                set(s, "/data/sessionId", quoted("x".repeat(129))),
                edit(s, "/data/sets", "201 sets", root -> repeat(root, "/data/sets", 201)),
                edit(s, "/data/painReports", "11 pain reports", root -> repeat(root, "/data/painReports", 11)),
                // unknown enum values
                set(s, SET0 + "/exercise", "\"BENCH_PRESS\""),
                set(s, SET0 + "/limitingFactor", "\"lower_back\""),
                set(s, SET0 + "/faults/0", "\"ROUNDED_BACK\""),
                set(s, PAIN0 + "/region", "\"NECK\""),
                set(EventType.TRIAGE_DECIDED, "/data/category", "\"MILD\""),
                set(EventType.RISK_ASSESSED, "/data/level", "\"EXTREME\""),
                // missing required fields
                remove(s, "/data/athleteId"),
                remove(s, SET0 + "/reps"),
                remove(s, PAIN0 + "/fever"),
                remove(s, "/data/performedAt"),
                remove(s, "/id"),
                remove(s, "/time"), // written even when null
                remove(EventType.NOTIFICATION_CREATED, "/data/sourceEventId"),
                set(EventType.NOTIFICATION_CREATED, "/data/title", "null"), // always written, never null
                // extra properties
                set(s, "/extra", "1"),
                set(s, "/dataschema", "\"https://example.org/x\""),
                set(s, "/data/extra", "true"),
                set(s, SET0 + "/weightLb", "300"),
                set(s, "/data/wellness/mood", "3"),
                set(s, PAIN0 + "/neckPain", "true"),
                set(EventType.RISK_ASSESSED, "/data/factors/0/extra", "1"),
                // types and formats
                set(s, SET0 + "/reps", "\"5\""),
                set(s, PAIN0 + "/fever", "\"false\""),
                set(s, "/data/performedAt", "\"2026-11-24T23:30:00\""), // no offset
                set(s, "/data/performedAt", "\"2026-11-24\""),
                set(s, "/data/receivedAt", "1795714200"), // epoch numbers are not what the codec writes
                set(s, "/time", "\"yesterday\""),
                set(s, "/data/performedAt", "\"2026-13-24T23:30:00+02:00\""),
                // envelope
                set(s, "/specversion", "\"0.3\""),
                set(s, "/type", quoted(EventType.CHECK_IN_INGESTED.ceType())),
                set(s, "/tenant", "\"ac:me\""),
                set(s, "/tenant", "null"),
                set(s, "/subject", "\"no-colon\""),
                set(s, "/datacontenttype", "\"text/plain\""),
                set(s, "/source", "\"\""),
                set(s, "/data", "null"),
                // other payloads
                set(EventType.TRIAGE_DECIDED, "/data/reportIndex", "10"),
                set(EventType.TRIAGE_DECIDED, "/data/reasons/0/code", "\"saddle numbness\""),
                set(EventType.RISK_ASSESSED, "/data/factors/0/figures/acwr", "null"),
                set(EventType.RISK_ASSESSED, "/data/factors/0/figures/acwr", "\"NaN\""),
                set(EventType.ROSTER_CHANGED, "/data/coachIds/1", "\"coach-1\""),
                set(EventType.ROSTER_CHANGED, "/data/displayName", "\"\""),
                set(EventType.RECOVERY_SCHEDULED, "/data/action", "\"REST\""),
                set(EventType.LOAD_ADJUSTED, "/data/prescriptions/0/sets", "\"three\""),
                set(EventType.LOAD_ADJUSTED, "/data/prescriptions/0/percentOfE1rm", "120"),
                set(EventType.LOAD_ADJUSTED, "/data/prescriptions/0/tempo", "\"slow\""),
                set(EventType.NOTIFICATION_CREATED, "/data/severity", "\"LOW\""),
                set(EventType.CHECK_IN_INGESTED, "/data/checkInId", quoted("c".repeat(129))));
    }

    static Stream<Arguments> accepted() {
        EventType s = EventType.SESSION_INGESTED;
        return Stream.of(
                set(s, SET0 + "/reps", "1"),
                set(s, SET0 + "/reps", "100"),
                set(s, SET0 + "/loadKg", "0"),
                set(s, SET0 + "/loadKg", "600"),
                set(s, SET0 + "/rpe", "1"),
                set(s, SET0 + "/rpe", "10"),
                set(s, SET0 + "/rpe", "9.5"),
                set(s, SET1 + "/rir", "0"),
                set(s, SET1 + "/rir", "10"),
                set(s, SET0 + "/tempo", "\"X-0-X-0\""),
                set(s, SET0 + "/tempo", "\"10-2-1\""),
                set(s, SET0 + "/variant", "\"HIGH_BAR\""),
                set(s, SET1 + "/variant", "\"TRAP_BAR\""),
                set(s, SET0 + "/metrics", "{}"),
                set(s, "/data/durationMinutes", "1"),
                set(s, "/data/durationMinutes", "600"),
                set(s, "/data/sessionRpe", "0"),
                set(s, "/data/sessionRpe", "10"),
                set(s, "/data/wellness", "{}"),
                set(s, "/data/wellness/sleepHours", "0"),
                set(s, "/data/wellness/sleepHours", "24"),
                set(s, "/data/wellness/sleepQuality", "1"),
                set(s, "/data/wellness/stress", "5"),
                set(s, PAIN0 + "/intensity", "0"),
                set(s, PAIN0 + "/hoursSinceOnset", "0"),
                set(s, "/data/sessionId", quoted("x".repeat(128))),
                set(s, "/data/performedAt", "\"2026-11-24T23:30:00.123456789-05:30\""),
                set(s, "/data/sets", "[]"),
                edit(s, "/data/sets", "200 sets", root -> repeat(root, "/data/sets", 200)),
                edit(s, "/data/painReports", "10 pain reports", root -> repeat(root, "/data/painReports", 10)),
                set(EventType.ROSTER_CHANGED, "/data/coachIds", "[]"),
                set(EventType.RISK_ASSESSED, "/data/factors/0/figures", "{}"));
    }

    /** Rejected, and for the edit: the error lies on the edited value, its object, or a sibling it constrains. */
    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("rejected")
    void rejected(EventType type, String where, String change, UnaryOperator<JsonNode> edit) {
        JsonNode broken = edit.apply(sample(type));
        Set<ValidationMessage> errors = SchemaSupport.validate(type, broken);
        assertFalse(errors.isEmpty(), () -> type + ": " + change + " must be rejected");
        String parent = where.substring(0, where.lastIndexOf('/'));
        assertTrue(
                errors.stream()
                        .map(e -> e.getInstanceLocation().toString())
                        .anyMatch(at -> where.startsWith(at) || at.startsWith(parent)),
                () -> type + ": " + change + " rejected elsewhere:" + SchemaSupport.describe(errors));
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("accepted")
    void accepted(EventType type, String where, String change, UnaryOperator<JsonNode> edit) {
        JsonNode stretched = edit.apply(sample(type));
        Set<ValidationMessage> errors = SchemaSupport.validate(type, stretched);
        assertTrue(
                errors.isEmpty(), () -> type + ": " + change + " must be accepted:" + SchemaSupport.describe(errors));
    }

    private static JsonNode sample(EventType type) {
        return SchemaSupport.parse(EventCodec.encode(EventSamples.full(type)));
    }

    private static Arguments set(EventType type, String pointer, String json) {
        return edit(type, pointer, pointer + " = " + json, root -> JsonEdit.set(root, pointer, json));
    }

    private static Arguments remove(EventType type, String pointer) {
        return edit(type, pointer, "without " + pointer, root -> JsonEdit.remove(root, pointer));
    }

    private static Arguments edit(EventType type, String pointer, String change, UnaryOperator<JsonNode> edit) {
        return Arguments.of(type, pointer, change, edit);
    }

    /** An array of {@code n} copies of the first element of the array at the pointer. */
    private static JsonNode repeat(JsonNode root, String pointer, int n) {
        ArrayNode many = SchemaSupport.JSON.createArrayNode();
        for (int i = 0; i < n; i++) {
            many.add(root.at(pointer + "/0").deepCopy());
        }
        return JsonEdit.set(root, pointer, many);
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }
}
