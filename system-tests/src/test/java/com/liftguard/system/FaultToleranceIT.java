package com.liftguard.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.liftguard.events.EventIds;
import com.liftguard.events.EventKeys;
import com.liftguard.events.Topics;
import com.liftguard.infra.EmbeddedMongo;
import com.liftguard.infra.KafkaBroker;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The system under faults, against a real broker in its own process: while a platform streams sessions
 * over HTTP, each service is killed with SIGKILL and started again, then the broker; poison records go
 * to the topics. Afterwards no accepted session may be missing from {@code liftguard.sessions.v1}, every
 * pain report has exactly one triage decision, every red flag exactly one URGENT item per coach (and no
 * feed holds two items of one event), and every poison record sits in its dead-letter topic.
 *
 * <p>Only with {@code -Dliftguard.faults=true} (the {@code faults} profile of this module, the last stage
 * of {@code .ci/run}): {@code ./liftguard test -pl system-tests -am -Pfaults -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false}, or with the services already packaged
 * {@code ./mvnw -pl system-tests verify -Pfaults}. Services run on H2 files (unless
 * {@code QUARKUS_DATASOURCE_JDBC_URL} is set) and the test JVM's mongo-java-server; everything listens on
 * 127.0.0.1. The work directory (broker data, H2 files, copies of the packaged services, logs and
 * {@code summary.txt}) is {@code system-tests/target/faults}.
 */
@EnabledIfSystemProperty(named = "liftguard.faults", matches = "true")
class FaultToleranceIT {
    private static final String TENANT = "acme";
    private static final String KEY = "acme-key";
    private static final List<String> SERVICES =
            List.of("session-ingestion", "risk-assessment", "program-planning", "notifications");
    private static final int ATHLETES = Integer.getInteger("liftguard.faults.athletes", 20);
    private static final int COACHES = 7;
    /** Sessions streamed at least; the stream goes on at its pace until every fault is over. */
    private static final int MIN_SESSIONS = Integer.getInteger("liftguard.faults.sessions", 300);

    private static final int MAX_SESSIONS = 3000;
    private static final int BATCH = 3;
    private static final Duration PACE = Duration.ofMillis(Long.getLong("liftguard.faults.pace-ms", 600));
    private static final Duration FAULT_GAP = Duration.ofSeconds(4);
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration CONVERGE = Duration.ofSeconds(180);
    private static final Duration QUIET = Duration.ofSeconds(6);
    /** A batch is given up on (and reported as unresolved) after retrying this long. */
    private static final Duration BATCH_GIVE_UP = Duration.ofSeconds(120);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Process> CHILDREN = ConcurrentHashMap.newKeySet();
    private static final Thread REAPER =
            new Thread(() -> CHILDREN.forEach(Process::destroyForcibly), "fault-test-reaper");

