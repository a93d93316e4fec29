package com.liftguard.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects that own a workload's replica count: KEDA ScaledObjects (which create their own
 * HorizontalPodAutoscaler) and HorizontalPodAutoscalers, with their target and bounds as the operator
 * and the controller default them.
 */
record Autoscalers(Manifest owner, String targetApiVersion, String targetKind, String targetName,
                   int minReplicas, int maxReplicas) {

    static List<Autoscalers> of(List<Manifest> manifests) {
        List<Autoscalers> autoscalers = new ArrayList<>();
        for (Manifest m : manifests) {
            JsonObject spec = Manifest.object(m.json(), "spec");
            JsonObject ref = Manifest.object(spec, "scaleTargetRef");
            if (ref == null || Manifest.string(ref, "name") == null) {
                continue; // the schema reports it
            }
            if (isScaledObject(m)) {
                autoscalers.add(new Autoscalers(m,
                        orDefault(Manifest.string(ref, "apiVersion"), "apps/v1"),
                        orDefault(Manifest.string(ref, "kind"), "Deployment"),
                        Manifest.string(ref, "name"),
                        integer(spec, "minReplicaCount", 0), integer(spec, "maxReplicaCount", 100)));
            } else if ("HorizontalPodAutoscaler".equals(m.kind()) && String.valueOf(m.apiVersion()).startsWith("autoscaling/")) {
                autoscalers.add(new Autoscalers(m,
                        orDefault(Manifest.string(ref, "apiVersion"), "apps/v1"),
                        Manifest.string(ref, "kind"),
                        Manifest.string(ref, "name"),
                        integer(spec, "minReplicas", 1), integer(spec, "maxReplicas", 1)));
            }
        }
        return autoscalers;
    }

    static boolean isScaledObject(Manifest m) {
        return "ScaledObject".equals(m.kind()) && String.valueOf(m.apiVersion()).startsWith("keda.sh/");
    }

    /** Whether m is this autoscaler's target. */
    boolean targets(Manifest m) {
        return targetName.equals(m.name()) && String.valueOf(targetKind).equals(m.kind())
                && targetApiVersion.equals(m.apiVersion()) && owner.namespace().equals(m.namespace());
    }

    String target() {
        return targetKind + " '" + targetName + "'";
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static int integer(JsonObject spec, String member, int fallback) {
        JsonElement e = spec == null ? null : spec.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsInt() : fallback;
    }
}
