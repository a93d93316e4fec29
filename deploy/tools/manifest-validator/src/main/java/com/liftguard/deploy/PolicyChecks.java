package com.liftguard.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Liftguard's own rules for every pod it runs (docs/architecture.md: hardened pods): non-root, read-only
 * root filesystem with a writable /tmp, no privilege escalation, every capability dropped, the
 * runtime's seccomp profile, requests and limits, the three Quarkus health probes, and an image
 * pinned by tag or digest. And for autoscaled workloads: bounds that make sense, a floor that a
 * PodDisruptionBudget cannot drain to zero, and no replica count in the manifest (the autoscaler owns
 * it; every {@code kubectl apply} would reset it).
 */
final class PolicyChecks {

    private static final List<String> PROBES = List.of("startupProbe", "livenessProbe", "readinessProbe");

    private PolicyChecks() {
    }

    static void check(List<Manifest> manifests, Map<Manifest, List<String>> errors) {
        checkAutoscaling(manifests, errors);
        for (PodTemplate t : PodTemplate.of(manifests)) {
            JsonObject podSecurity = Manifest.object(t.spec(), "securityContext");
            List<JsonObject> containers = t.containers();
            for (JsonObject c : t.allContainers()) {
                String where = "container " + Manifest.string(c, "name") + ": ";
                JsonObject security = Manifest.object(c, "securityContext");
                if (!Manifest.isTrue(security, "runAsNonRoot") && !Manifest.isTrue(podSecurity, "runAsNonRoot")) {
                    fail(errors, t, where + "runAsNonRoot must be true (pod or container securityContext)");
                }
                if (!isFalse(security, "allowPrivilegeEscalation")) {
                    fail(errors, t, where + "securityContext.allowPrivilegeEscalation must be false");
                }
                if (!Manifest.isTrue(security, "readOnlyRootFilesystem")) {
                    fail(errors, t, where + "securityContext.readOnlyRootFilesystem must be true");
                } else if (Manifest.objects(Manifest.array(c, "volumeMounts")).stream()
                        .noneMatch(m -> "/tmp".equals(Manifest.string(m, "mountPath")))) {
                    fail(errors, t, where + "a read-only root filesystem needs a writable volume at /tmp");
                }
                JsonObject capabilities = Manifest.object(security, "capabilities");
                if (Manifest.array(capabilities, "drop").asList().stream()
                        .noneMatch(e -> e.isJsonPrimitive() && "ALL".equals(e.getAsString()))) {
                    fail(errors, t, where + "securityContext.capabilities.drop must contain ALL");
                }
                String seccomp = firstNonNull(
                        Manifest.string(Manifest.object(security, "seccompProfile"), "type"),
                        Manifest.string(Manifest.object(podSecurity, "seccompProfile"), "type"));
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    fail(errors, t, where + "seccompProfile.type must be RuntimeDefault (or Localhost)");
                }
                JsonObject resources = Manifest.object(c, "resources");
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        JsonObject values = Manifest.object(resources, bound);
                        if (values == null || !values.has(resource)) {
                            fail(errors, t, where + "resources." + bound + "." + resource + " must be set");
                        }
                    }
                }
                checkImage(t, where, Manifest.string(c, "image"), errors);
                if (containers.contains(c)) {
                    for (String probe : PROBES) {
                        if (Manifest.object(c, probe) == null) {
                            fail(errors, t, where + probe + " must be set");
                        }
                    }
                }
            }
        }
    }

    private static void checkAutoscaling(List<Manifest> manifests, Map<Manifest, List<String>> errors) {
        List<PodTemplate> templates = PodTemplate.of(manifests);
        for (Autoscalers a : Autoscalers.of(manifests)) {
            Manifest so = a.owner();
            if (a.minReplicas() > a.maxReplicas()) {
                ReferenceChecks.add(errors, so, "minimum replicas " + a.minReplicas() + " above maximum " + a.maxReplicas());
            }
            JsonElement idle = Manifest.object(so.json(), "spec") == null ? null : Manifest.object(so.json(), "spec").get("idleReplicaCount");
            if (idle != null && idle.isJsonPrimitive() && idle.getAsJsonPrimitive().isNumber() && idle.getAsInt() >= a.minReplicas()) {
                ReferenceChecks.add(errors, so, "idleReplicaCount " + idle.getAsInt() + " must be below minReplicaCount " + a.minReplicas());
            }
            Manifest target = manifests.stream().filter(a::targets).findFirst().orElse(null);
            if (target == null) {
                continue; // the reference check reports it
            }
            JsonObject targetSpec = Manifest.object(target.json(), "spec");
            if (targetSpec != null && targetSpec.has("replicas")) {
                ReferenceChecks.add(errors, so, target.id() + " sets spec.replicas, which this autoscaler owns: drop it"
                        + " (every kubectl apply would reset the scale)");
            }
            PodTemplate pods = templates.stream().filter(t -> t.owner() == target).findFirst().orElse(null);
            if (pods == null) {
                continue;
            }
            for (Manifest pdb : manifests) {
                if (!"PodDisruptionBudget".equals(pdb.kind()) || !pdb.namespace().equals(target.namespace())) {
                    continue;
                }
                JsonObject spec = Manifest.object(pdb.json(), "spec");
                if (LabelSelectors.isEmpty(Manifest.object(spec, "selector"))
                        || !LabelSelectors.matches(Manifest.object(spec, "selector"), pods.labels())) {
                    continue;
                }
                // With maxUnavailable n (or minAvailable n), a drain may evict n pods (or all but n):
                // the floor must keep at least one pod running (and allow an eviction at all).
                Integer maxUnavailable = absolute(spec, "maxUnavailable");
                Integer minAvailable = absolute(spec, "minAvailable");
                int needed = maxUnavailable != null ? maxUnavailable + 1 : minAvailable != null ? minAvailable + 1 : 0;
                if (a.minReplicas() < needed) {
                    ReferenceChecks.add(errors, so, "minimum replicas " + a.minReplicas() + " below " + needed + ", what "
                            + pdb.id() + " (" + (maxUnavailable != null ? "maxUnavailable " + maxUnavailable : "minAvailable " + minAvailable)
                            + ") needs to keep a pod running through a drain");
                }
            }
        }
    }

    /** An integer PodDisruptionBudget bound; null when absent or a percentage. */
    private static Integer absolute(JsonObject spec, String member) {
        JsonElement e = spec == null ? null : spec.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsInt() : null;
    }

    private static void checkImage(PodTemplate t, String where, String image, Map<Manifest, List<String>> errors) {
        if (image == null) {
            return; // the schema reports it
        }
        if (image.contains("@sha256:")) {
            return;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        String tag = colon > slash ? image.substring(colon + 1) : null;
        if (tag == null || tag.equals("latest")) {
            fail(errors, t, where + "image '" + image + "' must be pinned by a tag other than latest, or a digest");
        }
    }

    private static boolean isFalse(JsonObject object, String member) {
        JsonElement e = object == null ? null : object.get(member);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && !e.getAsBoolean();
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static void fail(Map<Manifest, List<String>> errors, PodTemplate t, String message) {
        ReferenceChecks.add(errors, t.owner(), message);
    }
}
