package com.liftguard.deploy;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pod a workload runs: its labels and its spec, wherever the workload kind keeps them. */
record PodTemplate(Manifest owner, Map<String, String> labels, JsonObject spec) {

    static List<PodTemplate> of(List<Manifest> manifests) {
        List<PodTemplate> templates = new ArrayList<>();
        for (Manifest m : manifests) {
            JsonObject spec = Manifest.object(m.json(), "spec");
            JsonObject template = switch (m.kind()) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> Manifest.object(spec, "template");
                case "CronJob" -> Manifest.object(Manifest.object(Manifest.object(spec, "jobTemplate"), "spec"), "template");
                case "Pod" -> m.json();
                default -> null;
            };
            if (template != null) {
                templates.add(new PodTemplate(m,
                        Manifest.stringMap(Manifest.object(Manifest.object(template, "metadata"), "labels")),
                        Manifest.object(template, "spec")));
            }
        }
        return templates;
    }

    List<JsonObject> containers() {
        return Manifest.objects(Manifest.array(spec, "containers"));
    }

    /** Containers and init containers: both must be hardened and both can reference configuration. */
    List<JsonObject> allContainers() {
        List<JsonObject> all = new ArrayList<>(Manifest.objects(Manifest.array(spec, "initContainers")));
        all.addAll(containers());
        return all;
    }

    boolean matches(String namespace, Map<String, String> selector) {
        return owner.namespace().equals(namespace) && !selector.isEmpty()
                && labels.entrySet().containsAll(selector.entrySet());
    }
}
