package com.liftguard.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** metav1.LabelSelector (matchLabels and matchExpressions) evaluated as the API server does. */
final class LabelSelectors {

    private LabelSelectors() {
    }

    /** Whether the selector has no requirement at all (it then selects everything). */
    static boolean isEmpty(JsonObject selector) {
        return selector == null
                || (Manifest.stringMap(Manifest.object(selector, "matchLabels")).isEmpty()
                    && Manifest.array(selector, "matchExpressions").isEmpty());
    }

    static boolean matches(JsonObject selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (!labels.entrySet().containsAll(Manifest.stringMap(Manifest.object(selector, "matchLabels")).entrySet())) {
            return false;
        }
        for (JsonObject requirement : Manifest.objects(Manifest.array(selector, "matchExpressions"))) {
            String key = Manifest.string(requirement, "key");
            Set<String> values = values(requirement);
            String value = labels.get(key);
            boolean ok = switch (String.valueOf(Manifest.string(requirement, "operator"))) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false; // reported by problems()
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** What the API server would reject in a selector that the generated model cannot express. */
    static List<String> problems(JsonObject selector, String path) {
        List<String> problems = new ArrayList<>();
        List<JsonObject> requirements = Manifest.objects(Manifest.array(selector, "matchExpressions"));
        for (int i = 0; i < requirements.size(); i++) {
            JsonObject requirement = requirements.get(i);
            String operator = Manifest.string(requirement, "operator");
            String where = path + ".matchExpressions[" + i + "]";
            switch (String.valueOf(operator)) {
                case "In", "NotIn" -> {
                    if (values(requirement).isEmpty()) {
                        problems.add(where + ": operator " + operator + " needs values");
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!values(requirement).isEmpty()) {
                        problems.add(where + ": operator " + operator + " takes no values");
                    }
                }
                default -> problems.add(where + ": unknown operator '" + operator + "' (In, NotIn, Exists, DoesNotExist)");
            }
        }
        return problems;
    }

    private static Set<String> values(JsonObject requirement) {
        Set<String> values = new TreeSet<>();
        for (JsonElement e : Manifest.array(requirement, "values")) {
            if (e.isJsonPrimitive()) {
                values.add(e.getAsString());
            }
        }
        return values;
    }
}
