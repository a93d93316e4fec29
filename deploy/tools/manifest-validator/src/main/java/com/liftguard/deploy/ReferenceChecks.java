package com.liftguard.deploy;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What a schema cannot see but the API server or the kubelet would trip over later: selectors that
 * select nothing, ports named nowhere, and ConfigMaps, Secrets and keys that are not in the render
 * (typically a name kustomize did not rewrite to its hashed generator name). Objects the render is
 * expected not to contain (created out of band) are declared external. Also: NetworkPolicies select
 * pods of the render and open ports those pods name; autoscalers (KEDA ScaledObjects, HPAs) target a
 * workload of the render, one autoscaler per workload; KEDA kafka triggers watch the Kafka cluster the
 * pods use, and topics the render declares (when it declares KafkaTopics) with enough partitions.
 */
final class ReferenceChecks {

    private final List<Manifest> manifests;
    private final List<PodTemplate> templates;
    private final Set<String> externalSecrets;
    private final Set<String> externalConfigMaps;
    /** "ConfigMap|ns|name" or "Secret|ns|name" to the keys the object holds. */
    private final Map<String, Set<String>> keysByObject = new HashMap<>();
    /** "ns|name" to a ConfigMap's data. */
    private final Map<String, Map<String, String>> configMapData = new HashMap<>();

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
                if (m.kind().equals("ConfigMap")) {
                    configMapData.put(m.namespace() + "|" + m.name(), Manifest.stringMap(Manifest.object(m.json(), "data")));
                }
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
                case "NetworkPolicy" -> checkNetworkPolicy(m, errors);
                default -> { }
            }
        }
        for (PodTemplate t : templates) {
            checkPod(t, errors);
        }
        checkAutoscalers(errors);
    }

    // --- NetworkPolicy -----------------------------------------------------------------------------

    private void checkNetworkPolicy(Manifest m, Map<Manifest, List<String>> errors) {
        JsonObject spec = Manifest.object(m.json(), "spec");
        JsonObject podSelector = Manifest.object(spec, "podSelector");
        LabelSelectors.problems(podSelector, "spec.podSelector").forEach(p -> add(errors, m, p));
        List<PodTemplate> selected = templates.stream()
                .filter(t -> t.owner().namespace().equals(m.namespace()) && LabelSelectors.matches(podSelector, t.labels()))
                .toList();
        if (!LabelSelectors.isEmpty(podSelector) && selected.isEmpty()) {
            add(errors, m, "spec.podSelector selects no pod template in this render");
        }
        for (String direction : List.of("ingress", "egress")) {
            List<JsonObject> rules = Manifest.objects(Manifest.array(spec, direction));
            for (int r = 0; r < rules.size(); r++) {
                String where = "spec." + direction + "[" + r + "]";
                for (JsonObject peer : Manifest.objects(Manifest.array(rules.get(r), direction.equals("ingress") ? "from" : "to"))) {
                    for (String selector : List.of("podSelector", "namespaceSelector")) {
                        JsonObject sel = Manifest.object(peer, selector);
                        if (sel != null) {
                            LabelSelectors.problems(sel, where + "." + selector).forEach(p -> add(errors, m, p));
                        }
                    }
                    JsonObject ipBlock = Manifest.object(peer, "ipBlock");
                    if (ipBlock != null) {
                        checkIpBlock(m, where + ".ipBlock", ipBlock, errors);
                    }
                }
                if (!direction.equals("ingress")) {
                    continue; // an egress port name is the destination pod's: not in this render's pods
                }
                for (JsonObject port : Manifest.objects(Manifest.array(rules.get(r), "ports"))) {
                    JsonElement value = port.get("port");
                    if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                        continue;
                    }
                    String name = value.getAsString();
                    for (PodTemplate t : selected) {
                        boolean named = t.containers().stream()
                                .flatMap(c -> Manifest.objects(Manifest.array(c, "ports")).stream())
                                .anyMatch(p -> name.equals(Manifest.string(p, "name")));
                        if (!named) {
                            add(errors, m, where + ": port '" + name + "' is not a named port of " + t.owner().id()
                                    + ", which the policy selects (the rule opens nothing there)");
                        }
                    }
                }
            }
        }
    }

    private static void checkIpBlock(Manifest m, String where, JsonObject ipBlock, Map<Manifest, List<String>> errors) {
        String cidr = Manifest.string(ipBlock, "cidr");
        Cidr block = Cidr.parse(cidr);
        if (block == null) {
            add(errors, m, where + ".cidr: '" + cidr + "' is not a CIDR");
            return;
        }
        for (JsonElement e : Manifest.array(ipBlock, "except")) {
            String except = e.isJsonPrimitive() ? e.getAsString() : String.valueOf(e);
            Cidr inner = Cidr.parse(except);
            if (inner == null) {
                add(errors, m, where + ".except: '" + except + "' is not a CIDR");
            } else if (!block.strictlyContains(inner)) {
                add(errors, m, where + ".except: " + except + " is not strictly inside " + cidr + " (the API server rejects it)");
            }
        }
    }

    /** An IPv4 or IPv6 network: address bits and prefix length. */
    record Cidr(BigInteger address, int prefix, int bits) {

        /** Numeric literals only (IPv4 dotted quad, or anything with a colon, which Java parses as IPv6). */
        private static final Pattern SHAPE = Pattern.compile("([0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*)/[0-9]{1,3}");

        static Cidr parse(String text) {
            if (text == null || !SHAPE.matcher(text).matches()) {
                return null;
            }
            String[] parts = text.split("/");
            byte[] bytes;
            try {
                // only numeric literals reach this (SHAPE): no name lookup happens
                bytes = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
            if (parts[0].contains(":") != (bytes.length == 16)) {
                return null; // an IPv4-mapped IPv6 literal decodes to 4 bytes: not a plain CIDR
            }
            int prefix = Integer.parseInt(parts[1]);
            int bits = bytes.length * 8;
            if (prefix > bits) {
                return null;
            }
            BigInteger address = new BigInteger(1, bytes);
            if (!address.equals(network(address, prefix, bits))) {
                return null; // host bits set: Go's net.ParseCIDR accepts it, but it is not what was meant
            }
            return new Cidr(address, prefix, bits);
        }

        boolean strictlyContains(Cidr other) {
            return bits == other.bits && other.prefix > prefix && network(other.address, prefix, bits).equals(address);
        }

        private static BigInteger network(BigInteger address, int prefix, int bits) {
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return address.and(mask);
        }
    }

    // --- autoscalers -------------------------------------------------------------------------------

    private void checkAutoscalers(Map<Manifest, List<String>> errors) {
        Map<String, Autoscalers> byTarget = new LinkedHashMap<>();
        for (Autoscalers a : Autoscalers.of(manifests)) {
            Manifest target = manifests.stream().filter(a::targets).findFirst().orElse(null);
            if (target == null) {
                add(errors, a.owner(), "spec.scaleTargetRef: " + a.targetApiVersion() + " " + a.target()
                        + " is not in this render (namespace '" + a.owner().namespace() + "')");
                continue;
            }
            Autoscalers first = byTarget.putIfAbsent(target.id(), a);
            if (first != null) {
                add(errors, a.owner(), target.id() + " is already scaled by " + first.owner().id()
                        + " (one autoscaler per workload; a ScaledObject creates its own HPA)");
            }
            if (Autoscalers.isScaledObject(a.owner())) {
                checkTriggers(a, target, errors);
            }
        }
    }

    private void checkTriggers(Autoscalers a, Manifest target, Map<Manifest, List<String>> errors) {
        Manifest so = a.owner();
        List<JsonObject> triggers = Manifest.objects(Manifest.array(Manifest.object(so.json(), "spec"), "triggers"));
        Set<String> names = new TreeSet<>();
        Map<String, Integer> partitions = topicPartitions(so.namespace());
        List<String> podBootstrap = podBootstrapServers(target);
        for (int i = 0; i < triggers.size(); i++) {
            JsonObject trigger = triggers.get(i);
            String where = "spec.triggers[" + i + "]";
            String name = Manifest.string(trigger, "name");
            if (name != null && !names.add(name)) {
                add(errors, so, where + ": trigger name '" + name + "' is used twice");
            }
            if (!"kafka".equals(Manifest.string(trigger, "type"))) {
                continue;
            }
            JsonObject metadata = Manifest.object(trigger, "metadata");
            String servers = Manifest.string(metadata, "bootstrapServers");
            if (servers != null) {
                checkBootstrap(so, where, servers, podBootstrap, errors);
            }
            String topic = Manifest.string(metadata, "topic");
            if (topic != null && !partitions.isEmpty()) {
                Integer count = partitions.get(topic);
                if (count == null) {
                    add(errors, so, where + ": topic '" + topic + "' is not declared by a KafkaTopic of this render");
                } else if (a.maxReplicas() > count && !"true".equals(Manifest.string(metadata, "allowIdleConsumers"))) {
                    add(errors, so, where + ": maxReplicaCount " + a.maxReplicas() + " exceeds the " + count
                            + " partitions of '" + topic + "' (consumers beyond that sit idle)");
                }
            }
        }
    }

    /**
     * KEDA's operator connects from its own namespace: a bare Service name would resolve there, not
     * in the application's. And it should watch the cluster the pods consume from: the same host (or
     * the same Service, namespace-qualified) and port as the pods' KAFKA_BOOTSTRAP_SERVERS.
     */
    private static void checkBootstrap(Manifest so, String where, String servers, List<String> podServers,
                                       Map<Manifest, List<String>> errors) {
        for (String server : servers.split(",")) {
            server = server.trim();
            int colon = server.lastIndexOf(':');
            String host = colon < 0 ? server : server.substring(0, colon);
            String port = colon < 0 ? "" : server.substring(colon + 1);
            if (!host.contains(".")) {
                add(errors, so, where + ": bootstrapServers host '" + host + "' is not namespace-qualified: KEDA's operator"
                        + " resolves it in its own namespace (write " + host + ".<namespace>.svc)");
                continue;
            }
            if (podServers.isEmpty()) {
                continue;
            }
            boolean same = podServers.stream().anyMatch(pod -> {
                int c = pod.lastIndexOf(':');
                String podHost = c < 0 ? pod : pod.substring(0, c);
                String podPort = c < 0 ? "" : pod.substring(c + 1);
                return podPort.equals(port) && (podHost.equals(host) || (!podHost.contains(".") && host.startsWith(podHost + ".")));
            });
            if (!same) {
                add(errors, so, where + ": bootstrapServers '" + server + "' is not the Kafka the pods use ("
                        + String.join(",", podServers) + ")");
            }
        }
    }

    /** The scale target's KAFKA_BOOTSTRAP_SERVERS (env value, or envFrom a ConfigMap of the render); empty if unknown. */
    private List<String> podBootstrapServers(Manifest target) {
        for (PodTemplate t : templates) {
            if (t.owner() != target) {
                continue;
            }
            for (JsonObject c : t.containers()) {
                String value = null;
                for (JsonObject from : Manifest.objects(Manifest.array(c, "envFrom"))) {
                    JsonObject cm = Manifest.object(from, "configMapRef");
                    Map<String, String> data = cm == null ? null : configMapData.get(target.namespace() + "|" + Manifest.string(cm, "name"));
                    if (data != null && data.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                        value = data.get("KAFKA_BOOTSTRAP_SERVERS");
                    }
                }
                for (JsonObject env : Manifest.objects(Manifest.array(c, "env"))) {
                    if ("KAFKA_BOOTSTRAP_SERVERS".equals(Manifest.string(env, "name")) && Manifest.string(env, "value") != null) {
                        value = Manifest.string(env, "value"); // env wins over envFrom
                    }
                }
                if (value != null) {
                    List<String> servers = new ArrayList<>();
                    for (String s : value.split(",")) {
                        servers.add(s.trim());
                    }
                    return servers;
                }
            }
        }
        return List.of();
    }

    /** Topic name to partitions, from the render's Strimzi KafkaTopics in a namespace. */
    private Map<String, Integer> topicPartitions(String namespace) {
        Map<String, Integer> partitions = new HashMap<>();
        for (Manifest m : manifests) {
            if ("KafkaTopic".equals(m.kind()) && String.valueOf(m.apiVersion()).startsWith("kafka.strimzi.io/")
                    && m.namespace().equals(namespace)) {
                JsonObject spec = Manifest.object(m.json(), "spec");
                String topic = Manifest.string(spec, "topicName") != null ? Manifest.string(spec, "topicName") : m.name();
                JsonElement count = spec == null ? null : spec.get("partitions");
                partitions.put(topic, count != null && count.isJsonPrimitive() && count.getAsJsonPrimitive().isNumber()
                        ? count.getAsInt() : Integer.MAX_VALUE); // unset: the broker's default, unknown here
            }
        }
        return partitions;
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
        errors.computeIfAbsent(m, k -> new ArrayList<>()).add(message);
    }
}
