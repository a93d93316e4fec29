package com.liftguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.RiskFactor;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The released schemas (src/test/resources/released-schemas/v1) are the contract consumers rely on. A
 * schema change that would reject an event the released schema accepts needs a new type and topic version
 * ({@code .v2}), not an edit of the v1 schema.
 */
class SchemaCompatibilityTest {
    private static final String LOGGED_SET = "/$defs/LoggedSet";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeWasReleased(EventType type) {
        assertNotNull(
                SchemaSupport.released(type),
                () -> "no released schema for " + type + " at " + SchemaSupport.RELEASED_V1 + type.ceType()
                        + ".schema.json");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void currentSchemaIsBackwardCompatibleWithTheReleasedOne(EventType type) {
        JsonNode released = SchemaSupport.released(type);
        JsonNode current = SchemaSupport.current(type);
        assertNotNull(released, "released");
        assertNotNull(current, "current");
        List<String> breaking = SchemaCompatibility.breakingChanges(released, current).stream()
                .filter(change -> !acceptedNarrowing(type, change))
                .toList();
        assertTrue(
                breaking.isEmpty(),
                () -> type + " breaks consumers of the released v1 schema:\n  " + String.join("\n  ", breaking));
    }

    /**
     * Codes that v1 typed as any upper-snake-case string and that are now one enum shared by every service
     * (RiskFactor, PlanItem). The narrowing is accepted because no v1 producer ever wrote another value:
     * risk-assessment built factor codes only from these names, planning restrictions only from these items.
     * The released schemas still accept what the current ones do, so no consumer of v1 breaks; a value outside
     * the enum on the topics would be a producer fault. Only these exact paths, and only to exactly these
     * values, are let through.
     */
    private static boolean acceptedNarrowing(EventType type, String change) {
        return switch (type) {
            case RISK_ASSESSED ->
                // the string definition the factor code used, which nothing else referred to
                change.equals("$defs/code: definition removed")
                        || change.equals("$defs/RiskFactor.code: values restricted to " + quoted(RiskFactor.values())
                                + " where any was allowed");
            case RECOVERY_SCHEDULED ->
                change.equals("$defs/RecoveryScheduled.restrictions[]: values restricted to "
                        + quoted(PlanItem.values()) + " where any was allowed");
            default -> false;
        };
    }

    private static String quoted(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> '"' + v.name() + '"').collect(Collectors.joining(",", "[", "]"));
    }

    // ---- the checker itself, on edits of a real schema

    static Stream<Arguments> breaking() {
        return Stream.of(
                change(
                        "property removed",
                        "wellness' removed",
                        s -> JsonEdit.remove(s, "/$defs/SessionIngested/properties/wellness")),
                change(
                        "envelope property removed",
                        "'athleteid' removed",
                        s -> JsonEdit.remove(s, "/properties/athleteid")),
                change(
                        "property newly required",
                        "'variant' newly required",
                        s -> JsonEdit.set(s, LOGGED_SET + "/required/-", "\"variant\"")),
                change("enum value removed", "\"OTHER\" removed", s -> JsonEdit.remove(s, "/$defs/Exercise/enum/9")),
                change(
                        "const changed",
                        "\"com.liftguard.session.ingested.v1\" removed",
                        s -> JsonEdit.set(s, "/properties/type/const", "\"com.liftguard.session.ingested.v2\"")),
                change(
                        "type changed",
                        "type changed",
                        s -> JsonEdit.set(s, LOGGED_SET + "/properties/reps/type", "\"string\"")),
                change(
                        "nullable made non-null",
                        "type changed",
                        s -> JsonEdit.set(s, "/properties/time/type", "\"string\"")),
                change(
                        "number narrowed to integer",
                        "type changed",
                        s -> JsonEdit.set(s, LOGGED_SET + "/properties/loadKg/type", "\"integer\"")),
                change("definition removed", "definition removed", s -> JsonEdit.remove(s, "/$defs/tempo")),
                change(
                        "inlined definition with another type",
                        "type changed",
                        s -> JsonEdit.set(
                                s, "/$defs/SessionIngested/properties/performedAt", "{\"type\": \"integer\"}")),
                change(
                        "ref to another definition",
                        "type changed",
                        s -> JsonEdit.set(
                                s,
                                "/$defs/SessionIngested/properties/sessionId",
                                "{\"$ref\": \"#/$defs/SetMetrics\"}")),
                change(
                        "range narrowed",
                        "maximum lowered",
                        s -> JsonEdit.set(s, LOGGED_SET + "/properties/reps/maximum", "50")),
                change(
                        "length narrowed",
                        "maxLength lowered",
                        s -> JsonEdit.set(s, "/$defs/identifier/maxLength", "64")),
                change(
                        "count narrowed",
                        "maxItems lowered",
                        s -> JsonEdit.set(s, "/$defs/SessionIngested/properties/sets/maxItems", "100")),
                change(
                        "pattern changed",
                        "pattern changed",
                        s -> JsonEdit.set(s, "/$defs/tempo/pattern", "\"^[0-9]-[0-9]-[0-9]$\"")),
                change(
                        "items made unique",
                        "items made unique",
                        s -> JsonEdit.set(s, "/$defs/SessionIngested/properties/painReports/uniqueItems", "true")));
    }

