package com.liftguard.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.custom.QuantityFormatter;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates built-in kinds against the Kubernetes API model that client-java-api generates from the
 * API's OpenAPI document: every field must be known (as kubectl's strict field validation), required
 * fields present, and every value of the type the API server decodes (a number where a string is
 * expected is an error, as it is for the API server; quantities must parse).
 */
final class BuiltinSchema {

    /**
     * group/version to the kinds validated in it. A kind not listed fails the check instead of passing
     * unvalidated: add it here when the manifests start using it. Model class = V1 + kind etc.
     */
    private static final Map<String, List<String>> KINDS = Map.ofEntries(
            Map.entry("v1", List.of("ConfigMap", "Secret", "Service", "ServiceAccount", "Namespace",
                    "PersistentVolumeClaim", "LimitRange", "ResourceQuota", "Pod")),
            Map.entry("apps/v1", List.of("Deployment", "StatefulSet", "DaemonSet")),
            Map.entry("batch/v1", List.of("Job", "CronJob")),
            Map.entry("policy/v1", List.of("PodDisruptionBudget")),
            Map.entry("autoscaling/v2", List.of("HorizontalPodAutoscaler")),
            Map.entry("networking.k8s.io/v1", List.of("NetworkPolicy", "Ingress")),
            Map.entry("rbac.authorization.k8s.io/v1", List.of("Role", "RoleBinding", "ClusterRole",
                    "ClusterRoleBinding")));

    private static final String MODELS = "io.kubernetes.client.openapi.models.";
    private static final QuantityFormatter QUANTITIES = new QuantityFormatter();
    private static final Map<Class<?>, Map<String, Field>> FIELDS = new ConcurrentHashMap<>();

    private BuiltinSchema() {
    }

    /** The model class for apiVersion and kind, or null when this validator does not know the kind. */
    static Class<?> modelFor(String apiVersion, String kind) {
        List<String> kinds = KINDS.get(apiVersion);
        if (kinds == null || !kinds.contains(kind)) {
            return null;
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String className = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind;
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("client-java-api has no " + className, e);
        }
    }

    static void validate(Class<?> model, JsonElement value, String path, List<String> errors) {
        check(model, value, path, errors);
    }

