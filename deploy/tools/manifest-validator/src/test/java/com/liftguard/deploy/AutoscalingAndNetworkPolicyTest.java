package com.liftguard.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The KEDA ScaledObject schema and the checks on autoscalers and NetworkPolicies, on a small render
 * shaped like the real one (a hardened Deployment with its ConfigMap, PodDisruptionBudget, KafkaTopic,
 * ScaledObject and NetworkPolicy); each test breaks one thing and expects the message for it.
 */
class AutoscalingAndNetworkPolicyTest {

    private static final String RENDER = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: app-config, namespace: liftguard}
            data:
              KAFKA_BOOTSTRAP_SERVERS: liftguard-kafka-bootstrap:9092
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: app, namespace: liftguard}
            spec:
              selector:
                matchLabels: {app.kubernetes.io/name: app}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: app}
                spec:
                  securityContext:
                    runAsNonRoot: true
                    seccompProfile: {type: RuntimeDefault}
                  containers:
                    - name: app
                      image: liftguard/app:1.0.0
                      ports:
                        - {name: http, containerPort: 8080, protocol: TCP}
                      envFrom:
                        - configMapRef: {name: app-config}
                      startupProbe: {httpGet: {path: /q/health/started, port: http}}
                      livenessProbe: {httpGet: {path: /q/health/live, port: http}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                      resources:
                        requests: {cpu: 100m, memory: 256Mi}
                        limits: {cpu: "1", memory: 512Mi}
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities: {drop: [ALL]}
                      volumeMounts:
                        - {name: tmp, mountPath: /tmp}
                  volumes:
                    - name: tmp
                      emptyDir: {}
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: app, namespace: liftguard}
            spec:
              maxUnavailable: 1
              selector:
                matchLabels: {app.kubernetes.io/name: app}
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata:
              name: events
              namespace: liftguard
              labels: {strimzi.io/cluster: liftguard}
            spec:
              topicName: liftguard.events.v1
              partitions: 12
            ---
            apiVersion: keda.sh/v1alpha1
            kind: ScaledObject
            metadata: {name: app, namespace: liftguard}
            spec:
              scaleTargetRef:
                name: app
              minReplicaCount: 2
              maxReplicaCount: 12
              pollingInterval: 15
              advanced:
                horizontalPodAutoscalerConfig:
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
                      policies:
                        - {type: Pods, value: 1, periodSeconds: 120}
              triggers:
                - type: kafka
                  name: events
                  metadata:
                    bootstrapServers: liftguard-kafka-bootstrap.liftguard.svc:9092
                    consumerGroup: app
                    topic: liftguard.events.v1
                    lagThreshold: "500"
                    offsetResetPolicy: earliest
                - type: cpu
                  metricType: Utilization
                  metadata:
                    value: "70"
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: app-ingress, namespace: liftguard}
            spec:
              podSelector:
                matchExpressions:
                  - {key: app.kubernetes.io/name, operator: In, values: [app, other]}
              policyTypes: [Ingress, Egress]
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels: {liftguard.io/ingress-controller: "true"}
                  ports:
                    - {protocol: TCP, port: http}
              egress:
                - to:
                    - ipBlock:
                        cidr: 0.0.0.0/0
                        except: [10.0.0.0/8, 169.254.0.0/16]
                    - ipBlock:
                        cidr: ::/0
                        except: [fc00::/7]
                  ports:
                    - {protocol: TCP, port: 443}
            """;

    @TempDir
    Path dir;

    @Test
    void theWellFormedRenderPasses() throws IOException {
        assertEquals(List.of(), problems(RENDER));
    }

    @Test
    void aMisspeltKafkaKeyFailsTheSchema() throws IOException {
        assertHas(problems(RENDER.replace("lagThreshold:", "lagTreshold:")), "ScaledObject/liftguard/app: ", "lagTreshold");
    }

    @Test
    void anUnquotedThresholdFailsTheSchema() throws IOException {
        assertHas(problems(RENDER.replace("lagThreshold: \"500\"", "lagThreshold: 500")), "metadata.lagThreshold", "string expected");
    }

    @Test
    void anUnknownSpecFieldFailsTheSchema() throws IOException {
        assertHas(problems(RENDER.replace("minReplicaCount: 2", "minReplicas: 2")), "minReplicas", "not defined in the schema");
    }

    @Test
    void aTriggerWithoutMetadataFailsTheSchema() throws IOException {
        String render = RENDER.replace("      metadata:\n        value: \"70\"\n", "");
        assertTrue(!render.equals(RENDER));
        assertHas(problems(render), "spec.triggers[1]", "metadata");
    }

    @Test
    void aScaleTargetWithoutNameFailsTheSchema() throws IOException {
        assertHas(problems(RENDER.replace("""
                  scaleTargetRef:
                    name: app
                """, """
                  scaleTargetRef:
                    kind: Deployment
                """)), "scaleTargetRef", "name");
    }

    @Test
    void aCpuTriggerNeedsItsMetricType() throws IOException {
        assertHas(problems(RENDER.replace("      metricType: Utilization\n", "")), "spec.triggers[1]", "metricType");
    }

    @Test
    void theScaleTargetMustBeInTheRender() throws IOException {
        assertHas(problems(RENDER.replace("    name: app\n  minReplicaCount", "    name: ap\n  minReplicaCount")),
                "ScaledObject/liftguard/app: ", "Deployment 'ap' is not in this render");
    }

    @Test
    void oneAutoscalerPerWorkload() throws IOException {
        String render = RENDER + """
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: app, namespace: liftguard}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: app}
                  minReplicas: 2
                  maxReplicas: 4
                """;
        assertHas(problems(render), "HorizontalPodAutoscaler/liftguard/app: ", "already scaled by ScaledObject/liftguard/app");
    }

    @Test
    void aBareBootstrapServiceIsResolvedInKedasNamespace() throws IOException {
        assertHas(problems(RENDER.replace("liftguard-kafka-bootstrap.liftguard.svc:9092", "liftguard-kafka-bootstrap:9092")),
                "spec.triggers[0]", "not namespace-qualified");
    }

    @Test
    void kedaWatchesTheKafkaThePodsUse() throws IOException {
        assertHas(problems(RENDER.replace("liftguard-kafka-bootstrap.liftguard.svc:9092", "other-kafka-bootstrap.liftguard.svc:9092")),
                "spec.triggers[0]", "not the Kafka the pods use");
    }

    @Test
    void theTopicMustBeDeclaredWhenTheRenderDeclaresTopics() throws IOException {
        assertHas(problems(RENDER.replace("topic: liftguard.events.v1", "topic: liftguard.event.v1")),
                "spec.triggers[0]", "'liftguard.event.v1' is not declared");
    }

    @Test
    void maxReplicasStayWithinThePartitions() throws IOException {
        assertHas(problems(RENDER.replace("maxReplicaCount: 12", "maxReplicaCount: 13")), "spec.triggers[0]", "exceeds the 12 partitions");
    }

    @Test
    void theFloorKeepsAPodThroughADrain() throws IOException {
        assertHas(problems(RENDER.replace("minReplicaCount: 2", "minReplicaCount: 1")), "minimum replicas 1 below 2",
                "PodDisruptionBudget/liftguard/app");
    }

    @Test
    void anAutoscaledDeploymentLeavesReplicasAlone() throws IOException {
        assertHas(problems(RENDER.replace("metadata: {name: app, namespace: liftguard}\nspec:\n  selector:",
                "metadata: {name: app, namespace: liftguard}\nspec:\n  replicas: 3\n  selector:")), "sets spec.replicas");
    }

    @Test
    void aNetworkPolicyMustSelectPods() throws IOException {
        assertHas(problems(RENDER.replace("values: [app, other]", "values: [ap]")), "NetworkPolicy/liftguard/app-ingress: ",
                "selects no pod template");
    }

    @Test
    void anIngressPortNameMustBeThePods() throws IOException {
        assertHas(problems(RENDER.replace("{protocol: TCP, port: http}", "{protocol: TCP, port: htp}")),
                "port 'htp' is not a named port of Deployment/liftguard/app");
    }

    @Test
    void exceptMustBeInsideTheBlock() throws IOException {
        assertHas(problems(RENDER.replace("except: [fc00::/7]", "except: [10.0.0.0/8]")), "10.0.0.0/8 is not strictly inside ::/0");
        assertHas(problems(RENDER.replace("except: [fc00::/7]", "except: [fc00::/300]")), "'fc00::/300' is not a CIDR");
    }

    @Test
    void selectorOperatorsAreChecked() throws IOException {
        assertHas(problems(RENDER.replace("operator: In", "operator: in")), "unknown operator 'in'");
    }

    /** Every schema, reference and policy problem of a render, as "Kind/ns/name: message". */
    private List<String> problems(String yaml) throws IOException {
        Path file = dir.resolve("render.yaml");
        Files.writeString(file, yaml);
        List<Manifest> manifests = Manifest.readAll(file);
        Map<Manifest, List<String>> errors = new LinkedHashMap<>();
        for (Manifest m : manifests) {
            List<String> schema = ValidateManifests.schema(m);
            if (!schema.isEmpty()) {
                errors.computeIfAbsent(m, k -> new ArrayList<>()).addAll(schema);
            }
        }
        new ReferenceChecks(manifests, Set.of(), Set.of()).check(errors);
        PolicyChecks.check(manifests, errors);
        List<String> lines = new ArrayList<>();
        errors.forEach((m, messages) -> messages.forEach(message -> lines.add(m.id() + ": " + message)));
        return lines;
    }

    private static void assertHas(List<String> problems, String... fragments) {
        assertTrue(problems.stream().anyMatch(p -> List.of(fragments).stream().allMatch(p::contains)),
                () -> "no problem containing " + List.of(fragments) + " in " + problems);
    }
}
