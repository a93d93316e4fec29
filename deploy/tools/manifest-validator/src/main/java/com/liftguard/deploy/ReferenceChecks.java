package com.liftguard.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a schema cannot see but the API server or the kubelet would trip over later: selectors that
 * select nothing, ports named nowhere, and ConfigMaps, Secrets and keys that are not in the render
 * (typically a name kustomize did not rewrite to its hashed generator name). Objects the render is
 * expected not to contain (created out of band) are declared external.
 */
final class ReferenceChecks {

    private final List<Manifest> manifests;
    private final List<PodTemplate> templates;
    private final Set<String> externalSecrets;
    private final Set<String> externalConfigMaps;
    /** "ConfigMap|ns|name" or "Secret|ns|name" to the keys the object holds. */
    private final Map<String, Set<String>> keysByObject = new HashMap<>();

    ReferenceChecks(List<Manifest> manifests, Set<String> externalSecrets, Set<String> externalConfigMaps) {
        this.manifests = manifests;
        this.templates = PodTemplate.of(manifests);
        this.externalSecrets = externalSecrets;
        this.externalConfigMaps = externalConfigMaps;
        for (Manifest m : manifests) {
            if (m.apiVersion() != null && m.apiVersion().equals("v1")
                    && (m.kind().equals("ConfigMap") || m.kind().equals("Secret"))) {
                Set<String> keys = new TreeSet<>();
                for (String member : List.of("data", "binaryData", "stringData")) {
                    JsonObject data = Manifest.object(m.json(), member);
                    if (data != null) {
                        keys.addAll(data.keySet());
                    }
                }
                keysByObject.put(m.kind() + "|" + m.namespace() + "|" + m.name(), keys);
            }
        }
    }

    void check(Map<Manifest, List<String>> errors) {
        checkUniqueIds(errors);
        for (Manifest m : manifests) {
            switch (m.kind()) {
                case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet" -> checkWorkloadSelector(m, errors);
                case "Service" -> checkService(m, errors);
                case "PodDisruptionBudget" -> checkSelects(m, Manifest.object(Manifest.object(m.json(), "spec"), "selector"), errors);
                default -> { }
            }
        }
        for (PodTemplate t : templates) {
            checkPod(t, errors);
        }
    }

    private void checkUniqueIds(Map<Manifest, List<String>> errors) {
        Set<String> seen = new TreeSet<>();
        for (Manifest m : manifests) {
            if (!seen.add(m.apiVersion() + " " + m.id())) {
                add(errors, m, "defined twice");
            }
        }
    }

    private void checkWorkloadSelector(Manifest m, Map<Manifest, List<String>> errors) {
        JsonObject spec = Manifest.object(m.json(), "spec");
        Map<String, String> selector = Manifest.stringMap(Manifest.object(Manifest.object(spec, "selector"), "matchLabels"));
        Map<String, String> labels = Manifest.stringMap(
                Manifest.object(Manifest.object(Manifest.object(spec, "template"), "metadata"), "labels"));
        if (!labels.entrySet().containsAll(selector.entrySet())) {
            add(errors, m, "spec.selector.matchLabels " + selector + " does not match the pod template's labels " + labels);
        }
    }

    private void checkService(Manifest m, Map<Manifest, List<String>> errors) {
        JsonObject spec = Manifest.object(m.json(), "spec");
        JsonObject selectorJson = Manifest.object(spec, "selector");
        if (selectorJson == null || "ExternalName".equals(Manifest.string(spec, "type"))) {
            return; // endpoints managed elsewhere
        }
        Map<String, String> selector = Manifest.stringMap(selectorJson);
        List<PodTemplate> selected = templates.stream().filter(t -> t.matches(m.namespace(), selector)).toList();
        if (selected.isEmpty()) {
            add(errors, m, "spec.selector " + selector + " selects no pod template in this render");
            return;
        }
        for (JsonObject port : Manifest.objects(Manifest.array(spec, "ports"))) {
            JsonElement target = port.has("targetPort") ? port.get("targetPort") : port.get("port");
            if (target == null || !target.isJsonPrimitive()) {
                continue;
            }
            boolean found = selected.stream().flatMap(t -> t.containers().stream())
                    .flatMap(c -> Manifest.objects(Manifest.array(c, "ports")).stream())
                    .anyMatch(p -> target.getAsJsonPrimitive().isNumber()
                            ? target.getAsString().equals(Manifest.string(p, "containerPort"))
                            : target.getAsString().equals(Manifest.string(p, "name")));
            if (!found) {
                add(errors, m, "port " + Manifest.string(port, "name") + ": targetPort " + target.getAsString()
                        + " is not a port of the selected containers");
            }
        }
    }

    private void checkSelects(Manifest m, JsonObject selector, Map<Manifest, List<String>> errors) {
        Map<String, String> matchLabels = Manifest.stringMap(Manifest.object(selector, "matchLabels"));
        if (templates.stream().noneMatch(t -> t.matches(m.namespace(), matchLabels))) {
            add(errors, m, "spec.selector.matchLabels " + matchLabels + " selects no pod template in this render");
        }
    }

