package com.liftguard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.liftguard.infra.EmbeddedMongo;
import com.liftguard.infra.KafkaBroker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The whole system on one broker: each service's start time and memory, ingest throughput beside Kafka's
 * ProducerPerformance, and end-to-end latency at a fixed offered rate, from the 202 of a session with a
 * pain report to the coach's live stream showing its notification. Writes {@code bench/RESULTS.md}.
 *
 * <p>Arguments: {@code --ingest-seconds 10 --rounds 3 --clients 4 --batch 500 --rate 1000 (or 100,300,1000) --e2e-seconds 30
 * --athletes 400 --results bench/RESULTS.md}.
 */
public final class SystemBench {
    private static final String TENANT_KEY = "bench-key";
    private static final String COACH = "bench-coach";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CountDownLatch connected = new CountDownLatch(1);
    private static final List<String> SERVICES =
            List.of("session-ingestion", "risk-assessment", "program-planning", "notifications");

    /** One packaged service as its own JVM. */
    record Service(String name, int port, Process process, Path log, long startMillis) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        /** CPU seconds (user + system) the process has used so far; -1 where /proc is not there. */
        double cpuSeconds() {
            return IngestBench.cpuSeconds(process.pid());
        }

        long rssKb() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // not on Linux, or gone
            }
            return -1;
        }
    }

    public static void main(String[] args) throws Exception {
        int ingestSeconds = IngestBench.intArg(args, "--ingest-seconds", 10);
        int rounds = IngestBench.intArg(args, "--rounds", 3);
        int clients = IngestBench.intArg(args, "--clients", 4);
        int batch = IngestBench.intArg(args, "--batch", 500);
        // one rate, or several ("100,300,1000"), each measured after the previous one's queue has drained
        List<Integer> rates = Arrays.stream(stringArg(args, "--rate", "1000").split(","))
                .map(String::strip)
                .map(Integer::parseInt)
                .toList();
        int e2eSeconds = IngestBench.intArg(args, "--e2e-seconds", 30);
        int athletes = IngestBench.intArg(args, "--athletes", 400);
        Path root = Path.of(System.getProperty("liftguard.root", "."))
                .toAbsolutePath()
                .normalize();
        Path results = root.resolve(stringArg(args, "--results", "bench/RESULTS.md"));

        List<Service> services = new ArrayList<>();
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Options.defaults());
                EmbeddedMongo mongo = EmbeddedMongo.start(0, null)) {
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(() -> services.forEach(s -> s.process().destroyForcibly())));
            // 1. ingest throughput against Kafka's own producer, on this broker, with ingestion running alone
            services.add(start(root, SERVICES.get(0), broker.bootstrapServers(), mongo.connectionString()));
            Service ingestion = services.get(0);
            System.out.printf(Locale.ROOT, "%s ready in %d ms%n", ingestion.name(), ingestion.startMillis());
            // the warm-up: the service's hot code compiled before anything is counted
            IngestBench.post(
                    ingestion.port(),
                    clients,
                    batch,
                    8,
                    Math.max(5, ingestSeconds),
                    "warm",
                    ingestion.process().pid());
            List<byte[]> events = IngestBench.publishedEvents(broker.bootstrapServers(), 1000);
            int eventBytes = events.get(0).length;
            IngestBench.Comparison comparison = IngestBench.compare(
                    broker.bootstrapServers(),
                    mongo,
                    ingestion.port(),
                    ingestion.process().pid(),
                    clients,
                    batch,
                    8,
                    ingestSeconds,
                    rounds,
                    300_000,
                    events);

            // 2. the consumers; they start at the end of their topics (the throughput run's million sessions
            //    are not what the latency run measures)
            for (String name : SERVICES.subList(1, SERVICES.size())) {
                services.add(start(root, name, broker.bootstrapServers(), mongo.connectionString()));
                System.out.printf(
                        Locale.ROOT,
                        "%s ready in %d ms%n",
                        name,
                        services.getLast().startMillis());
            }

            // 3. end-to-end latency at a fixed offered rate
            List<Latency> e2e;
            try (ConsumerLag lag = new ConsumerLag(broker.bootstrapServers())) {
                e2e = endToEnd(services, rates, e2eSeconds, athletes, lag);
            }

            Map<String, Long> rss = new LinkedHashMap<>();
            services.forEach(s -> rss.put(s.name(), s.rssKb()));
            String table = table(eventBytes, comparison, clients, batch, e2eSeconds, e2e, services, rss);
            System.out.println();
            System.out.println(table);
            Files.writeString(results, table);
            System.out.println("written to " + results);
        } finally {
            for (Service s : services) {
                s.process().destroy();
                s.process().waitFor(20, TimeUnit.SECONDS);
                s.process().destroyForcibly();
            }
        }
    }

    static Service start(Path root, String name, String kafka, String mongo) throws Exception {
        Path jar = root.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("bench-" + name, ".log");
        int port = IngestBench.freePort();
        // the heap the image gives a service under the base deployment's 768Mi limit (MaxRAMPercentage=75,
        // InitialRAMPercentage=50); a smaller one had the relational services collecting garbage every few seconds.
        // Tracing stays on as deployed (spans made and batched); with no collector here their export fails every
        // few seconds (traces.exporter is fixed at build time, so a run-time "none" never applied here)
        List<String> command = new ArrayList<>(List.of(
                IngestBench.javaBinary(),
                "-Xmx576m",
                "-Xms384m",
                "-Dquarkus.http.port=" + port,
                "-Dkafka.bootstrap.servers=" + kafka,
                "-Dquarkus.mongodb.connection-string=" + mongo,
                "-Dliftguard.tenants.bench.api-keys=" + TENANT_KEY,
                "-Dquarkus.log.level=WARN",
                "-Dquarkus.log.console.json.enabled=false",
                "-Dmp.messaging.connector.smallrye-kafka.auto.offset.reset=latest"));
        String extra =
                System.getenv().getOrDefault("LIFTGUARD_BENCH_SERVICE_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return new Service(name, port, process, log, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException(name + " not ready in 120 s; log: " + log);
    }

    /** Latencies in ms of the samples that arrived, and how many never did. */
    record Latency(
            List<Long> millis,
            int samples,
            int missing,
            int offeredRate,
            double achievedRate,
            long sessions,
            Map<String, Double> cpuSeconds) {
        long percentile(double p) {
            if (millis.isEmpty()) {
                return -1;
            }
            return SystemBench.percentile(millis.stream().sorted().toList(), p);
        }
    }

    /** The p-th percentile (nearest rank) of sorted samples. */
    static long percentile(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100 * sorted.size()) - 1));
    }

    /**
     * After a warm-up of {@value #WARM_SECONDS} s at {@value #WARM_RATE}/s and {@value #WARM_PEAK_SECONDS} s at the
     * highest rate to be measured, and a quiet spell until every consumer has caught up, sessions at
     * {@code rate}/s in batches of rate/20 every 50 ms, from {@code athletes} athletes followed by one coach,
     * each athlete's sessions on consecutive days (a training log, not dozens of sessions a day); every fifth
     * carries a normal-soreness knee report (no spinal loading: no other rule fires).
     * An athlete's k-th report folds into its feed item (repeats = k), so the stream's event for athlete X
     * with repeats k shows the k-th report's notification (and any earlier one not shown yet): its arrival
     * minus the report's 202 is one sample.
     */
    static List<Latency> endToEnd(
            List<Service> services, List<Integer> rates, int seconds, int athletes, ConsumerLag lag) throws Exception {
        Service ingestion = services.get(0);
        Service notifications = services.get(3);
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int a = 0; a < athletes; a++) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(ingestion.url("/v1/athletes/e2e-" + run + "-" + a)))
                            .header("X-Api-Key", TENANT_KEY)
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(
                                    "{\"displayName\":\"Athlete " + a + "\",\"coachIds\":[\"" + COACH + "\"]}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("roster: " + r.statusCode() + " " + r.body());
            }
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Thread stream = Thread.ofVirtual().start(() -> listen(notifications, arrived));
        if (!connected.await(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the coach's live stream did not open within 60 s");
        }
        TimeUnit.SECONDS.sleep(2); // the rest of the rosters reach notifications

        // warm-up: the consumers' code compiled and their pools filled at a rate they keep up with, then a
        // spell at the highest rate to be measured (the code paths of large batches compiled too: without it
        // the first rate measured ran partly interpreted, its p99 ten times that of the same rate measured
        // again), then quiet until every consumer has caught up
        int warmRate = WARM_RATE;
        int peakRate = rates.stream().mapToInt(Integer::intValue).max().orElse(warmRate);
        // an athlete trains once a day: its n-th session is on the n-th day of a block ending today
        long total = (long) warmRate * WARM_SECONDS
                + (long) peakRate * WARM_PEAK_SECONDS
                + rates.stream().mapToLong(r -> (long) r * seconds).sum();
        long days = Math.max(1, total / athletes + 1);
        Offer offer = new Offer(
                http,
                ingestion,
                run,
                athletes,
                Instant.now()
                        .minus(Duration.ofDays(days))
                        .minus(Duration.ofHours(2))
                        .truncatedTo(ChronoUnit.SECONDS));
        offer.send(warmRate, WARM_SECONDS, new ConcurrentHashMap<>());
        offer.send(peakRate, WARM_PEAK_SECONDS, new ConcurrentHashMap<>());
        long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < settle
                && !lag.lag(SERVICES.subList(1, SERVICES.size())).values().stream()
                        .allMatch(v -> v == 0)) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        TimeUnit.SECONDS.sleep(1);
        printLag(
                "after the warm-up (" + warmRate + "/s for " + WARM_SECONDS + " s, " + peakRate + "/s for "
                        + WARM_PEAK_SECONDS + " s)",
                lag);

        List<Latency> results = new ArrayList<>();
        for (int rate : rates) {
            results.add(measure(services, offer, rate, seconds, arrived, lag));
        }
        stream.interrupt();
        return results;
    }

    /** One offered rate: its latency samples, and the CPU the services spent on it. */
    private static Latency measure(
            List<Service> services, Offer offer, int rate, int seconds, Map<String, Long> arrived, ConsumerLag lag)
            throws Exception {
        Map<String, Long> accepted = new ConcurrentHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        services.forEach(s -> cpu.put(s.name(), s.cpuSeconds()));
        cpu.put(THIS_PROCESS, IngestBench.ownCpuSeconds());
        long start = System.nanoTime();
        long sent = offer.send(rate, seconds, accepted);
        double achieved = sent / ((System.nanoTime() - start) / 1e9);
        printLag("at the end of " + rate + "/s", lag);
        long quietDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < quietDeadline && !arrived.keySet().containsAll(accepted.keySet())) {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        // CPU of the run and of working off what it queued (up to 60 s more), before the next rate starts
        long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < drainDeadline
                && !lag.lag(SERVICES.subList(1, SERVICES.size())).values().stream()
                        .allMatch(v -> v == 0)) {
            TimeUnit.MILLISECONDS.sleep(500);
        }
        services.forEach(s -> cpu.put(s.name(), s.cpuSeconds() - cpu.get(s.name())));
        cpu.put(THIS_PROCESS, IngestBench.ownCpuSeconds() - cpu.get(THIS_PROCESS));
        List<Long> millis = new ArrayList<>();
        int missing = 0;
        // the same samples by when they were accepted, in spans of 2 s: a queue that builds up shows as a rising tail
        Map<Long, List<Long>> bySpan = new TreeMap<>();
        for (Map.Entry<String, Long> e : accepted.entrySet()) {
            Long at = arrived.get(e.getKey());
            if (at == null) {
                missing++;
            } else {
                long ms = Math.max(0, TimeUnit.NANOSECONDS.toMillis(at - e.getValue()));
                millis.add(ms);
                long span = TimeUnit.NANOSECONDS.toSeconds(e.getValue() - start) / 2;
                bySpan.computeIfAbsent(span, k -> new ArrayList<>()).add(ms);
            }
        }
        StringBuilder spans = new StringBuilder();
        bySpan.forEach((span, ms) -> {
            List<Long> sorted = ms.stream().sorted().toList();
            spans.append(String.format(
                    Locale.ROOT,
                    " %d-%ds %d/%d",
                    span * 2,
                    span * 2 + 2,
                    percentile(sorted, 50),
                    percentile(sorted, 99)));
        });
        System.out.printf(Locale.ROOT, "%d sessions/s, p50/p99 ms by when accepted:%s%n", rate, spans);
        Latency l = new Latency(millis, accepted.size(), missing, rate, achieved, sent, cpu);
        System.out.printf(
                Locale.ROOT,
                "%d sessions/s: p50 %d ms, p99 %d ms, %d of %d not arrived%n",
                rate,
                l.percentile(50),
                l.percentile(99),
                missing,
                accepted.size());
        return l;
    }

    /** Where a queue built up: records each consumer group has yet to read, per topic (0s left out). */
    private static void printLag(String when, ConsumerLag lag) {
        try {
            Map<String, Long> behind = new LinkedHashMap<>(lag.lag(SERVICES.subList(1, SERVICES.size())));
            behind.values().removeIf(v -> v == 0);
            System.out.printf(Locale.ROOT, "consumer lag %s: %s%n", when, behind.isEmpty() ? "none" : behind);
        } catch (Exception e) {
            System.out.println("consumer lag " + when + ": unknown (" + e.getMessage() + ")");
        }
    }

    private static void listen(Service notifications, Map<String, Long> arrived) {
        try {
            HttpResponse<InputStream> r;
            // 404 until the first roster entry has reached notifications
            do {
                r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(
                                                notifications.url("/v1/coaches/" + COACH + "/notifications/stream")))
                                        .header("X-Api-Key", TENANT_KEY)
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
                if (r.statusCode() != 200) {
                    r.body().close();
                    TimeUnit.MILLISECONDS.sleep(100);
                }
            } while (r.statusCode() != 200);
            connected.countDown();
            BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8));
            for (String line;
                    (line = lines.readLine()) != null && !Thread.currentThread().isInterrupted(); ) {
                if (line.startsWith("data:") && line.length() > 7) {
                    long now = System.nanoTime();
                    JsonNode item = JSON.readTree(line.substring(5).strip());
                    if (item.has("athleteId") && item.has("repeats")) {
                        // the item now stands for reports 1..repeats: any of them not seen before (the stream
                        // sends an item's latest state, so two quick repeats may show as one change) arrived now
                        String athlete = item.get("athleteId").asText();
                        for (int k = item.get("repeats").asInt();
                                k >= 1 && arrived.putIfAbsent(athlete + "#" + k, now) == null;
                                k--) {
                            // marked
                        }
                    }
                }
            }
        } catch (IOException | InterruptedException e) {
            // the benchmark ended
        }
    }

    private static final int WARM_SECONDS = 60;
    private static final int WARM_PEAK_SECONDS = 20;
    /** The bench's own JVM: the load client, the broker and mongo-java-server. */
    private static final String THIS_PROCESS = "bench";

    private static final int WARM_RATE = 300;

    /** Sessions offered at a fixed rate; continues where the previous call stopped. */
    private static final class Offer {
        private final HttpClient http;
        private final Service ingestion;
        private final String run;
        private final int athletes;
        private final Instant firstDay;
        private final int[] reports;
        private long sent;

        Offer(HttpClient http, Service ingestion, String run, int athletes, Instant firstDay) {
            this.http = http;
            this.ingestion = ingestion;
            this.run = run;
            this.athletes = athletes;
            this.firstDay = firstDay;
            this.reports = new int[athletes];
        }

        /** Offers {@code rate}/s for {@code seconds}; puts the 202 time of each report's key; returns sessions sent. */
        long send(int rate, int seconds, Map<String, Long> accepted) throws Exception {
            int perTick = Math.max(1, rate / 20);
            long before = sent;
            long start = System.nanoTime();
            long ticks = seconds * 20L;
            for (long tick = 0; tick < ticks; tick++) {
                long due = start + tick * 50_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                StringBuilder body = new StringBuilder("[");
                List<String> keys = new ArrayList<>();
                for (int i = 0; i < perTick; i++, sent++) {
                    int a = (int) (sent % athletes);
                    boolean report = sent % 5 == 0;
                    if (report) {
                        keys.add("e2e-" + run + "-" + a + "#" + (++reports[a]));
                    }
                    body.append(i == 0 ? "" : ",")
                            .append(session(
                                    run,
                                    sent,
                                    "e2e-" + run + "-" + a,
                                    report,
                                    firstDay.plus(Duration.ofDays(sent / athletes))));
                }
                body.append(']');
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(ingestion.url("/v1/sessions")))
                                .header("X-Api-Key", TENANT_KEY)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                if (r.statusCode() == 202) {
                    keys.forEach(k -> accepted.put(k, now));
                } else {
                    System.out.println("POST /v1/sessions: " + r.statusCode() + " " + r.body());
                }
            }
            return sent - before;
        }
    }

    private static String session(String run, long n, String athlete, boolean report, Instant performedAt) {
        String pain = report
                ? ",\"painReports\":[{\"region\":\"KNEE\",\"side\":\"BILATERAL\",\"quality\":\"ACHING\","
                        + "\"intensity\":2,\"onset\":\"NEXT_DAY\",\"hoursSinceOnset\":20,\"trend\":\"IMPROVING\"}]"
                : "";
        return "{\"sessionId\":\"e2e-" + run + "-" + n + "\",\"athleteId\":\"" + athlete + "\",\"performedAt\":\""
                + performedAt
                + "\",\"durationMinutes\":45,\"sessionRpe\":6,"
                + "\"sets\":[{\"exercise\":\"LEG_PRESS\",\"reps\":10,\"loadKg\":140,\"rpe\":7},"
                + "{\"exercise\":\"HIP_THRUST\",\"reps\":10,\"loadKg\":100,\"rir\":3}]" + pain + "}";
    }

    private static String table(
            int eventBytes,
            IngestBench.Comparison comparison,
            int clients,
            int batch,
            int e2eSeconds,
            List<Latency> e2e,
            List<Service> services,
            Map<String, Long> rss) {
        StringBuilder t = new StringBuilder();
        t.append("# Benchmark results\n\n");
        t.append(String.format(
                Locale.ROOT,
                "Measured %s on %d cores, Java %s; everything (load client, broker, "
                        + "mongo-java-server, the four services) on this machine. Command: `bench/run.sh`.%n%n",
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC",
                Runtime.getRuntime().availableProcessors(),
                Runtime.version().feature()));
        IngestBench.Ceiling perf = comparison.median().ceiling();
        IngestBench.Result ingest = comparison.median().ingest();
        double ceiling = perf.recordsPerSecond();
        double ingestRate = comparison.median().rate();
        t.append("| measure | value | goal |\n|---|---|---|\n");
        t.append(String.format(
                Locale.ROOT,
                "| Kafka ProducerPerformance (%d B records, acks=all, lz4; the median of %d rounds of it and the ingest run in turn) | %.0f records/s | |%n",
                eventBytes,
                comparison.rounds().size(),
                ceiling));
        t.append(String.format(
                Locale.ROOT,
                "| ... CPU us per record: ProducerPerformance / the bench's JVM (broker) | %s | |%n",
                perf.cpuPerRecord()));
        t.append(String.format(
                Locale.ROOT,
                "| ingest, POST /v1/sessions (%d clients x %d sessions; ingestion running alone) | %.0f sessions/s | |%n",
                clients,
                batch,
                ingestRate));
        t.append(String.format(
                Locale.ROOT,
                "| ingest / producer ceiling (every round's) | %.0f%% (%s) | >= 50%% %s |%n",
                100 * ingestRate / ceiling,
                comparison.ratios(),
                100 * ingestRate / ceiling >= 50 ? "(met)" : "(not met)"));
        t.append(String.format(
                Locale.ROOT,
                "| ... for reference, ProducerPerformance with the service's own events as records (they compress, random records do not); ingest / that | %.0f records/s; %.0f%% | |%n",
                comparison.sameEvents().recordsPerSecond(),
                100 * ingestRate / comparison.sameEvents().recordsPerSecond()));
        t.append(String.format(
                Locale.ROOT,
                "| ingest batch latency p50 / p99 | %d ms / %d ms | |%n",
                ingest.percentile(50),
                ingest.percentile(99)));
        t.append(String.format(
                Locale.ROOT,
                "| ... CPU us per session: session-ingestion / the bench's JVM (load client, broker, mongo-java-server) | %s | |%n",
                ingest.cpuPerSession()));
        for (Latency e : e2e) {
            boolean goal = e.offeredRate() >= 1000;
            t.append(String.format(
                    Locale.ROOT,
                    "| end to end (202 -> coach's live stream) at %d sessions/s for %d s: p50 / p99 / max | %d ms / %d ms / %d ms | %s |%n",
                    e.offeredRate(),
                    e2eSeconds,
                    e.percentile(50),
                    e.percentile(99),
                    e.percentile(100),
                    !goal
                            ? ""
                            : "p99 < 250 ms "
                                    + (e.missing() == 0 && e.percentile(99) >= 0 && e.percentile(99) < 250
                                            ? "(met)"
                                            : "(not met)")));
            t.append(String.format(
                    Locale.ROOT,
                    "| ... achieved rate, samples, not arrived within 60 s | %.0f sessions/s, %d, %d | |%n",
                    e.achievedRate(),
                    e.samples(),
                    e.missing()));
            StringBuilder cpu = new StringBuilder();
            for (Service s : services) {
                cpu.append(cpu.isEmpty() ? "" : " / ")
                        .append(String.format(
                                Locale.ROOT, "%.2f", 1000 * e.cpuSeconds().get(s.name()) / Math.max(1, e.sessions())));
            }
            cpu.append(String.format(
                    Locale.ROOT, " / %.2f", 1000 * e.cpuSeconds().get(THIS_PROCESS) / Math.max(1, e.sessions())));
            t.append(String.format(
                    Locale.ROOT,
                    "| ... CPU ms per session: ingestion / risk / planning / notifications / the bench's JVM (load client, broker, mongo-java-server) | %s | |%n",
                    cpu));
        }
        for (Service s : services) {
            t.append(String.format(
                    Locale.ROOT,
                    "| %s: start to ready / RSS after the runs | %d ms / %d MiB | |%n",
                    s.name(),
                    s.startMillis(),
                    rss.get(s.name()) / 1024));
        }
        return t.toString();
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private SystemBench() {}
}