    private static void check(Type type, JsonElement value, String path, List<String> errors) {
        if (value == null || value.isJsonNull()) {
            return; // the API server treats null as absent; required fields are checked by the parent
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] args = parameterized.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                if (!value.isJsonArray()) {
                    errors.add(path + ": expected an array, got " + describe(value));
                    return;
                }
                for (int i = 0; i < value.getAsJsonArray().size(); i++) {
                    check(args[0], value.getAsJsonArray().get(i), path + "[" + i + "]", errors);
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (!value.isJsonObject()) {
                    errors.add(path + ": expected an object, got " + describe(value));
                    return;
                }
                for (Map.Entry<String, JsonElement> e : value.getAsJsonObject().entrySet()) {
                    check(args[1], e.getValue(), path + "." + e.getKey(), errors);
                }
            }
            return;
        }
        Class<?> cls = (Class<?>) type;
        if (cls == String.class || cls == OffsetDateTime.class) {
            expectString(value, path, errors);
        } else if (cls == Integer.class || cls == Long.class) {
            expectInteger(value, path, cls == Integer.class, errors);
        } else if (cls == Boolean.class) {
            if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())) {
                errors.add(path + ": expected a boolean, got " + describe(value));
            }
        } else if (cls == Double.class || cls == Float.class) {
            if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
                errors.add(path + ": expected a number, got " + describe(value));
            }
        } else if (cls == IntOrString.class) {
            if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                expectInteger(value, path, true, errors);
            }
        } else if (cls == Quantity.class) {
            checkQuantity(value, path, errors);
        } else if (cls == byte[].class) {
            if (expectString(value, path, errors)) {
                try {
                    // like Go's decoder, which the API server uses: line breaks are allowed (kustomize wraps)
                    Base64.getDecoder().decode(value.getAsString().replaceAll("[\\r\\n]", ""));
                } catch (IllegalArgumentException e) {
                    errors.add(path + ": not valid base64 (" + e.getMessage() + ")");
                }
            }
        } else if (isModel(cls)) {
            checkModel(cls, value, path, errors);
        }
        // Object and other free-form types (RawExtension, JSON schema props) accept anything.
    }

    private static void checkModel(Class<?> model, JsonElement value, String path, List<String> errors) {
        if (!value.isJsonObject()) {
            errors.add(path + ": expected an object (" + model.getSimpleName() + "), got " + describe(value));
            return;
        }
        JsonObject object = value.getAsJsonObject();
        Map<String, Field> fields = fields(model);
        for (String required : staticSet(model, "openapiRequiredFields")) {
            if (!object.has(required) || object.get(required).isJsonNull()) {
                errors.add(join(path, required) + ": required field missing");
            }
        }
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            Field field = fields.get(e.getKey());
            if (field != null) {
                check(field.getGenericType(), e.getValue(), join(path, e.getKey()), errors);
            } else if (!staticSet(model, "openapiFields").contains(e.getKey())) {
                errors.add(join(path, e.getKey()) + ": unknown field (not in " + model.getSimpleName() + ")");
            }
        }
    }

    private static boolean expectString(JsonElement value, String path, List<String> errors) {
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) {
            return true;
        }
        errors.add(path + ": expected a string, got " + describe(value) + " (quote it)");
        return false;
    }

    private static void expectInteger(JsonElement value, String path, boolean int32, List<String> errors) {
        if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber())) {
            errors.add(path + ": expected an integer, got " + describe(value));
            return;
        }
        BigDecimal number = value.getAsBigDecimal();
        if (number.stripTrailingZeros().scale() > 0) {
            errors.add(path + ": expected an integer, got " + number);
        } else if (int32 && (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
            errors.add(path + ": " + number + " does not fit a 32-bit integer");
        }
    }

    private static void checkQuantity(JsonElement value, String path, List<String> errors) {
        if (!value.isJsonPrimitive() || value.getAsJsonPrimitive().isBoolean()) {
            errors.add(path + ": expected a quantity (string or number), got " + describe(value));
            return;
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        if (primitive.isString()) {
            try {
                QUANTITIES.parse(primitive.getAsString());
            } catch (RuntimeException e) {
                errors.add(path + ": invalid quantity '" + primitive.getAsString() + "'");
            }
        }
    }

    private static boolean isModel(Class<?> cls) {
        return cls.getName().startsWith(MODELS);
    }

    /** Serialized name to field, from the Gson annotations the generator puts on every property. */
    private static Map<String, Field> fields(Class<?> model) {
        return FIELDS.computeIfAbsent(model, cls -> {
            Map<String, Field> byName = new HashMap<>();
            for (Field f : cls.getDeclaredFields()) {
                SerializedName name = f.getAnnotation(SerializedName.class);
                if (name != null && !Modifier.isStatic(f.getModifiers())) {
                    byName.put(name.value(), f);
                }
            }
            return byName;
        });
    }

    @SuppressWarnings("unchecked")
    private static Set<String> staticSet(Class<?> model, String name) {
        try {
            Field f = model.getDeclaredField(name);
            f.setAccessible(true);
            Object value = f.get(null);
            return value instanceof Set<?> set ? (Set<String>) set : Set.of();
        } catch (NoSuchFieldException | IllegalAccessException e) {
            return Set.of();
        }
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    static String describe(JsonElement value) {
        if (value.isJsonObject()) {
            return "an object";
        }
        if (value.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = value.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return "boolean " + p.getAsBoolean();
        }
        if (p.isNumber()) {
            return "number " + p.getAsNumber();
        }
        return "string '" + p.getAsString() + "'";
    }
}