    static {
        // the last resort if the test JVM is stopped before the finally block runs
        Runtime.getRuntime().addShutdownHook(REAPER);
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, ServiceProcess> services = new ConcurrentHashMap<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, List<String>> coachesOf = new LinkedHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final Path work = Path.of("target", "faults").toAbsolutePath();
    private BrokerProcess broker;
    private String settleTimes = "";

    /** One fault: when it struck (wall clock, to compare with event and item times) and how it went. */
    private record Fault(
            String label, String component, long atMillis, String readyAgain, String next202, int sentMeanwhile) {}

    @Test
    void noEventIsLostAndNoNotificationDoubledWhenEveryProcessDies() throws Exception {
        long testStart = System.nanoTime();
        deleteRecursively(work);
        Files.createDirectories(work);
        ExecutorService streamThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "session-stream"));
        EmbeddedMongo mongo = null;
        try {
            mongo = EmbeddedMongo.start(0, null);
            broker = BrokerProcess.start(ServiceProcess.freePort(), work.resolve("kafka"), work.resolve("logs"), READY);
            CHILDREN.add(broker.process());
            KafkaBroker.createTopics(
                    broker.bootstrapServers(),
                    3,
                    Topics.SESSIONS,
                    Topics.CHECK_INS,
                    Topics.ROSTER,
                    Topics.TRIAGE,
                    Topics.RISK,
                    Topics.RECOVERY,
                    Topics.LOAD_ADJUSTMENTS,
                    Topics.INGEST_SESSIONS,
                    Topics.INGEST_CHECK_INS,
                    Topics.INGEST_ROSTER);
            startServices(mongo.connectionString());
            long started = System.nanoTime();
            createRosters();

            SessionStream stream = new SessionStream();
            Future<?> streaming = streamThread.submit(stream);
            List<Poison> poisons;
            try {
                stream.awaitSent(30, Duration.ofSeconds(60));
                for (String name :
                        List.of("risk-assessment", "program-planning", "notifications", "session-ingestion")) {
                    TimeUnit.MILLISECONDS.sleep(FAULT_GAP.toMillis());
                    killAndRestart(name, stream);
                }
                TimeUnit.MILLISECONDS.sleep(FAULT_GAP.toMillis());
                stopGracefullyAndRestart("risk-assessment", stream);
                TimeUnit.MILLISECONDS.sleep(FAULT_GAP.toMillis());
                killAndRestartBroker(stream);
                TimeUnit.MILLISECONDS.sleep(FAULT_GAP.toMillis());
                poisons = injectPoison();
            } finally {
                stream.faultsDone = true;
            }
            streaming.get(10, TimeUnit.MINUTES);
            long streamEnded = System.nanoTime();

            // a repeat of accepted sessions must change nothing
            Map<String, Integer> beforeRepeat = countsById(readAll(Topics.SESSIONS));
            List<String> repeated = stream.sampleAccepted(12);
            Map<String, String> repeatAnswers = stream.postOnce(repeated);

            Expected expected = new Expected(stream, poisons);
            Observed observed = awaitConvergence(expected);
            long converged = System.nanoTime();
            awaitQuiet();
            settleTimes =
                    ms(converged - streamEnded) + " to converge, " + ms(System.nanoTime() - converged) + " to quiet";
            observed = observe(expected);
            long end = System.nanoTime();

            String summary = summary(
                    outputs(observed),
                    stream,
                    expected,
                    observed,
                    repeated,
                    beforeRepeat,
                    repeatAnswers,
                    Duration.ofNanos(started - testStart),
                    Duration.ofNanos(streamEnded - started),
                    Duration.ofNanos(end - streamEnded),
                    Duration.ofNanos(end - testStart));
            System.out.println(summary);
            Files.writeString(work.resolve("summary.txt"), summary);

            assertAll(stream, expected, observed, repeated, beforeRepeat, repeatAnswers);
        } finally {
            streamThread.shutdownNow();
            for (ServiceProcess s : services.values()) {
                try {
                    s.close();
                } catch (RuntimeException | InterruptedException ignored) {
                    s.process().destroyForcibly();
                }
            }
            if (broker != null) {
                broker.close();
            }
            CHILDREN.forEach(Process::destroyForcibly);
            CHILDREN.clear();
            if (mongo != null) {
                mongo.close();
            }
        }
    }

    // ---------------------------------------------------------------- system

    private void startServices(String mongoUri) throws Exception {
        Map<String, String> common = new HashMap<>(Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.mongodb.connection-string", mongoUri,
                "quarkus.http.host", "127.0.0.1",
                "liftguard.tenants.acme.api-keys", KEY,
                "liftguard.tenants.globex.api-keys", "globex-key",
                // no OTLP collector here (spans would go to localhost:4317 and fail), and plain-text logs
                "quarkus.otel.sdk.disabled", "true",
                "quarkus.log.console.json.enabled", "false"));
        Path apps = work.resolve("apps");
        for (String name : SERVICES) {
            Map<String, String> props = new HashMap<>(common);
            if (name.equals("risk-assessment") || name.equals("program-planning")) {
                String db = name.equals("risk-assessment") ? "risk" : "planning";
                // CI's PostgreSQL stage sets the datasource by environment; otherwise H2 files that outlive a kill
                if (System.getenv("QUARKUS_DATASOURCE_JDBC_URL") == null) {
                    props.put(
                            "quarkus.datasource.jdbc.url",
                            "jdbc:h2:file:" + work.resolve("h2").resolve(db)
                                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64");
                }
            }
            // a copy of the packaged app, so that a build running meanwhile cannot change what is restarted
            Path app = apps.resolve(name);
            copyRecursively(ServiceProcess.packagedJar(name).getParent(), app);
            ServiceProcess p = ServiceProcess.start(
                    name,
                    app.resolve("quarkus-run.jar"),
                    props,
                    ServiceProcess.freePort(),
                    work.resolve("logs").resolve(name + ".log"));
            services.put(name, p);
            CHILDREN.add(p.process());
        }
        for (String name : SERVICES) {
            services.get(name).awaitReady(READY);
        }
    }

    private void killAndRestart(String name, SessionStream stream) throws Exception {
        ServiceProcess old = services.get(name);
        long pid = old.process().pid();
        long t0 = System.nanoTime();
        int sentBefore = stream.sentCount();
        // session-ingestion dies with a request in flight when the timing allows (requests take milliseconds)
        boolean midRequest = name.equals("session-ingestion") && stream.awaitRequestInFlight(Duration.ofSeconds(5));
        t0 = System.nanoTime();
        long killedAt = System.currentTimeMillis();
        old.kill();
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), name + " still alive after SIGKILL");
        CHILDREN.remove(old.process());
        ServiceProcess fresh = old.restart();
        CHILDREN.add(fresh.process());
        services.put(name, fresh);
        fresh.awaitReady(READY);
        long ready = System.nanoTime();
        String firstAccept = "";
        if (name.equals("session-ingestion")) {
            stream.awaitSuccessAfter(t0, Duration.ofSeconds(60));
            firstAccept = ms(stream.lastSuccess.get() - t0);
        }
        faults.add(new Fault(
                "kill -9 " + name + " (pid " + pid + ")" + (midRequest ? ", a request in flight" : ""),
                name,
                killedAt,
                ms(ready - t0),
                firstAccept,
                stream.sentCount() - sentBefore));
    }

    /**
     * SIGTERM mid-stream, as a rolling update does: the service must finish what it has in hand and exit
     * within its shutdown timeout (exit code 0, or 143 for "terminated"); the final checks then show that
     * nothing it was processing was lost or done twice.
     */
    private void stopGracefullyAndRestart(String name, SessionStream stream) throws Exception {
        ServiceProcess old = services.get(name);
        long pid = old.process().pid();
        int sentBefore = stream.sentCount();
        long t0 = System.nanoTime();
        long stoppedAt = System.currentTimeMillis();
        int exit = old.stop(Duration.ofSeconds(40));
        long stopped = System.nanoTime();
        assertTrue(exit == 0 || exit == 143, name + " ended with exit code " + exit + " after SIGTERM:\n" + old.tail());
        CHILDREN.remove(old.process());
        ServiceProcess fresh = old.restart();
        CHILDREN.add(fresh.process());
        services.put(name, fresh);
        fresh.awaitReady(READY);
        faults.add(new Fault(
                "SIGTERM " + name + " (pid " + pid + "), stopped in " + ms(stopped - t0) + " with exit code " + exit,
                name,
                stoppedAt,
                ms(System.nanoTime() - t0),
                "",
                stream.sentCount() - sentBefore));
    }

    private void killAndRestartBroker(SessionStream stream) throws Exception {
        long pid = broker.process().pid();
        long t0 = System.nanoTime();
        int sentBefore = stream.sentCount();
        Process old = broker.process();
        boolean midRequest = stream.awaitRequestInFlight(Duration.ofSeconds(5));
        t0 = System.nanoTime();
        long killedAt = System.currentTimeMillis();
        broker.kill();
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "broker still alive after SIGKILL");
        CHILDREN.remove(old);
        broker.restart(READY);
        CHILDREN.add(broker.process());
        long brokerUp = System.nanoTime();
        for (String name : SERVICES) {
            services.get(name).awaitReady(READY);
        }
        long allReady = System.nanoTime();
        stream.awaitSuccessAfter(brokerUp, Duration.ofSeconds(90));
        faults.add(new Fault(
                "kill -9 broker (pid " + pid + ")" + (midRequest ? ", a request in flight" : ""),
                "broker",
                killedAt,
                ms(brokerUp - t0) + " broker, " + ms(allReady - t0) + " all services",
                ms(stream.lastSuccess.get() - t0),
                stream.sentCount() - sentBefore));
    }

    private void createRosters() throws Exception {
        for (int i = 0; i < ATHLETES; i++) {
            String athlete = athlete(i);
            List<String> coaches = new ArrayList<>(List.of(coach(i % COACHES)));
            if (i % 2 == 0) {
                coaches.add(coach((i + 3) % COACHES));
            }
            coachesOf.put(athlete, coaches);
            String body = JSON.writeValueAsString(Map.of("displayName", "Athlete " + i, "coachIds", coaches));
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("session-ingestion", "/v1/athletes/" + athlete))
                    .header("X-Api-Key", KEY)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
            assertEquals(200, r.statusCode(), "roster of " + athlete + ": " + r.body());
        }
    }

    private String athlete(int i) {
        return "fa-" + run + "-" + i;
    }

    private String coach(int j) {
        return "fc-" + run + "-" + j;
    }

    private URI uri(String service, String path) {
        return URI.create(services.get(service).baseUrl() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- the platform's stream

    private static String sessionJson(String sessionId, String athleteId, int n) {
        OffsetDateTime performedAt = OffsetDateTime.of(2026, 9, 1, 18, 0, 0, 0, ZoneOffset.ofHours(2))
                .plusDays(n / ATHLETES);
        String pain = switch (n % 5) {
            case 0 -> """
                    ,"painReports":[{"region":"LOWER_BACK","side":"CENTRAL","quality":"ACHING","intensity":5,
                      "onset":"WITHIN_HOURS","hoursSinceOnset":3,"trend":"WORSENING","saddleNumbness":true}]""";
            case 2 -> """
                    ,"painReports":[{"region":"LOWER_BACK","side":"CENTRAL","quality":"DULL","intensity":2,
                      "onset":"NEXT_DAY","hoursSinceOnset":20,"trend":"STABLE"}]""";
            default -> "";
        };
        return """
                {"sessionId":"%s","athleteId":"%s","performedAt":"%s","durationMinutes":60,"sessionRpe":7,
                 "sets":[{"exercise":"DEADLIFT","variant":"CONVENTIONAL","reps":5,"loadKg":120,"rpe":8},
                         {"exercise":"BACK_SQUAT","reps":5,"loadKg":100,"rpe":7}]%s}""".formatted(sessionId, athleteId, performedAt, pain);
    }

    private static boolean redFlag(int n) {
        return n % 5 == 0;
    }

    private static boolean painReport(int n) {
        return n % 5 == 0 || n % 5 == 2;
    }

    /** Posts sessions in small batches at a steady pace, retrying until each batch gets a 202. */
    private final class SessionStream implements Runnable {
        volatile boolean faultsDone;
        /** sessionId -> n (its number, which decides athlete, day and pain), in sending order. */
        final Map<String, Integer> sent = new ConcurrentHashMap<>();

        final Map<String, String> athleteOfSession = new ConcurrentHashMap<>();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();
        /** DUPLICATE on a retry after an attempt whose answer was lost: stored (and published) by that attempt. */
        final Set<String> acceptedAnswerLost = ConcurrentHashMap.newKeySet();
        /** DUPLICATE although no earlier attempt of the batch failed: must never happen with unique ids. */
        final Set<String> unexpectedDuplicates = ConcurrentHashMap.newKeySet();

        final Set<String> unresolved = ConcurrentHashMap.newKeySet();
        final List<String> errors = new CopyOnWriteArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger ioFailures = new AtomicInteger();
        final Map<Integer, AtomicInteger> statusFailures = new ConcurrentHashMap<>();
        final AtomicInteger retriedBatches = new AtomicInteger();
        final AtomicLong lastSuccess = new AtomicLong();
        final AtomicInteger sentCounter = new AtomicInteger();
        /** When the POST now on its way was sent, 0 between requests. */
        volatile long inFlightSince;

        int sentCount() {
            return sentCounter.get();
        }

        @Override
        public void run() {
            int n = 0;
            long next = System.nanoTime();
            while (n < MAX_SESSIONS
                    && !(faultsDone && n >= MIN_SESSIONS)
                    && !Thread.currentThread().isInterrupted()) {
                List<String> ids = new ArrayList<>();
                StringBuilder body = new StringBuilder("[");
                for (int k = 0; k < BATCH; k++, n++) {
                    String sid = "fs-" + run + "-" + n;
                    String athlete = athlete(n % ATHLETES);
                    ids.add(sid);
                    sent.put(sid, n);
                    athleteOfSession.put(sid, athlete);
                    body.append(k == 0 ? "" : ",").append(sessionJson(sid, athlete, n));
                }
                body.append(']');
                sentCounter.addAndGet(BATCH);
                try {
                    postUntilAnswered(ids, body.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    unresolved.addAll(ids);
                    return;
                }
                next += PACE.toNanos();
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                } else {
                    next = System.nanoTime();
                }
            }
        }

        private void postUntilAnswered(List<String> ids, String body) throws InterruptedException {
            long giveUp = System.nanoTime() + BATCH_GIVE_UP.toNanos();
            boolean answerLost = false;
            while (System.nanoTime() < giveUp) {
                requests.incrementAndGet();
                HttpResponse<String> r;
                try {
                    inFlightSince = System.nanoTime();
                    r = send(HttpRequest.newBuilder(uri("session-ingestion", "/v1/sessions"))
                            .header("X-Api-Key", KEY)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)));
                } catch (IOException e) {
                    inFlightSince = 0;
                    // refused while down, or reset mid-request by a kill: the batch may or may not be stored
                    ioFailures.incrementAndGet();
                    answerLost = true;
                    retryPause(300);
                    continue;
                }
                inFlightSince = 0;
                if (r.statusCode() == 202) {
                    record(ids, r.body(), answerLost);
                    if (answerLost) {
                        retriedBatches.incrementAndGet();
                    }
                    lastSuccess.set(System.nanoTime());
                    return;
                }
                if (r.statusCode() >= 500) {
                    statusFailures
                            .computeIfAbsent(r.statusCode(), s -> new AtomicInteger())
                            .incrementAndGet();
                    // 503: Kafka did not take the batch and the service removed it again; other 5xx: unknown
                    answerLost = answerLost || r.statusCode() != 503;
                    long retryAfter =
                            r.headers().firstValueAsLong("Retry-After").orElse(1);
                    retryPause(Math.min(1000, Math.max(200, retryAfter * 1000)));
                    continue;
                }
                errors.add("batch " + ids + ": HTTP " + r.statusCode() + " " + r.body());
                unresolved.addAll(ids);
                return;
            }
            errors.add("batch " + ids + " got no 202 within " + BATCH_GIVE_UP);
            unresolved.addAll(ids);
        }

        private void record(List<String> ids, String body, boolean answerLost) {
            try {
                JsonNode results = JSON.readTree(body).get("results");
                Set<String> answered = new HashSet<>();
                for (JsonNode result : results) {
                    String sid = result.get("sessionId").asText();
                    answered.add(sid);
                    switch (result.get("status").asText()) {
                        case "ACCEPTED" -> accepted.add(sid);
                        case "DUPLICATE" -> (answerLost ? acceptedAnswerLost : unexpectedDuplicates).add(sid);
                        default -> errors.add("unknown status for " + sid + ": " + result);
                    }
                }
                for (String sid : ids) {
                    if (!answered.contains(sid)) {
                        errors.add("no result for " + sid + " in " + body);
                        unresolved.add(sid);
                    }
                }
            } catch (IOException e) {
                errors.add("unreadable 202 body: " + body);
                unresolved.addAll(ids);
            }
        }

        private void retryPause(long millis) throws InterruptedException {
            TimeUnit.MILLISECONDS.sleep(millis);
        }

        /** Waits (polling every 0.1 ms, as requests take milliseconds) until a POST has been on its way for 2 ms. */
        boolean awaitRequestInFlight(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                long since = inFlightSince;
                if (since != 0 && System.nanoTime() - since > 2_000_000) {
                    return true;
                }
                LockSupport.parkNanos(100_000);
            }
            return false;
        }

        void awaitSent(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (sentCount() < count || accepted.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    fail("the stream did not get going: " + sentCount() + " sent, errors " + errors);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }

        void awaitSuccessAfter(long t0, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (lastSuccess.get() - t0 <= 0) {
                if (System.nanoTime() > deadline) {
                    fail("no batch was accepted within " + timeout + " after the fault; errors " + errors);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }

        /** Every accepted session, as far as the platform can know: a 202 said so, now or on a retry. */
        Set<String> allAccepted() {
            Set<String> all = new HashSet<>(accepted);
            all.addAll(acceptedAnswerLost);
            return all;
        }

        /**
         * Sessions a 202 accepted (so their event was on the topic then), not those first known as DUPLICATE on a
         * retry: a request killed mid-way may have stored them unpublished, and the sweeper publishes them up to
         * 90 s after the kill, which would look like the repeat's doing.
         */
        List<String> sampleAccepted(int count) {
            List<String> all =
                    accepted.stream().sorted(Comparator.comparingInt(sent::get)).toList();
            List<String> sample = new ArrayList<>();
            for (int i = 0; i < count && !all.isEmpty(); i++) {
                sample.add(all.get(i * all.size() / count));
            }
            return sample.stream().distinct().toList();
        }

        /** One POST of the given (already sent) sessions; their statuses. */
        Map<String, String> postOnce(List<String> ids) throws Exception {
            String body = ids.stream()
                    .map(sid -> sessionJson(sid, athleteOfSession.get(sid), sent.get(sid)))
                    .collect(Collectors.joining(",", "[", "]"));
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri("session-ingestion", "/v1/sessions"))
                    .header("X-Api-Key", KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
            Map<String, String> statuses = new TreeMap<>();
            if (r.statusCode() != 202) {
                ids.forEach(sid -> statuses.put(sid, "HTTP " + r.statusCode()));
                return statuses;
            }
            for (JsonNode result : JSON.readTree(r.body()).get("results")) {
                statuses.put(
                        result.get("sessionId").asText(), result.get("status").asText());
            }
            return statuses;
        }
    }

    // ---------------------------------------------------------------- poison

    private record Poison(
            String what,
            String topic,
            String key,
            String value,
            Map<String, String> headers,
            List<String> deadLetterTopics,
            String reason) {}

    private List<Poison> injectPoison() {
        String athlete = athlete(1);
        String validSession =
                sessionJson("fs-" + run + "-kafka-nokey", athlete, 1).replace('\n', ' ');
        List<Poison> poisons = List.of(
                new Poison(
                        "not JSON on the sessions topic",
                        Topics.SESSIONS,
                        "acme:poison-" + run + "-1",
                        "}{ this is not JSON " + run,
                        Map.of(),
                        List.of(Topics.SESSIONS + ".dlq.risk-assessment", Topics.SESSIONS + ".dlq.program-planning"),
                        null),
                new Poison(
                        "JSON that is no event on the triage topic",
                        Topics.TRIAGE,
                        "acme:poison-" + run + "-2",
                        "{\"hello\":\"world\",\"run\":\"" + run + "\"}",
                        Map.of(),
                        List.of(Topics.TRIAGE + ".dlq.program-planning", Topics.TRIAGE + ".dlq.notifications"),
                        null),
                new Poison(
                        "invalid session with a valid x-api-key",
                        Topics.INGEST_SESSIONS,
                        "acme:poison-" + run + "-3",
                        "{\"sessionId\":\"fs-" + run + "-kafka-invalid\",\"athleteId\":\"" + athlete
                                + "\",\"sessionRpe\":42}",
                        Map.of("x-api-key", KEY),
                        List.of(Topics.INGEST_SESSIONS + ".dlq.session-ingestion"),
                        "invalid session"),
                new Poison(
                        "valid session without the x-api-key header",
                        Topics.INGEST_SESSIONS,
                        "acme:poison-" + run + "-4",
                        validSession,
                        Map.of(),
                        List.of(Topics.INGEST_SESSIONS + ".dlq.session-ingestion"),
                        "the x-api-key header is missing"));
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (Poison p : poisons) {
            ProducerRecord<String, String> record = new ProducerRecord<>(p.topic(), p.key(), p.value());
            p.headers().forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
            records.add(record);
        }
        // a control: a good session on the ingest topic is ingested like an HTTP one
        ProducerRecord<String, String> control = new ProducerRecord<>(
                Topics.INGEST_SESSIONS,
                EventKeys.of(TENANT, athlete),
                sessionJson(kafkaSessionId(), athlete, 1).replace('\n', ' '));
        control.headers().add("x-api-key", KEY.getBytes(StandardCharsets.UTF_8));
        records.add(control);
        try (KafkaCompanion companion = new KafkaCompanion(broker.bootstrapServers())) {
            companion.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(30));
        }
        return poisons;
    }

    private String kafkaSessionId() {
        return "fs-" + run + "-kafka-ok";
    }

    // ---------------------------------------------------------------- expectations and observations

    private final class Expected {
        final Set<String> sessionIds = new HashSet<>();
        /** event id -> sessionId */
        final Map<String, String> sessionEvents = new HashMap<>();
        /** RiskAssessed event id -> sessionId */
        final Map<String, String> riskEvents = new HashMap<>();

        final Map<String, Set<String>> painSessionsOf = new TreeMap<>();
        final Map<String, Set<String>> urgentOf = new TreeMap<>();
        final List<Poison> poisons;
        final String forbiddenEventId;

        Expected(SessionStream stream, List<Poison> poisons) {
            this.poisons = poisons;
            sessionIds.addAll(stream.allAccepted());
            sessionIds.add(kafkaSessionId());
            for (String sid : sessionIds) {
                sessionEvents.put(sessionEventId(sid), sid);
                riskEvents.put(EventIds.derive("risk", sessionEventId(sid)), sid);
            }
            coachesOf.keySet().forEach(a -> painSessionsOf.put(a, new TreeSet<>()));
            coachesOf.values().stream().flatMap(List::stream).forEach(c -> urgentOf.putIfAbsent(c, new TreeSet<>()));
            for (String sid : stream.allAccepted()) {
                int n = stream.sent.get(sid);
                String athlete = stream.athleteOfSession.get(sid);
                if (painReport(n)) {
                    painSessionsOf.get(athlete).add(sid);
                }
                if (redFlag(n)) {
                    String triageId = EventIds.derive("triage", sessionEventId(sid), "0");
                    coachesOf.get(athlete).forEach(c -> urgentOf.get(c).add(triageId));
                }
            }
            forbiddenEventId = sessionEventId("fs-" + run + "-kafka-nokey");
        }

        int painReports() {
            return painSessionsOf.values().stream().mapToInt(Set::size).sum();
        }

        int urgent() {
            return urgentOf.values().stream().mapToInt(Set::size).sum();
        }
    }

    private static String sessionEventId(String sessionId) {
        return EventIds.derive("session", TENANT, sessionId);
    }

    private record Observed(
            Map<String, Integer> sessionRecordsById,
            Set<String> missing,
            Set<String> unexpected,
            int duplicateRecords,
            Map<String, Integer> riskRecordsById,
            Set<String> missingRisk,
            Map<String, List<String>> triageSourcesOf,
            Map<String, List<JsonNode>> feedOf,
            Map<String, Map<String, List<ConsumerRecord<String, String>>>> deadLetters,
            Map<String, Integer> publishedItems,
            List<String> problems) {
        boolean converged(Expected e) {
            if (!missing.isEmpty() || !missingRisk.isEmpty()) {
                return false;
            }
            for (var entry : e.painSessionsOf.entrySet()) {
                if (triageSourcesOf.getOrDefault(entry.getKey(), List.of()).size()
                        < entry.getValue().size()) {
                    return false;
                }
            }
            for (var entry : e.urgentOf.entrySet()) {
                if (!urgentIds(entry.getKey()).containsAll(entry.getValue())) {
                    return false;
                }
            }
            for (Poison p : e.poisons) {
                for (String dlq : p.deadLetterTopics()) {
                    if (deadLetters
                            .getOrDefault(dlq, Map.of())
                            .getOrDefault(p.key(), List.of())
                            .isEmpty()) {
                        return false;
                    }
                }
            }
            return unpublishedItems().isEmpty();
        }

        /** Feed items of this run that no NotificationCreated on liftguard.notifications.v1 announced. */
        Set<String> unpublishedItems() {
            Set<String> unpublished = new TreeSet<>();
            feedOf.values()
                    .forEach(items -> items.forEach(i -> {
                        if (!publishedItems.containsKey(i.path("id").asText())) {
                            unpublished.add(i.path("id").asText());
                        }
                    }));
            return unpublished;
        }

        List<String> urgentIds(String coach) {
            return feedOf.getOrDefault(coach, List.of()).stream()
                    .filter(i -> "URGENT".equals(i.path("severity").asText()))
                    .map(i -> i.path("sourceEventId").asText())
                    .toList();
        }
    }

    private Observed observe(Expected e) throws Exception {
        List<String> problems = new ArrayList<>();
        List<ConsumerRecord<String, String>> records = readAll(Topics.SESSIONS);
        Map<String, Integer> byId = countsById(records);
        Set<String> ourKeys =
                coachesOf.keySet().stream().map(a -> EventKeys.of(TENANT, a)).collect(Collectors.toSet());
        Set<String> ours = countsById(
                        records.stream().filter(r -> ourKeys.contains(r.key())).toList())
                .keySet();
        Set<String> missing = new TreeSet<>(e.sessionEvents.keySet());
        missing.removeAll(byId.keySet());
        // events of this run's athletes that no 202 announced (the session streamed without a key among them)
        Set<String> unexpected = new TreeSet<>(ours);
        unexpected.removeAll(e.sessionEvents.keySet());
        int duplicates = ours.stream().mapToInt(id -> byId.get(id) - 1).sum();
        // risk-assessment answers every session with a RiskAssessed event whose id derives from the session's
        Map<String, Integer> riskById = countsById(readAll(Topics.RISK));
        Set<String> missingRisk = new TreeSet<>(e.riskEvents.keySet());
        missingRisk.removeAll(riskById.keySet());
        riskById.keySet().retainAll(e.riskEvents.keySet());

        Map<String, List<String>> triage = new TreeMap<>();
        for (String athlete : coachesOf.keySet()) {
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(
                                uri("risk-assessment", "/v1/athletes/" + athlete + "/triage/history?limit=500"))
                        .header("X-Api-Key", KEY)
                        .GET());
                if (r.statusCode() == 200) {
                    List<String> sources = new ArrayList<>();
                    JSON.readTree(r.body())
                            .get("items")
                            .forEach(i -> sources.add(i.path("sourceId").asText()));
                    triage.put(athlete, sources);
                } else if (r.statusCode() != 404) {
                    problems.add("triage history of " + athlete + ": HTTP " + r.statusCode());
                }
            } catch (IOException ex) {
                problems.add("triage history of " + athlete + ": " + ex);
            }
        }
        Map<String, List<JsonNode>> feeds = new TreeMap<>();
        for (String coach : e.urgentOf.keySet()) {
            feeds.put(coach, feed(coach, problems));
        }
        Map<String, Map<String, List<ConsumerRecord<String, String>>>> dlq = new TreeMap<>();
        for (String topic : e.poisons.stream()
                .flatMap(p -> p.deadLetterTopics().stream())
                .distinct()
                .toList()) {
            dlq.put(
                    topic,
                    readAll(topic).stream()
                            .filter(r -> r.key() != null)
                            .collect(Collectors.groupingBy(ConsumerRecord::key)));
        }
        // every feed item is published for platforms, at least once (a repeat has the same event id)
        Map<String, Integer> published = new HashMap<>();
        for (ConsumerRecord<String, String> r : readAll(Topics.NOTIFICATIONS)) {
            if (ourKeys.contains(r.key())) {
                published.merge(
                        JSON.readTree(r.value())
                                .path("data")
                                .path("notificationId")
                                .asText(),
                        1,
                        Integer::sum);
            }
        }
        return new Observed(
                byId, missing, unexpected, duplicates, riskById, missingRisk, triage, feeds, dlq, published, problems);
    }

    private List<JsonNode> feed(String coach, List<String> problems) throws InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        String after = null;
        for (int page = 0; page < 50; page++) {
            String path = "/v1/coaches/" + coach + "/notifications?limit=200"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8));
            try {
                HttpResponse<String> r = send(HttpRequest.newBuilder(uri("notifications", path))
                        .header("X-Api-Key", KEY)
                        .GET());
                if (r.statusCode() == 404) {
                    return items;
                }
                if (r.statusCode() != 200) {
                    problems.add("feed of " + coach + ": HTTP " + r.statusCode());
                    return items;
                }
                JsonNode body = JSON.readTree(r.body());
                body.get("items").forEach(items::add);
                JsonNode next = body.get("nextCursor");
                if (next == null || next.isNull()) {
                    return items;
                }
                after = next.asText();
            } catch (IOException ex) {
                problems.add("feed of " + coach + ": " + ex);
                return items;
            }
        }
        problems.add("feed of " + coach + " has more than 50 pages");
        return items;
    }

    private Observed awaitConvergence(Expected e) throws Exception {
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        Observed o = observe(e);
        while (!o.converged(e) && System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(2);
            o = observe(e);
        }
        return o;
    }

    /**
     * Quiet: every consumer group has read everything of its topics, and no topic grew, for {@link #QUIET}
     * (the outbox relays poll every 2 s and consumers commit every few seconds). Bounded; a system that
     * never quiets down shows up in the assertions.
     */
    private void awaitQuiet() throws InterruptedException {
        Map<String, List<String>> groups = Map.of(
                "session-ingestion", List.of(Topics.INGEST_SESSIONS, Topics.INGEST_CHECK_INS, Topics.INGEST_ROSTER),
                "risk-assessment", List.of(Topics.SESSIONS, Topics.CHECK_INS),
                "program-planning", List.of(Topics.TRIAGE, Topics.ROSTER, Topics.SESSIONS, Topics.RISK),
                "notifications",
                        List.of(Topics.ROSTER, Topics.TRIAGE, Topics.RECOVERY, Topics.LOAD_ADJUSTMENTS, Topics.RISK));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        long quietSince = -1;
        Map<TopicPartition, Long> lastEnds = Map.of();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                try {
                    Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
                    admin.describeTopics(topics)
                            .allTopicNames()
                            .get(10, TimeUnit.SECONDS)
                            .forEach((t, d) -> d.partitions()
                                    .forEach(
                                            p -> specs.put(new TopicPartition(t, p.partition()), OffsetSpec.latest())));
                    Map<TopicPartition, Long> ends = new HashMap<>();
                    admin.listOffsets(specs)
                            .all()
                            .get(10, TimeUnit.SECONDS)
                            .forEach((tp, info) -> ends.put(tp, info.offset()));
                    long lag = 0;
                    for (var g : groups.entrySet()) {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.getKey())
                                .partitionsToOffsetAndMetadata()
                                .get(10, TimeUnit.SECONDS);
                        for (var end : ends.entrySet()) {
                            if (g.getValue().contains(end.getKey().topic())) {
                                OffsetAndMetadata c = committed.get(end.getKey());
                                lag += end.getValue() - (c == null ? 0 : c.offset());
                            }
                        }
                    }
                    if (lag == 0 && ends.equals(lastEnds)) {
                        if (quietSince < 0) {
                            quietSince = System.nanoTime();
                        } else if (System.nanoTime() - quietSince >= QUIET.toNanos()) {
                            return;
                        }
                    } else {
                        quietSince = -1;
                    }
                    lastEnds = ends;
                } catch (Exception e) {
                    quietSince = -1;
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
        }
        System.out.println("FaultToleranceIT: the system did not quiet down within 60 s; asserting on what it shows");
    }

    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "fault-probe-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(10));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end in 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static Map<String, Integer> countsById(List<ConsumerRecord<String, String>> records) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<String, String> r : records) {
            Header ce = r.headers().lastHeader("ce_id");
            String id = ce != null ? new String(ce.value(), StandardCharsets.UTF_8) : idOf(r.value());
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    private static String idOf(String json) {
        try {
            JsonNode id = JSON.readTree(json).get("id");
            return id == null ? null : id.asText();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- verdict

    private void assertAll(
            SessionStream stream,
            Expected e,
            Observed o,
            List<String> repeated,
            Map<String, Integer> beforeRepeat,
            Map<String, String> repeatAnswers) {
        List<String> failures = new ArrayList<>();
        if (!stream.errors.isEmpty()) {
            failures.add("the stream had errors: " + stream.errors);
        }
        if (!stream.unresolved.isEmpty()) {
            failures.add("sessions without a definite answer: " + stream.unresolved);
        }
        if (!stream.unexpectedDuplicates.isEmpty()) {
            failures.add("sessions answered DUPLICATE on their first complete attempt: " + stream.unexpectedDuplicates);
        }
        if (!o.missing().isEmpty()) {
            failures.add("LOST: " + o.missing().size() + " accepted sessions have no event on " + Topics.SESSIONS + ": "
                    + o.missing().stream().map(e.sessionEvents::get).sorted().toList());
        }
        if (!o.missingRisk().isEmpty()) {
            failures.add("LOST: " + o.missingRisk().size() + " sessions have no RiskAssessed event on " + Topics.RISK
                    + ": "
                    + o.missingRisk().stream().map(e.riskEvents::get).sorted().toList());
        }
        if (!o.unexpected().isEmpty()) {
            failures.add("events on " + Topics.SESSIONS + " for sessions never accepted: " + o.unexpected());
        }
        for (String sid : repeated) {
            if (!"DUPLICATE".equals(repeatAnswers.get(sid))) {
                failures.add("a repeat of accepted session " + sid + " was answered " + repeatAnswers.get(sid));
            }
            String id = sessionEventId(sid);
            if (!beforeRepeat.getOrDefault(id, 0).equals(o.sessionRecordsById().getOrDefault(id, 0))) {
                failures.add("a repeat of accepted session " + sid + " put another event on the topic ("
                        + beforeRepeat.get(id) + " -> " + o.sessionRecordsById().get(id) + ")");
            }
        }
        for (var entry : e.painSessionsOf.entrySet()) {
            List<String> sources = o.triageSourcesOf().getOrDefault(entry.getKey(), List.of());
            if (sources.size() != entry.getValue().size() || !new HashSet<>(sources).equals(entry.getValue())) {
                Map<String, Long> counts =
                        sources.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
                Set<String> missing = new TreeSet<>(entry.getValue());
                missing.removeAll(sources);
                failures.add("triage of " + entry.getKey() + ": expected one decision for each of "
                        + entry.getValue().size()
                        + " pain reports, found " + sources.size() + " (missing " + missing + ", repeated "
                        + counts.entrySet().stream()
                                .filter(c -> c.getValue() > 1)
                                .toList() + ")");
            }
        }
        for (var entry : e.urgentOf.entrySet()) {
            String coach = entry.getKey();
            List<String> urgent = o.urgentIds(coach);
            Set<String> distinct = new HashSet<>(urgent);
            if (distinct.size() != urgent.size()) {
                failures.add("DUPLICATE notifications: coach " + coach + " has " + urgent.size() + " URGENT items for "
                        + distinct.size() + " red flags");
            }
            if (!distinct.equals(entry.getValue())) {
                Set<String> missing = new TreeSet<>(entry.getValue());
                missing.removeAll(distinct);
                Set<String> extra = new TreeSet<>(distinct);
                extra.removeAll(entry.getValue());
                failures.add("coach " + coach + ": URGENT items missing for triage events " + missing + ", unexpected "
                        + extra);
            }
            Map<String, Long> bySource = o.feedOf().getOrDefault(coach, List.of()).stream()
                    .collect(Collectors.groupingBy(i -> i.path("sourceEventId").asText(), Collectors.counting()));
            bySource.forEach((source, count) -> {
                if (count > 1) {
                    failures.add(
                            "DUPLICATE notifications: coach " + coach + " has " + count + " items of event " + source);
                }
            });
        }
        if (!o.unpublishedItems().isEmpty()) {
            failures.add("feed items never published as NotificationCreated (lost): " + o.unpublishedItems());
        }
        for (Poison p : e.poisons) {
            for (String dlq : p.deadLetterTopics()) {
                List<ConsumerRecord<String, String>> found =
                        o.deadLetters().getOrDefault(dlq, Map.of()).getOrDefault(p.key(), List.of());
                if (found.isEmpty()) {
                    failures.add("poison (" + p.what() + ") is not on " + dlq);
                    continue;
                }
                if (!found.get(0).value().equals(p.value())) {
                    failures.add("poison (" + p.what() + ") on " + dlq + " has another value: "
                            + found.get(0).value());
                }
                // every consumer, ingestion's included, writes the same dead-letter headers
                String reasonHeader = "dead-letter-reason";
                Header reason = found.get(0).headers().lastHeader(reasonHeader);
                if (found.get(0).headers().lastHeader("x-api-key") != null) {
                    failures.add("poison (" + p.what() + ") on " + dlq + " carries the platform's x-api-key");
                }
                if (reason == null) {
                    failures.add("poison (" + p.what() + ") on " + dlq + " has no " + reasonHeader + " header");
                } else if (p.reason() != null
                        && !new String(reason.value(), StandardCharsets.UTF_8).startsWith(p.reason())) {
                    failures.add("poison (" + p.what() + ") on " + dlq + ": reason "
                            + new String(reason.value(), StandardCharsets.UTF_8) + ", expected " + p.reason());
                }
            }
        }
        if (o.sessionRecordsById().containsKey(e.forbiddenEventId)) {
            failures.add("the session streamed without an x-api-key header was ingested");
        }
        if (!o.problems().isEmpty()) {
            failures.add("reading the final state: " + o.problems());
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " failure(s):\n - " + String.join("\n - ", failures));
        }
    }

    private String summary(
            Map<String, List<Long>> outputs,
            SessionStream stream,
            Expected e,
            Observed o,
            List<String> repeated,
            Map<String, Integer> beforeRepeat,
            Map<String, String> repeatAnswers,
            Duration startUp,
            Duration streaming,
            Duration settling,
            Duration total) {
        StringBuilder s = new StringBuilder();
        s.append("\n=== FaultToleranceIT run ")
                .append(run)
                .append(": ")
                .append(ATHLETES)
                .append(" athletes, ")
                .append(COACHES)
                .append(" coaches, batches of ")
                .append(BATCH)
                .append(" every ")
                .append(PACE.toMillis())
                .append(" ms\n");
        row(s, "sessions sent over HTTP", stream.sent.size());
        row(s, "  answered ACCEPTED", stream.accepted.size());
        row(s, "  DUPLICATE on a retry after a lost answer", stream.acceptedAnswerLost.size());
        row(s, "  DUPLICATE without a lost answer (bug)", stream.unexpectedDuplicates.size());
        row(s, "  unresolved", stream.unresolved.size());
        row(
                s,
                "HTTP requests / connection failures / 5xx",
                stream.requests.get() + " / " + stream.ioFailures.get() + " / " + stream.statusFailures);
        row(s, "batches retried after a failure", stream.retriedBatches.get());
        row(s, "accepted sessions expected on the topic (+1 via ingest topic)", e.sessionIds.size());
        row(
                s,
                "  distinct event ids found",
                e.sessionEvents.keySet().stream()
                        .filter(o.sessionRecordsById()::containsKey)
                        .count());
        row(s, "  missing (lost)", o.missing().size());
        row(s, "  extra records with an id already there (at-least-once)", o.duplicateRecords());
        row(s, "  events of never-accepted sessions", o.unexpected().size());
        row(
                s,
                "RiskAssessed events expected / distinct found / extra same-id records",
                e.riskEvents.size() + " / " + o.riskRecordsById().size() + " / "
                        + o.riskRecordsById().values().stream()
                                .mapToInt(c -> c - 1)
                                .sum());
        row(
                s,
                "repeats of accepted sessions answered DUPLICATE",
                repeatAnswers.values().stream().filter("DUPLICATE"::equals).count() + " / " + repeated.size());
        row(
                s,
                "pain reports / triage decisions",
                e.painReports() + " / "
                        + o.triageSourcesOf().values().stream()
                                .mapToInt(List::size)
                                .sum());
        int urgentFound = e.urgentOf.keySet().stream()
                .mapToInt(c -> o.urgentIds(c).size())
                .sum();
        int urgentDistinct = e.urgentOf.keySet().stream()
                .mapToInt(c -> new HashSet<>(o.urgentIds(c)).size())
                .sum();
        row(
                s,
                "URGENT items expected / found / duplicates",
                e.urgent() + " / " + urgentFound + " / " + (urgentFound - urgentDistinct));
        long allItems = o.feedOf().values().stream().mapToLong(List::size).sum();
        long dupItems = o.feedOf().values().stream()
                .mapToLong(items -> items.size()
                        - items.stream()
                                .map(i -> i.path("sourceEventId").asText())
                                .distinct()
                                .count())
                .sum();
        row(s, "feed items (all severities) / same-event duplicates", allItems + " / " + dupItems);
        row(
                s,
                "  published as NotificationCreated / not published / extra same-id records",
                (allItems - o.unpublishedItems().size()) + " / "
                        + o.unpublishedItems().size() + " / "
                        + o.publishedItems().values().stream()
                                .mapToInt(c -> c - 1)
                                .sum());
        for (Poison p : e.poisons) {
            for (String dlq : p.deadLetterTopics()) {
                row(
                        s,
                        "DLQ " + dlq + " <- " + p.what(),
                        o.deadLetters()
                                .getOrDefault(dlq, Map.of())
                                .getOrDefault(p.key(), List.of())
                                .size());
            }
        }
        s.append(
                "\nfault                                                      ready again (health)          next 202   "
                        + "output resumed   sessions sent meanwhile\n");
        for (Fault f : faults) {
            long resumed = f.component().equals("broker")
                    ? SERVICES.stream()
                            .mapToLong(c -> firstAfter(outputs.get(c), f.atMillis()))
                            .max()
                            .orElse(-1)
                    : firstAfter(outputs.get(f.component()), f.atMillis());
            s.append(String.format(
                    "%-58s %-29s %-10s %-16s %d%n",
                    f.label(),
                    f.readyAgain(),
                    f.next202().isEmpty() ? "-" : f.next202(),
                    resumed < 0 ? "none" : resumed + " ms",
                    f.sentMeanwhile()));
        }
        s.append(
                "(output resumed: the first event the service produced (CloudEvents time) or feed item it wrote after\n"
                        + " the kill; for the broker, the slowest of the four services)\n\n");
        row(
                s,
                "start-up / streaming under faults / settling / total",
                ms(startUp.toNanos()) + " / " + ms(streaming.toNanos()) + " / " + ms(settling.toNanos()) + " / "
                        + ms(total.toNanos()));
        row(s, "settling", settleTimes);
        return s.toString();
    }

    /** Milliseconds from {@code at} to the first timestamp after it, or -1. */
    private static long firstAfter(List<Long> timestamps, long at) {
        return timestamps == null
                ? -1
                : timestamps.stream()
                        .filter(t -> t > at)
                        .min(Long::compare)
                        .map(t -> t - at)
                        .orElse(-1L);
    }

    /** When each service handled an event: the time of the events it published, or of the feed items it wrote. */
    private Map<String, List<Long>> outputs(Observed o) {
        Map<String, List<Long>> out = new HashMap<>();
        out.put("session-ingestion", timestamps(Topics.SESSIONS));
        out.put("risk-assessment", timestamps(Topics.TRIAGE, Topics.RISK));
        out.put("program-planning", timestamps(Topics.RECOVERY, Topics.LOAD_ADJUSTMENTS));
        out.put(
                "notifications",
                o.feedOf().values().stream()
                        .flatMap(List::stream)
                        .map(i -> i.path("createdAt").asText(null))
                        .filter(Objects::nonNull)
                        .map(t -> Instant.parse(t).toEpochMilli())
                        .toList());
        return out;
    }

    /**
     * The CloudEvents {@code time} of every event on the topics: when the producing service handled its cause
     * (an outbox relay draining rows of a killed instance publishes late, but with the time they were written).
     */
    private List<Long> timestamps(String... topics) {
        return Stream.of(topics)
                .flatMap(t -> readAll(t).stream())
                .map(r -> {
                    try {
                        JsonNode time = JSON.readTree(r.value()).get("time");
                        return time == null
                                ? null
                                : Instant.parse(time.asText()).toEpochMilli();
                    } catch (IOException | RuntimeException e) {
                        return null;
                    }
                })
                .filter(Objects::nonNull)
                .toList();
    }

    private static void row(StringBuilder s, String what, Object value) {
        s.append(String.format("%-66s %s%n", what, value));
    }

    private static String ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
    }

    // ---------------------------------------------------------------- files and ports

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
