package com.liftguard.ingestion.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.liftguard.ingestion.domain.IngestRules;
import com.liftguard.ingestion.domain.IngestRules.Range;
import com.liftguard.ingestion.domain.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Field checks over a JSON tree that collect every violation instead of stopping at the first, each
 * located by its JSON pointer. Works on the tree rather than on bound objects so that a wrong type
 * ("reps": "ten") is reported at its own pointer beside every other error of the batch.
 */
final class JsonChecks {
    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return violations;
    }

    void fail(String pointer, String message) {
        violations.add(new Violation(pointer, message));
    }

    static String child(String pointer, String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /** Rejects any field of {@code node} not in {@code allowed}: a misspelt optional field must not pass silently. */
    void onlyFields(JsonNode node, String pointer, Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                fail(child(pointer, name), "is not a known field");
            }
        }
    }

    boolean object(JsonNode node, String pointer) {
        if (node == null || !node.isObject()) {
            fail(pointer, "must be an object");
            return false;
        }
        return true;
    }

    /** Absent or JSON null: the two mean the same for an optional field. A type check, not a virtual call. */
    static boolean absent(JsonNode value) {
        return value == null || value instanceof NullNode;
    }

    /*
     * The checks a set needs come twice: by field of a parent object, and "...At" for the value already found
     * at that field (null when absent), for IngestValidator's one pass over a set's fields (SetFields).
     */

    private JsonNode present(JsonNode value, String field, String pointer, boolean required) {
        if (absent(value)) {
            if (required) {
                fail(child(pointer, field), "is required");
            }
            return null;
        }
        return value;
    }

    void string(JsonNode parent, String field, String pointer, boolean required, int min, int max) {
        JsonNode v = present(parent.get(field), field, pointer, required);
        if (v == null) {
            return;
        }
        if (!v.isTextual()) {
            fail(child(pointer, field), "must be a string");
        } else if (v.asText().length() < min || v.asText().length() > max) {
            fail(child(pointer, field), "must be " + min + " to " + max + " characters long");
        } else if (v.asText().isBlank()) {
            fail(child(pointer, field), "must not be blank");
        }
    }

    /** A whole number within {@code range} (its step does not apply). */
    void integer(JsonNode parent, String field, String pointer, boolean required, Range range) {
        integerAt(parent.get(field), field, pointer, required, range);
    }

    void integerAt(JsonNode value, String field, String pointer, boolean required, Range range) {
        JsonNode v = present(value, field, pointer, required);
        if (v == null) {
            return;
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            fail(child(pointer, field), "must be a whole number");
        } else if (v.asDouble() < range.min() || v.asDouble() > range.max()) {
            fail(child(pointer, field), "must be between " + fmt(range.min()) + " and " + fmt(range.max()));
        }
    }

    void number(JsonNode parent, String field, String pointer, boolean required, Range range) {
        numberAt(parent.get(field), field, pointer, required, range);
    }

    void numberAt(JsonNode value, String field, String pointer, boolean required, Range range) {
        JsonNode v = present(value, field, pointer, required);
        if (v == null) {
            return;
        }
        if (!v.isNumber()) {
            fail(child(pointer, field), "must be a number");
            return;
        }
        double d = v.asDouble();
        double step = range.step();
        if (Double.isNaN(d) || d < range.min() || d > range.max()) {
            fail(child(pointer, field), "must be between " + fmt(range.min()) + " and " + fmt(range.max()));
        } else if (step > 0 && Math.abs(d / step - Math.rint(d / step)) > 1e-9) {
            fail(child(pointer, field), "must be in steps of " + fmt(step));
        }
    }

    /** An optional flag: absent means false, but an explicit null is as wrong as any other non-boolean. */
    void bool(JsonNode parent, String field, String pointer) {
        boolAt(parent.get(field), field, pointer);
    }

    void boolAt(JsonNode v, String field, String pointer) {
        if (v != null && !v.isBoolean()) {
            fail(child(pointer, field), "must be true or false");
        }
    }

    <E extends Enum<E>> void enumValue(JsonNode parent, String field, String pointer, boolean required, Class<E> type) {
        enumAt(parent.get(field), field, pointer, required, type);
    }

    <E extends Enum<E>> void enumAt(JsonNode value, String field, String pointer, boolean required, Class<E> type) {
        JsonNode v = present(value, field, pointer, required);
        if (v != null) {
            enumNode(v, child(pointer, field), type);
        }
    }

    <E extends Enum<E>> boolean enumNode(JsonNode v, String pointer, Class<E> type) {
        EnumNames names = ENUM_NAMES.get(type);
        if (v.isTextual() && names.names().contains(v.asText())) {
            return true;
        }
        fail(pointer, names.message());
        return false;
    }

    private record EnumNames(Set<String> names, String message) {}

    private static final ClassValue<EnumNames> ENUM_NAMES = new ClassValue<>() {
        @Override
        protected EnumNames computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            Set<String> names = new HashSet<>();
            for (Object c : constants) {
                names.add(((Enum<?>) c).name());
            }
            return new EnumNames(
                    Set.copyOf(names),
                    "must be one of "
                            + Arrays.toString(constants).replace("[", "").replace("]", ""));
        }
    };

    void offsetDateTime(JsonNode parent, String field, String pointer, boolean required) {
        JsonNode v = present(parent.get(field), field, pointer, required);
        if (v == null) {
            return;
        }
        if (!v.isTextual()) {
            fail(child(pointer, field), "must be an ISO-8601 date-time with an offset");
            return;
        }
        if (!IngestRules.validOffsetDateTime(v.asText())) {
            fail(
                    child(pointer, field),
                    "must be an ISO-8601 date-time with an offset, such as 2026-11-24T18:30:00+01:00");
        }
    }

    /** Checks an optional array's size and each element; returns false when absent or not an array. */
    boolean array(
            JsonNode parent,
            String field,
            String pointer,
            boolean required,
            int max,
            BiConsumer<JsonNode, String> element) {
        return arrayAt(parent.get(field), field, pointer, required, max, element);
    }

    boolean arrayAt(
            JsonNode value,
            String field,
            String pointer,
            boolean required,
            int max,
            BiConsumer<JsonNode, String> element) {
        JsonNode v = present(value, field, pointer, required);
        if (v == null) {
            return false;
        }
        String p = child(pointer, field);
        if (!v.isArray()) {
            fail(p, "must be an array");
            return false;
        }
        if (v.size() > max) {
            fail(p, "must have at most " + max + " items");
            return false;
        }
        for (int i = 0; i < v.size(); i++) {
            element.accept(v.get(i), child(p, i));
        }
        return true;
    }

    <E extends Enum<E>> void enumSetAt(JsonNode value, String field, String pointer, Class<E> type, int max) {
        Set<String> seen = new HashSet<>();
        arrayAt(value, field, pointer, false, max, (item, p) -> {
            if (enumNode(item, p, type) && !seen.add(item.asText())) {
                fail(p, "is listed twice");
            }
        });
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