    static Stream<Arguments> compatible() {
        return Stream.of(
                change(
                        "optional property added",
                        "",
                        s -> JsonEdit.set(s, LOGGED_SET + "/properties/rest", "{\"type\": \"integer\"}")),
                change("enum value added", "", s -> JsonEdit.set(s, "/$defs/Exercise/enum/-", "\"BENCH_PRESS\"")),
                change("required made optional", "", s -> JsonEdit.remove(s, LOGGED_SET + "/required/0")),
                change(
                        "integer widened to number",
                        "",
                        s -> JsonEdit.set(s, LOGGED_SET + "/properties/reps/type", "\"number\"")),
                change(
                        "made nullable",
                        "",
                        s -> JsonEdit.set(
                                s, "/$defs/SessionIngested/properties/sessionRpe/type", "[\"number\", \"null\"]")),
                change("range widened", "", s -> JsonEdit.set(s, LOGGED_SET + "/properties/reps/maximum", "200")),
                change("pattern dropped", "", s -> JsonEdit.remove(s, "/$defs/tempo/pattern")),
                change("description edited", "", s -> JsonEdit.set(s, "/$defs/LoggedSet/description", "\"A set.\"")),
                change(
                        "definition inlined unchanged",
                        "",
                        s -> JsonEdit.set(s, LOGGED_SET + "/properties/exercise", s.at("/$defs/Exercise"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breaking")
    void detects(String what, String expected, UnaryOperator<JsonNode> edit) {
        JsonNode released = SchemaSupport.current(EventType.SESSION_INGESTED);
        List<String> found = SchemaCompatibility.breakingChanges(released, edit.apply(released));
        assertTrue(
                found.stream().anyMatch(p -> p.contains(expected)),
                () -> what + ": expected '" + expected + "' among " + found);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("compatible")
    void allows(String what, String unused, UnaryOperator<JsonNode> edit) {
        JsonNode released = SchemaSupport.current(EventType.SESSION_INGESTED);
        assertEquals(List.of(), SchemaCompatibility.breakingChanges(released, edit.apply(released)), what);
    }

    @Test
    void aSchemaIsCompatibleWithItself() {
        for (EventType type : EventType.values()) {
            JsonNode schema = SchemaSupport.current(type);
            assertEquals(List.of(), SchemaCompatibility.breakingChanges(schema, schema), type.name());
        }
    }

    @Test
    void closingOrRetypingAMapIsReported() {
        JsonNode released = SchemaSupport.current(EventType.RISK_ASSESSED);
        String figures = "/$defs/RiskFactor/properties/figures/additionalProperties";
        assertTrue(SchemaCompatibility.breakingChanges(released, JsonEdit.set(released, figures, "false")).stream()
                .anyMatch(p -> p.contains("additional properties no longer allowed")));
        assertTrue(
                SchemaCompatibility.breakingChanges(released, JsonEdit.set(released, figures + "/type", "\"string\""))
                        .stream()
                        .anyMatch(p -> p.contains("figures.*: type changed")));
    }

    @Test
    void aDanglingRefIsReported() {
        JsonNode released = SchemaSupport.current(EventType.SESSION_INGESTED);
        JsonNode broken = JsonEdit.set(released, "/properties/data/$ref", "\"#/$defs/Nothing\"");
        assertTrue(SchemaCompatibility.breakingChanges(released, broken).stream()
                .anyMatch(p -> p.contains("cannot resolve")));
    }

    private static Arguments change(String what, String expected, UnaryOperator<JsonNode> edit) {
        return Arguments.of(what, expected, edit);
    }
}
