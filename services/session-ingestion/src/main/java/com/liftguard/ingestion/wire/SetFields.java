package com.liftguard.ingestion.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The fields of one set of a session, found in a single pass over the set's properties: sets are the bulk
 * of a batch, and looking each field up by name costs a hash lookup per field, absent ones included. A
 * component is null when the field is absent and the JSON node as sent otherwise (a JSON null included).
 */
record SetFields(
        JsonNode exercise,
        JsonNode variant,
        JsonNode reps,
        JsonNode loadKg,
        JsonNode rpe,
        JsonNode rir,
        JsonNode tempo,
        JsonNode belt,
        JsonNode limitingFactor,
        JsonNode faults,
        JsonNode metrics) {

    /** Reads a set (an object node); every field that is none of the above is handed to {@code unknown}. */
    static SetFields of(JsonNode set, Consumer<String> unknown) {
        JsonNode exercise = null;
        JsonNode variant = null;
        JsonNode reps = null;
        JsonNode loadKg = null;
        JsonNode rpe = null;
        JsonNode rir = null;
        JsonNode tempo = null;
        JsonNode belt = null;
        JsonNode limitingFactor = null;
        JsonNode faults = null;
        JsonNode metrics = null;
        for (Map.Entry<String, JsonNode> f : set.properties()) {
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "exercise" -> exercise = v;
                case "variant" -> variant = v;
                case "reps" -> reps = v;
                case "loadKg" -> loadKg = v;
                case "rpe" -> rpe = v;
                case "rir" -> rir = v;
                case "tempo" -> tempo = v;
                case "belt" -> belt = v;
                case "limitingFactor" -> limitingFactor = v;
                case "faults" -> faults = v;
                case "metrics" -> metrics = v;
                default -> unknown.accept(f.getKey());
            }
        }
        return new SetFields(exercise, variant, reps, loadKg, rpe, rir, tempo, belt, limitingFactor, faults, metrics);
    }
}
