package com.liftguard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code asyncapi.yaml} documents exactly what the code and the services' configuration say, both ways:
 * every topic of {@link Topics}, every {@link EventType} with its schema, every dead-letter topic and every
 * consumer (service, topic, group) of {@code services/*}, and nothing else. A new topic, event type,
 * consumer or dead-letter topic fails here until it is documented.
 *
 * <p>The checks are functions of (document, contract) that return problems, so that the tests at the end
 * can prove they catch an undocumented addition.
 */
class AsyncApiTest {
    static final String RESOURCE = "/asyncapi.yaml";
    static final Path SERVICES = Path.of("..", "services");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Pattern ASYNCAPI_3_0 = Pattern.compile("3\\.0\\.\\d+");
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");
    private static final Pattern DEAD_LETTER_TOPIC =
            Pattern.compile("(?:%[^.]+\\.)?mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final Set<String> CONTENT_TYPES = Set.of("application/cloudevents+json", "application/json");

    private static JsonNode doc;
    private static Contract contract;

    /** What the document must describe, as the code and the configuration say it. */
    record Contract(Set<String> topics, List<TypeInfo> types, List<Consumer> consumers) {
        Set<String> deadLetterTopics() {
            return consumers.stream()
                    .filter(c -> c.deadLetterTopic() != null)
                    .map(Consumer::deadLetterTopic)
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        Contract withTopic(String topic) {
            Set<String> more = new TreeSet<>(topics);
            more.add(topic);
            return new Contract(more, types, consumers);
        }

        Contract withType(TypeInfo type) {
            List<TypeInfo> more = new ArrayList<>(types);
            more.add(type);
            return new Contract(topics, more, consumers);
        }

        Contract withConsumer(Consumer consumer) {
            List<Consumer> more = new ArrayList<>(consumers);
            more.add(consumer);
            return new Contract(topics, types, more);
        }
    }

    record TypeInfo(String ceType, String topic, String schemaResource) {
        static TypeInfo of(EventType type) {
            return new TypeInfo(type.ceType(), type.topic(), type.schemaResource());
        }
    }

    /** One incoming Kafka channel of a service; {@code deadLetterTopic} is null when it has none. */
    record Consumer(String service, String groupId, String topic, String deadLetterTopic) {}

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = AsyncApiTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "no " + RESOURCE + " on the classpath");
            doc = YAML.readTree(in);
        }
        Set<String> topics = topicConstants();
        List<TypeInfo> types =
                Arrays.stream(EventType.values()).map(TypeInfo::of).toList();
        List<Consumer> consumers = configuredConsumers(SERVICES);
        assertFalse(
                consumers.isEmpty(),
                "no Kafka consumer found under " + SERVICES.toAbsolutePath().normalize());
        contract = new Contract(topics, types, consumers);
    }

    // ------------------------------------------------------------------------------------------ the document

    @Test
    void isAnAsyncApi3_0Document() {
        assertNoProblems(versionProblems(doc));
    }

    @Test
    void everyReferenceResolves() {
        assertNoProblems(referenceProblems(doc));
    }

    @Test
    void channelsAreExactlyTheTopicsAndTheDeadLetterTopics() {
        assertNoProblems(channelProblems(doc, contract));
    }

    @Test
    void everyEventTypeHasItsMessageOnItsTopic() {
        assertNoProblems(eventTypeProblems(doc, contract));
    }

    @Test
    void everyChannelHasAnOperationAndOperationsAreWellFormed() {
        assertNoProblems(operationProblems(doc, contract));
    }

    @Test
    void receiveOperationsAreExactlyTheConfiguredConsumers() {
        assertNoProblems(consumerProblems(doc, contract));
    }

    @Test
    void ingestAndDeadLetterMessagesDescribeTheirHeaders() {
        assertNoProblems(headerProblems(doc, contract));
    }

    @Test
    void deadLetterTopicsFollowTheNamingRule() {
        List<String> problems = new ArrayList<>();
        for (Consumer c : contract.consumers()) {
            if (c.deadLetterTopic() != null && !c.deadLetterTopic().equals(c.topic() + ".dlq." + c.service())) {
                problems.add(c.service() + ": dead-letter topic " + c.deadLetterTopic() + " of " + c.topic()
                        + " is not <topic>.dlq.<service>");
            }
        }
        assertNoProblems(problems);
    }

    // ------------------------------------------------------------------------------------------ the checks catch
    // omissions

    @Test
    void anUndocumentedTopicIsReported() {
        List<String> problems = channelProblems(doc, contract.withTopic("liftguard.new-topic.v1"));
        assertTrue(problems.stream().anyMatch(p -> p.contains("liftguard.new-topic.v1")), problems::toString);
    }

    @Test
    void anUndocumentedEventTypeIsReported() {
        TypeInfo added = new TypeInfo("com.liftguard.new.v1", Topics.RISK, "/schemas/com.liftguard.new.v1.schema.json");
        List<String> problems = eventTypeProblems(doc, contract.withType(added));
        assertTrue(problems.stream().anyMatch(p -> p.contains("com.liftguard.new.v1")), problems::toString);
    }

    @Test
    void anUndocumentedConsumerAndItsDeadLetterTopicAreReported() {
        Contract more = contract.withConsumer(new Consumer(
                "notifications", "notifications", Topics.SESSIONS, Topics.SESSIONS + ".dlq.notifications"));
        List<String> problems = new ArrayList<>(channelProblems(doc, more));
        problems.addAll(consumerProblems(doc, more));
        assertTrue(
                problems.stream().anyMatch(p -> p.contains(Topics.SESSIONS + ".dlq.notifications")),
                problems::toString);
        assertTrue(
                problems.stream()
                        .anyMatch(p -> p.contains("notifications") && p.contains("receive " + Topics.SESSIONS)),
                problems::toString);
    }

    @Test
    void aChannelWithoutOperationsIsReported() {
        ObjectNode edited = doc.deepCopy();
        ObjectNode operations = (ObjectNode) edited.get("operations");
        List<String> onRisk = new ArrayList<>();
        operations.properties().forEach(e -> {
            if ("#/channels/risk".equals(e.getValue().at("/channel/$ref").asText())) {
                onRisk.add(e.getKey());
            }
        });
        assertFalse(onRisk.isEmpty());
        operations.remove(onRisk);
        List<String> problems = operationProblems(edited, contract);
        assertTrue(
                problems.stream().anyMatch(p -> p.contains("channel risk") && p.contains("no operation")),
                problems::toString);
    }

    @Test
    void aMessageWithAWrongSchemaIsReported() {
        ObjectNode edited = doc.deepCopy();
        ((ObjectNode) edited.at("/components/messages/riskAssessed/payload"))
                .put("$ref", "./schemas/com.liftguard.triage.decided.v1.schema.json");
        List<String> problems = eventTypeProblems(edited, contract);
        assertTrue(problems.stream().anyMatch(p -> p.contains(EventType.RISK_ASSESSED.ceType())), problems::toString);
    }

    // ------------------------------------------------------------------------------------------ checks

    static List<String> versionProblems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        String version = doc.path("asyncapi").asText();
        if (!ASYNCAPI_3_0.matcher(version).matches()) {
            problems.add("asyncapi is '" + version + "', expected 3.0.x");
        }
        for (String field : List.of("/info/title", "/info/version", "/info/description")) {
            if (doc.at(field).asText().isBlank()) {
                problems.add(field + " is missing");
            }
        }
        for (String map : List.of("channels", "operations", "components")) {
            if (!doc.path(map).isObject() || doc.path(map).isEmpty()) {
                problems.add(map + " must be a non-empty map");
            }
        }
        for (Map.Entry<String, JsonNode> server : fields(doc.path("servers"))) {
            if (server.getValue().path("host").asText().isBlank()
                    || !"kafka".equals(server.getValue().path("protocol").asText())) {
                problems.add("server " + server.getKey() + " needs a host and protocol kafka");
            }
        }
        for (Map.Entry<String, JsonNode> channel : fields(doc.path("channels"))) {
            if (channel.getValue().has("publish") || channel.getValue().has("subscribe")) {
                problems.add("channel " + channel.getKey() + " has AsyncAPI 2 publish/subscribe operations");
            }
        }
        return problems;
    }

    static List<String> referenceProblems(JsonNode doc) {
        List<String> problems = new ArrayList<>();
        for (String ref : refs(doc)) {
            if (ref.startsWith("#")) {
                if (doc.at(ref.substring(1)).isMissingNode()) {
                    problems.add("dangling $ref " + ref);
                }
            } else if (ref.contains("#") || ref.contains("://")) {
                problems.add("$ref " + ref + " must be local or a whole file beside the document");
            } else if (SchemaSupport.read(classpathOf(ref)) == null) {
                problems.add("$ref " + ref + " names no resource (" + classpathOf(ref) + ")");
            }
        }
        return problems;
    }

    static List<String> channelProblems(JsonNode doc, Contract contract) {
        List<String> problems = new ArrayList<>();
        Map<String, String> byAddress = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> channel : fields(doc.path("channels"))) {
            String address = channel.getValue().path("address").asText();
            if (address.isBlank()) {
                problems.add("channel " + channel.getKey() + " has no address");
            } else if (byAddress.put(address, channel.getKey()) != null) {
                problems.add("two channels for " + address);
            }
            if (!channel.getValue().path("messages").isObject()
                    || channel.getValue().path("messages").isEmpty()) {
                problems.add("channel " + channel.getKey() + " lists no message");
            }
        }
        for (String topic : contract.topics()) {
            if (!byAddress.containsKey(topic)) {
                problems.add("topic " + topic + " (Topics) has no channel");
            }
        }
        for (String topic : contract.deadLetterTopics()) {
            if (!byAddress.containsKey(topic)) {
                problems.add("dead-letter topic " + topic + " (services/*/application.properties) has no channel");
            }
        }
        for (Map.Entry<String, String> e : byAddress.entrySet()) {
            if (!contract.topics().contains(e.getKey())
                    && !contract.deadLetterTopics().contains(e.getKey())) {
                problems.add("channel " + e.getValue() + " (" + e.getKey()
                        + ") is neither a Topics constant nor a configured dead-letter topic");
            }
        }
        return problems;
    }

    static List<String> eventTypeProblems(JsonNode doc, Contract contract) {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> messages = new LinkedHashMap<>();
        fields(doc.at("/components/messages")).forEach(e -> messages.put(e.getKey(), e.getValue()));
        Set<String> explained = new LinkedHashSet<>();
        for (TypeInfo type : contract.types()) {
            List<String> matching = messages.entrySet().stream()
                    .filter(m -> type.schemaResource().equals(payloadResource(doc, m.getValue())))
                    .map(Map.Entry::getKey)
                    .toList();
            if (matching.size() != 1) {
                problems.add(type.ceType() + ": expected one message in components.messages whose payload is $ref "
                        + "./schemas/" + type.ceType() + ".schema.json, found " + matching);
                continue;
            }
            String key = matching.get(0);
            explained.add(key);
            JsonNode message = messages.get(key);
            JsonNode schema = SchemaSupport.read(type.schemaResource());
            if (schema == null) {
                problems.add(type.ceType() + ": no schema resource " + type.schemaResource());
            } else if (!type.ceType().equals(schema.at("/properties/type/const").asText())) {
                problems.add(type.ceType() + ": " + type.schemaResource() + " pins another type");
            }
            if (!type.ceType().equals(message.path("name").asText())) {
                problems.add(type.ceType() + ": message " + key + " must be named after its CloudEvents type");
            }
            String contentType = message.path("contentType")
                    .asText(doc.path("defaultContentType").asText());
            if (!CONTENT_TYPES.contains(contentType)) {
                problems.add(type.ceType() + ": content type " + contentType + ", expected one of " + CONTENT_TYPES);
            }
            JsonNode keySchema = resolve(
                    doc, resolve(doc, message.path("bindings")).path("kafka").path("key"));
            String sampleKey = EventKeys.of(EventSamples.TENANT, "athlete:17");
            if (!keySchema.path("pattern").isTextual()
                    || !Pattern.compile(keySchema.path("pattern").asText())
                            .matcher(sampleKey)
                            .find()
                    || !keySchema.path("description").asText().contains("tenant:athleteId")) {
                problems.add(type.ceType() + ": the Kafka key binding must describe tenant:athleteId with a pattern");
            }
            JsonNode headers = resolve(doc, message.path("headers"));
            for (String header : List.of("ce_id", "ce_type")) {
                if (headers.path("properties").path(header).isMissingNode()) {
                    problems.add(type.ceType() + ": header " + header + " is not described");
                }
            }
            Map.Entry<String, JsonNode> channel = channelAt(doc, type.topic());
            if (channel == null) {
                problems.add(type.ceType() + ": no channel for its topic " + type.topic());
            } else if (fields(channel.getValue().path("messages")).stream()
                    .noneMatch(m -> ("#/components/messages/" + key)
                            .equals(m.getValue().path("$ref").asText()))) {
                problems.add(type.ceType() + ": message " + key + " is not on channel " + channel.getKey() + " ("
                        + type.topic() + ")");
            }
        }
        // Vice versa: a message with an event schema is one of the types, and an event topic carries only them.
        for (Map.Entry<String, JsonNode> m : messages.entrySet()) {
            String resource = payloadResource(doc, m.getValue());
            if (resource != null && resource.startsWith("/schemas/") && !explained.contains(m.getKey())) {
                problems.add("message " + m.getKey() + " has payload " + resource + ", which is no EventType's schema");
            }
        }
        Set<String> eventTopics = contract.types().stream().map(TypeInfo::topic).collect(Collectors.toSet());
        for (Map.Entry<String, JsonNode> channel : fields(doc.path("channels"))) {
            if (!eventTopics.contains(channel.getValue().path("address").asText())) {
                continue;
            }
            String topic = channel.getValue().path("address").asText();
            for (Map.Entry<String, JsonNode> m : fields(channel.getValue().path("messages"))) {
                String resource = payloadResource(doc, resolve(doc, m.getValue()));
                boolean ofThisTopic = contract.types().stream()
                        .anyMatch(t ->
                                t.topic().equals(topic) && t.schemaResource().equals(resource));
                if (!ofThisTopic) {
                    problems.add("channel " + channel.getKey() + " carries message " + m.getKey()
                            + ", which is no event type of " + topic);
                }
            }
        }
        return problems;
    }

    static List<String> operationProblems(JsonNode doc, Contract contract) {
        List<String> problems = new ArrayList<>();
        Set<String> services =
                contract.consumers().stream().map(Consumer::service).collect(Collectors.toSet());
        Map<String, Integer> perChannel = new LinkedHashMap<>();
        fields(doc.path("channels")).forEach(c -> perChannel.put(c.getKey(), 0));
        Set<String> triples = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> op : fields(doc.path("operations"))) {
            String id = op.getKey();
            JsonNode operation = op.getValue();
            String action = operation.path("action").asText();
            if (!action.equals("send") && !action.equals("receive")) {
                problems.add("operation " + id + ": action '" + action + "' is not send or receive");
            }
            String channelRef = operation.at("/channel/$ref").asText();
            if (!channelRef.startsWith("#/channels/") || !perChannel.containsKey(channelRef.substring(11))) {
                problems.add("operation " + id + ": channel $ref '" + channelRef + "' names no channel");
                continue;
            }
            String channelKey = channelRef.substring(11);
            perChannel.merge(channelKey, 1, Integer::sum);
            if (!operation.path("messages").isArray()
                    || operation.path("messages").isEmpty()) {
                problems.add("operation " + id + " lists no message");
            }
            for (JsonNode m : operation.path("messages")) {
                String ref = m.path("$ref").asText();
                if (!ref.startsWith(channelRef + "/messages/")
                        || doc.at(ref.substring(1)).isMissingNode()) {
                    problems.add("operation " + id + ": message " + ref + " is not a message of " + channelRef);
                }
            }
            String service = serviceOf(id, services);
            if (service == null) {
                problems.add("operation " + id + " is not named <service>Sends.../<service>Receives... after one of "
                        + services);
            } else {
                String verb = id.substring(camel(service).length());
                if (!verb.startsWith(action.equals("send") ? "Sends" : "Receives")) {
                    problems.add("operation " + id + ": name does not match action " + action);
                }
                String address =
                        doc.path("channels").path(channelKey).path("address").asText();
                if (!triples.add(service + " " + action + " " + address)) {
                    problems.add(
                            "operation " + id + ": a second operation for " + service + " " + action + " " + address);
                }
            }
        }
        perChannel.forEach((channel, count) -> {
            if (count == 0) {
                problems.add("channel " + channel + " has no operation");
            }
        });
        return problems;
    }

    static List<String> consumerProblems(JsonNode doc, Contract contract) {
        List<String> problems = new ArrayList<>();
        Set<String> services =
                contract.consumers().stream().map(Consumer::service).collect(Collectors.toSet());
        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, JsonNode> op : fields(doc.path("operations"))) {
            JsonNode operation = op.getValue();
            if (!"receive".equals(operation.path("action").asText())) {
                continue;
            }
            JsonNode groupId = resolve(
                    doc, resolve(doc, operation.path("bindings")).path("kafka").path("groupId"));
            List<String> groups = new ArrayList<>();
            groupId.path("enum").forEach(g -> groups.add(g.asText()));
            if (groupId.has("const")) {
                groups.add(groupId.get("const").asText());
            }
            if (groups.size() != 1) {
                problems.add("operation " + op.getKey() + ": the Kafka binding must name one groupId (enum or const)");
                continue;
            }
            String service = serviceOf(op.getKey(), services);
            if (service != null
                    && !contract.consumers().stream()
                            .anyMatch(c ->
                                    c.service().equals(service) && c.groupId().equals(groups.get(0)))) {
                problems.add(
                        "operation " + op.getKey() + ": groupId " + groups.get(0) + " is not " + service + "'s group");
            }
            String channelRef = operation.at("/channel/$ref").asText();
            String address = channelRef.startsWith("#")
                    ? doc.at(channelRef.substring(1)).path("address").asText()
                    : "";
            documented.add(groups.get(0) + " receive " + address);
        }
        Set<String> configured = contract.consumers().stream()
                .map(c -> c.groupId() + " receive " + c.topic())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String c : configured) {
            if (!documented.contains(c)) {
                problems.add("configured consumer '" + c + "' has no receive operation");
            }
        }
        for (String d : documented) {
            if (!configured.contains(d)) {
                problems.add("receive operation '" + d + "' is configured in no service");
            }
        }
        return problems;
    }

    static List<String> headerProblems(JsonNode doc, Contract contract) {
        List<String> problems = new ArrayList<>();
        for (String topic : List.of(Topics.INGEST_SESSIONS, Topics.INGEST_CHECK_INS, Topics.INGEST_ROSTER)) {
            requireHeaders(doc, topic, List.of("x-api-key"), problems);
            // an ingest record's dead letter also lists what is wrong with an invalid item
            describeHeaders(doc, topic + ".dlq.session-ingestion", List.of("dead-letter-errors"), false, problems);
        }
        for (String topic : contract.deadLetterTopics()) {
            requireHeaders(
                    doc,
                    topic,
                    List.of("dead-letter-reason", "dead-letter-topic", "dead-letter-partition", "dead-letter-offset"),
                    problems);
        }
        return problems;
    }

    private static void requireHeaders(JsonNode doc, String topic, List<String> names, List<String> problems) {
        describeHeaders(doc, topic, names, true, problems);
    }

    private static void describeHeaders(
            JsonNode doc, String topic, List<String> names, boolean required, List<String> problems) {
        Map.Entry<String, JsonNode> channel = channelAt(doc, topic);
        if (channel == null) {
            problems.add("no channel for " + topic);
            return;
        }
        for (Map.Entry<String, JsonNode> m : fields(channel.getValue().path("messages"))) {
            JsonNode headers = resolve(doc, resolve(doc, m.getValue()).path("headers"));
            Set<String> requiredNames = new LinkedHashSet<>();
            headers.path("required").forEach(r -> requiredNames.add(r.asText()));
            for (String name : names) {
                if (headers.path("properties").path(name).isMissingNode()
                        || (required && !requiredNames.contains(name))) {
                    problems.add(topic + ": message " + m.getKey() + " must describe the "
                            + (required ? "required " : "") + "header " + name);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ the contract

    /** Every public constant of {@link Topics}. */
    static Set<String> topicConstants() {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == String.class) {
                try {
                    topics.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    /** The incoming Kafka channels of every {@code services/<name>/src/main/resources/application.properties}. */
    static List<Consumer> configuredConsumers(Path services) {
        assertTrue(
                Files.isDirectory(services),
                "no services directory at " + services.toAbsolutePath().normalize());
        List<Consumer> consumers = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(services)) {
            for (Path dir : dirs.sorted().toList()) {
                Path file = dir.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(file)) {
                    consumers.addAll(consumersOf(dir.getFileName().toString(), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return consumers;
    }

    private static List<Consumer> consumersOf(String service, Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> deadLetters = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = DEAD_LETTER_TOPIC.matcher(key);
            if (m.matches()) {
                deadLetters.merge(m.group(1), p.getProperty(key).trim(), (a, b) -> a.equals(b) ? a : a + "," + b);
            }
        }
        List<Consumer> consumers = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            Matcher m = INCOMING_TOPIC.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String channel = m.group(1);
            String connector = p.getProperty("mp.messaging.incoming." + channel + ".connector", "smallrye-kafka");
            if (!connector.trim().equals("smallrye-kafka")) {
                continue;
            }
            String group = p.getProperty(
                    "mp.messaging.incoming." + channel + ".group.id",
                    p.getProperty("mp.messaging.connector.smallrye-kafka.group.id"));
            assertNotNull(group, service + ": no Kafka group id for channel " + channel);
            consumers.add(new Consumer(service, group.trim(), p.getProperty(key).trim(), deadLetters.remove(channel)));
        }
        // A dead-letter topic on a channel without a topic line is still a topic someone writes to.
        deadLetters.forEach((channel, topic) -> consumers.add(new Consumer(service, "?", "?", topic)));
        return consumers;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static void assertNoProblems(List<String> problems) {
        assertEquals(List.of(), problems, () -> "asyncapi.yaml:\n  " + String.join("\n  ", problems));
    }

    /** The classpath resource of a message payload's $ref, relative to the document, or null. */
    private static String payloadResource(JsonNode doc, JsonNode message) {
        JsonNode payload = message.path("payload");
        // a Multi Format Schema Object wraps the reference in "schema"
        String ref = payload.has("schema")
                ? payload.at("/schema/$ref").asText()
                : payload.path("$ref").asText();
        return ref.isEmpty() || ref.startsWith("#") ? null : classpathOf(ref);
    }

    private static String classpathOf(String relativeRef) {
        return URI.create(RESOURCE).resolve(relativeRef).getPath();
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && current.get("$ref").asText().startsWith("#") && hops < 10; hops++) {
            current = doc.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static Map.Entry<String, JsonNode> channelAt(JsonNode doc, String address) {
        return fields(doc.path("channels")).stream()
                .filter(c -> address.equals(c.getValue().path("address").asText()))
                .findFirst()
                .orElse(null);
    }

    /** The service whose camel-cased name prefixes the operation id, such as riskAssessment. */
    private static String serviceOf(String operationId, Set<String> services) {
        return services.stream()
                .filter(s ->
                        operationId.startsWith(camel(s) + "Sends") || operationId.startsWith(camel(s) + "Receives"))
                .findFirst()
                .orElse(null);
    }

    private static String camel(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char ch : kebab.toCharArray()) {
            if (ch == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return out.toString();
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode object) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        if (object != null && object.isObject()) {
            entries.addAll(object.properties());
        }
        return entries;
    }

    private static Set<String> refs(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref") && e.getValue().isTextual()) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