    private void checkPod(PodTemplate t, Map<Manifest, List<String>> errors) {
        Manifest owner = t.owner();
        String ns = owner.namespace();
        Set<String> volumes = new TreeSet<>();
        for (JsonObject volume : Manifest.objects(Manifest.array(t.spec(), "volumes"))) {
            String name = Manifest.string(volume, "name");
            volumes.add(name);
            JsonObject configMap = Manifest.object(volume, "configMap");
            if (configMap != null) {
                ref(owner, "volume " + name, "ConfigMap", ns, configMap, "name", keys(configMap), errors);
            }
            JsonObject secret = Manifest.object(volume, "secret");
            if (secret != null) {
                ref(owner, "volume " + name, "Secret", ns, secret, "secretName", keys(secret), errors);
            }
            for (JsonObject source : Manifest.objects(Manifest.array(Manifest.object(volume, "projected"), "sources"))) {
                JsonObject cm = Manifest.object(source, "configMap");
                if (cm != null) {
                    ref(owner, "volume " + name, "ConfigMap", ns, cm, "name", keys(cm), errors);
                }
                JsonObject s = Manifest.object(source, "secret");
                if (s != null) {
                    ref(owner, "volume " + name, "Secret", ns, s, "name", keys(s), errors);
                }
            }
        }
        for (JsonObject c : t.allContainers()) {
            String where = "container " + Manifest.string(c, "name");
            for (JsonObject from : Manifest.objects(Manifest.array(c, "envFrom"))) {
                JsonObject cm = Manifest.object(from, "configMapRef");
                if (cm != null) {
                    ref(owner, where + " envFrom", "ConfigMap", ns, cm, "name", Set.of(), errors);
                }
                JsonObject s = Manifest.object(from, "secretRef");
                if (s != null) {
                    ref(owner, where + " envFrom", "Secret", ns, s, "name", Set.of(), errors);
                }
            }
            for (JsonObject env : Manifest.objects(Manifest.array(c, "env"))) {
                JsonObject valueFrom = Manifest.object(env, "valueFrom");
                String var = where + " env " + Manifest.string(env, "name");
                JsonObject cm = Manifest.object(valueFrom, "configMapKeyRef");
                if (cm != null) {
                    ref(owner, var, "ConfigMap", ns, cm, "name", keySet(Manifest.string(cm, "key")), errors);
                }
                JsonObject s = Manifest.object(valueFrom, "secretKeyRef");
                if (s != null) {
                    ref(owner, var, "Secret", ns, s, "name", keySet(Manifest.string(s, "key")), errors);
                }
            }
            for (JsonObject mount : Manifest.objects(Manifest.array(c, "volumeMounts"))) {
                if (!volumes.contains(Manifest.string(mount, "name"))) {
                    add(errors, owner, where + ": volumeMount " + Manifest.string(mount, "name") + " names no volume");
                }
            }
            Set<String> portNames = new TreeSet<>();
            Manifest.objects(Manifest.array(c, "ports")).forEach(p -> portNames.add(Manifest.string(p, "name")));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                JsonObject p = Manifest.object(c, probe);
                for (String handler : List.of("httpGet", "tcpSocket")) {
                    JsonElement port = p == null || Manifest.object(p, handler) == null ? null
                            : Manifest.object(p, handler).get("port");
                    if (port != null && port.isJsonPrimitive() && port.getAsJsonPrimitive().isString()
                            && !portNames.contains(port.getAsString())) {
                        add(errors, owner, where + ": " + probe + " uses port '" + port.getAsString()
                                + "', which the container does not name");
                    }
                }
            }
        }
    }

    private void ref(Manifest owner, String where, String kind, String ns, JsonObject ref, String nameMember,
                     Set<String> keys, Map<Manifest, List<String>> errors) {
        String name = Manifest.string(ref, nameMember);
        if (name == null || Manifest.isTrue(ref, "optional")) {
            return;
        }
        Set<String> present = keysByObject.get(kind + "|" + ns + "|" + name);
        if (present == null) {
            boolean external = kind.equals("Secret") ? externalSecrets.contains(name) : externalConfigMaps.contains(name);
            if (!external) {
                add(errors, owner, where + ": " + kind + " '" + name + "' is neither in this render nor declared external");
            }
            return;
        }
        for (String key : keys) {
            if (!present.contains(key)) {
                add(errors, owner, where + ": " + kind + " '" + name + "' has no key '" + key + "'");
            }
        }
    }

    private static Set<String> keys(JsonObject volumeSource) {
        Set<String> keys = new TreeSet<>();
        Manifest.objects(Manifest.array(volumeSource, "items")).forEach(i -> keys.add(Manifest.string(i, "key")));
        return keys;
    }

    private static Set<String> keySet(String key) {
        return key == null ? Set.of() : Set.of(key);
    }

    static void add(Map<Manifest, List<String>> errors, Manifest m, String message) {
        errors.computeIfAbsent(m, k -> new java.util.ArrayList<>()).add(message);
    }
}
