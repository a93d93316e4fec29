package com.liftguard.bench;

import com.liftguard.infra.EmbeddedMongo;
import com.liftguard.infra.KafkaBroker;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Ingest throughput against Kafka's own ceiling, on one broker: first Kafka's ProducerPerformance with
 * records the size of a session event (acks=all), then the packaged session-ingestion service taking
 * batches of sessions over HTTP for a fixed time. Prints both and their ratio (goal: at least 50%).
 *
 * <p>Arguments: {@code --seconds 10 --rounds 3 --clients 4 --batch 500 --sets 8 --perf-records 300000}: each
 * of the rounds runs the producer and then the service for {@code seconds}; the median round is reported.
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 10);
        int clients = intArg(args, "--clients", 4);
        int batch = intArg(args, "--batch", 500);
        int sets = intArg(args, "--sets", 8);
        int perfRecords = intArg(args, "--perf-records", 300_000);
        int rounds = intArg(args, "--rounds", 3);
        Path root = Path.of(System.getProperty("liftguard.root", "."))
                .toAbsolutePath()
                .normalize();

        System.out.printf(
                "liftguard ingest benchmark: %d s, %d clients, batches of %d sessions with %d sets each%n",
                seconds, clients, batch, sets);
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Options.defaults());
                EmbeddedMongo mongo = EmbeddedMongo.start(0, null)) {
            int port = freePort();
            Path log = Files.createTempFile("bench-ingestion", ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
            String extra = System.getenv()
                    .getOrDefault("LIFTGUARD_BENCH_SERVICE_OPTS", "")
                    .trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of(
                    "-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                    "-Dquarkus.mongodb.connection-string=" + mongo.connectionString(),
                    "-Dliftguard.tenants.bench.api-keys=bench-key",
                    "-Dquarkus.log.level=WARN",
                    "-jar",
                    root.resolve("services/session-ingestion/target/quarkus-app/quarkus-run.jar")
                            .toString()));
            Process service = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                awaitReady(port, service, log);
                Result warm = post(port, clients, batch, sets, Math.max(5, seconds), "warm", service.pid());
                // the ceiling: Kafka's own producer on the same broker, with records the size of the events the
                // service published in the warm-up; a first run warms the broker up and is not counted
                List<byte[]> events = publishedEvents(broker.bootstrapServers(), 1000);
                int eventBytes = events.get(0).length;
                Comparison comparison = compare(
                        broker.bootstrapServers(),
                        mongo,
                        port,
                        service.pid(),
                        clients,
                        batch,
                        sets,
                        seconds,
                        rounds,
                        perfRecords,
                        events);
                Round median = comparison.median();
                System.out.println();
                System.out.println("| measure (median of " + rounds + " rounds) | value |");
                System.out.println("|---|---|");
                System.out.printf(
                        Locale.ROOT,
                        "| Kafka ProducerPerformance (%d B records = one session event, acks=all, lz4) | %.0f records/s |%n",
                        eventBytes,
                        median.ceiling().recordsPerSecond());
                System.out.printf(
                        Locale.ROOT,
                        "| session-ingestion, POST /v1/sessions (%d x %d, %d sets each) | %.0f sessions/s |%n",
                        clients,
                        batch,
                        sets,
                        median.rate());
                System.out.printf(
                        Locale.ROOT,
                        "| ratio (goal >= 50%%); every round's | %.0f%%; %s |%n",
                        100 * median.ratio(),
                        comparison.ratios());
                System.out.printf(
                        Locale.ROOT,
                        "| CPU us per record, ProducerPerformance / broker JVM | %s |%n",
                        median.ceiling().cpuPerRecord());
                System.out.printf(
                        Locale.ROOT,
                        "| ProducerPerformance with the service's own events as records; ingest / that | %.0f records/s; %.0f%% |%n",
                        comparison.sameEvents().recordsPerSecond(),
                        100 * median.rate() / comparison.sameEvents().recordsPerSecond());
                System.out.printf(
                        Locale.ROOT,
                        "| CPU us per session, session-ingestion / bench JVM (client, broker, mongo-java-server) | %s |%n",
                        median.ingest().cpuPerSession());
                System.out.printf(
                        Locale.ROOT,
                        "| batch latency p50 / p99 | %d ms / %d ms |%n",
                        median.ingest().percentile(50),
                        median.ingest().percentile(99));
                System.out.printf(
                        Locale.ROOT, "| failed requests | %d (warm-up %d) |%n", comparison.failures(), warm.failures);
            } finally {
                service.destroy();
                service.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /** One round: Kafka's own producer on the broker, then the service for a fixed time. */
    record Round(Ceiling ceiling, Result ingest) {
        double rate() {
            return ingest.sessions() / ingest.seconds();
        }

        double ratio() {
            return rate() / ceiling.recordsPerSecond();
        }
    }

    /** Rounds of the two measurements taken in turn: on a shared machine one pair of runs moves by a quarter. */
    record Comparison(List<Round> rounds, Ceiling sameEvents) {
        /** The round with the median ratio. */
        Round median() {
            List<Round> sorted = rounds.stream()
                    .sorted(Comparator.comparingDouble(Round::ratio))
                    .toList();
            return sorted.get((sorted.size() - 1) / 2);
        }

        String ratios() {
            return String.join(
                    ", ",
                    rounds.stream()
                            .map(r -> String.format(Locale.ROOT, "%.0f%%", 100 * r.ratio()))
                            .toList());
        }

        long failures() {
            return rounds.stream().mapToLong(r -> r.ingest().failures()).sum();
        }
    }

    /**
     * The ceiling and the service, {@code rounds} times in turn on the same broker, after one producer run that
     * warms the broker up and is not counted. The records are the size of the events the service publishes.
     */
    static Comparison compare(
            String bootstrap,
            EmbeddedMongo mongo,
            int port,
            long servicePid,
            int clients,
            int batch,
            int sets,
            int seconds,
            int rounds,
            int perfRecords,
            List<byte[]> events)
            throws Exception {
        int eventBytes = events.get(0).length;
        producerPerformance(bootstrap, Math.max(50_000, perfRecords / 3), eventBytes);
        List<Round> done = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            // mongo-java-server keeps what the service stored in this JVM's heap, beside the broker: hundreds of
            // megabytes a round, whose garbage collection would slow the next rounds' broker down
            mongo.deleteAll(INGESTION_DATABASE, "sessions_received");
            Ceiling ceiling = producerPerformance(bootstrap, perfRecords, eventBytes);
            Result ingest = post(port, clients, batch, sets, seconds, "run" + r, servicePid);
            System.out.printf(
                    Locale.ROOT,
                    "round %d: ProducerPerformance %.0f records/s, ingest %.0f sessions/s (%.0f%%)%n",
                    r + 1,
                    ceiling.recordsPerSecond(),
                    ingest.sessions() / ingest.seconds(),
                    100 * ingest.sessions() / ingest.seconds() / ceiling.recordsPerSecond());
            done.add(new Round(ceiling, ingest));
        }
        // and after the last round: the end-to-end run that follows shares this heap with the broker
        mongo.deleteAll(INGESTION_DATABASE, "sessions_received");
        System.gc();
        // for reference: the producer sending the service's own events, which compress as the service's do
        // (ProducerPerformance's random records do not), so the broker's share per record is the same
        Ceiling same = producerPerformance(bootstrap, perfRecords, payloadFile(events));
        System.out.printf(
                Locale.ROOT,
                "ProducerPerformance with the service's events as records: %.0f records/s%n",
                same.recordsPerSecond());
        return new Comparison(done, same);
    }

    /**
     * One timed run of posting: sessions accepted, and the CPU seconds the service and this JVM (load client,
     * broker, mongo-java-server) used meanwhile.
     */
    record Result(
            long sessions,
            double seconds,
            long failures,
            List<Long> latenciesMs,
            double serviceCpuSeconds,
            double benchCpuSeconds) {
        /** CPU microseconds per accepted session: the service's, this JVM's. */
        String cpuPerSession() {
            return String.format(
                    Locale.ROOT,
                    "%.1f / %.1f",
                    1e6 * serviceCpuSeconds / Math.max(1, sessions),
                    1e6 * benchCpuSeconds / Math.max(1, sessions));
        }

        long percentile(int p) {
            if (latenciesMs.isEmpty()) {
                return 0;
            }
            List<Long> sorted = latenciesMs.stream().sorted().toList();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    /** session-ingestion's MongoDB database (its {@code quarkus.mongodb.database}). */
    static final String INGESTION_DATABASE = "liftguard-ingestion";

    private static final String HEADERS = "X-Api-Key: bench-key\r\nContent-Type: application/json\r\n";

    static Result post(int port, int clients, int batch, int sets, int seconds, String phase, long servicePid)
            throws Exception {
        double serviceCpu = cpuSeconds(servicePid);
        double benchCpu = ownCpuSeconds();
        AtomicLong sessions = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                long n = 0;
                // every session of a run has the same sets; only the ids differ, so bodies are assembled from
                // pre-encoded bytes and the client spends its CPU on sending, not on formatting JSON
                byte[] tail = sessionJson("", "", sets)
                        .substring(sessionJson("", "", sets).indexOf("\",\"performedAt\""))
                        .getBytes(StandardCharsets.UTF_8);
                byte[] idOpen = "{\"sessionId\":\"".getBytes(StandardCharsets.UTF_8);
                byte[] athleteOpen = "\",\"athleteId\":\"".getBytes(StandardCharsets.UTF_8);
                ByteArrayOutputStream out = new ByteArrayOutputStream(batch * (tail.length + 64));
                PlainHttp http = new PlainHttp("127.0.0.1", port, 30_000);
                while (System.nanoTime() < end) {
                    out.reset();
                    out.write('[');
                    for (int i = 0; i < batch; i++) {
                        if (i > 0) {
                            out.write(',');
                        }
                        out.writeBytes(idOpen);
                        out.writeBytes((phase + "-" + client + "-" + n++).getBytes(StandardCharsets.US_ASCII));
                        out.writeBytes(athleteOpen);
                        out.writeBytes(("athlete-" + (n % 1000)).getBytes(StandardCharsets.US_ASCII));
                        out.writeBytes(tail);
                    }
                    out.write(']');
                    byte[] body = out.toByteArray();
                    long t0 = System.nanoTime();
                    try {
                        PlainHttp.Answer answer = http.post("/v1/sessions", HEADERS, body);
                        if (answer.status() == 202) {
                            sessions.addAndGet(batch);
                            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    }
                }
                http.close();
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(
                sessions.get(),
                elapsed,
                failures.get(),
                List.copyOf(latencies),
                cpuSeconds(servicePid) - serviceCpu,
                ownCpuSeconds() - benchCpu);
    }

    static String sessionJson(String sessionId, String athleteId, int sets) {
        StringBuilder s = new StringBuilder(900);
        s.append("{\"sessionId\":\"")
                .append(sessionId)
                .append("\",\"athleteId\":\"")
                .append(athleteId)
                .append("\",\"performedAt\":\"2026-11-20T18:30:00+01:00\",\"durationMinutes\":65,\"sessionRpe\":7.5,")
                .append("\"wellness\":{\"sleepHours\":7.5,\"sleepQuality\":4,\"stress\":2},\"sets\":[");
        for (int i = 0; i < sets; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(
                    i % 2 == 0
                            ? "{\"exercise\":\"BACK_SQUAT\",\"variant\":\"HIGH_BAR\",\"reps\":5,\"loadKg\":120,\"rpe\":8,\"tempo\":\"3-1-1\",\"belt\":true}"
                            : "{\"exercise\":\"DEADLIFT\",\"variant\":\"CONVENTIONAL\",\"reps\":3,\"loadKg\":160,\"rir\":2}");
        }
        return s.append("]}").toString();
    }

    /** The size of one session event as the service published it. */
    /** Up to {@code max} session events the service published, from the start of the topic. */
    static List<byte[]> publishedEvents(String bootstrap, int max) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrap,
                "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"))) {
            var partitions = consumer.partitionsFor("liftguard.sessions.v1").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<byte[]> events = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && events.size() < max) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (events.size() < max) {
                        events.add(record.value());
                    }
                }
                if (!events.isEmpty()
                        && events.size() < max
                        && consumer.poll(Duration.ZERO).isEmpty()) {
                    break;
                }
            }
            if (events.isEmpty()) {
                throw new IllegalStateException("no session event on liftguard.sessions.v1 after the warm-up");
            }
            return events;
        }
    }

    /** The events as a ProducerPerformance payload file: one per line (the events are single-line JSON). */
    static Path payloadFile(List<byte[]> events) throws IOException {
        Path file = Files.createTempFile("bench-events", ".jsonl");
        try (var out = Files.newOutputStream(file)) {
            for (byte[] event : events) {
                out.write(event);
                out.write('\n');
            }
        }
        file.toFile().deleteOnExit();
        return file;
    }

    /** Kafka's ProducerPerformance: records/s, and CPU seconds of its process and of this JVM (the broker). */
    record Ceiling(double recordsPerSecond, int records, double producerCpuSeconds, double brokerCpuSeconds) {
        /** CPU microseconds per record: the producer's, this JVM's. */
        String cpuPerRecord() {
            return String.format(
                    Locale.ROOT, "%.1f / %.1f", 1e6 * producerCpuSeconds / records, 1e6 * brokerCpuSeconds / records);
        }
    }

    static Ceiling producerPerformance(String bootstrap, int records, int recordBytes) throws Exception {
        return producerPerformance(bootstrap, records, List.of("--record-size", Integer.toString(recordBytes)));
    }

    /** ProducerPerformance sending records drawn from a payload file (one record per line) instead of random bytes. */
    static Ceiling producerPerformance(String bootstrap, int records, Path payloadFile) throws Exception {
        return producerPerformance(bootstrap, records, List.of("--payload-file", payloadFile.toString()));
    }

    private static Ceiling producerPerformance(String bootstrap, int records, List<String> payload) throws Exception {
        String classpath = System.getProperty("java.class.path");
        double benchCpu = ownCpuSeconds();
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-cp",
                classpath,
                "org.apache.kafka.tools.ProducerPerformance",
                "--topic",
                "bench-producer-performance",
                "--num-records",
                Integer.toString(records)));
        command.addAll(payload);
        command.addAll(List.of(
                "--throughput",
                "-1",
                "--producer-props",
                "bootstrap.servers=" + bootstrap,
                "acks=all",
                "linger.ms=5",
                "batch.size=262144",
                "compression.type=lz4"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = null;
        double producerCpu = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.contains("records sent")) {
                    last = line;
                    // the summary is its last line: what it used up to here is what the run cost
                    producerCpu = cpuSeconds(p.pid());
                }
            }
        }
        double brokerCpu = ownCpuSeconds() - benchCpu;
        p.waitFor(5, TimeUnit.MINUTES);
        if (last == null) {
            throw new IllegalStateException("ProducerPerformance printed no result");
        }
        System.out.println("ProducerPerformance: " + last.trim());
        Matcher m = Pattern.compile("([0-9.]+) records/sec").matcher(last);
        if (!m.find()) {
            throw new IllegalStateException("cannot read records/sec from: " + last);
        }
        return new Ceiling(Double.parseDouble(m.group(1)), records, producerCpu, brokerCpu);
    }

    /** CPU seconds (user + system) a process has used so far; -1 where /proc is not there or it has gone. */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name; clock ticks of 1/100 s
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds this JVM has used so far. */
    static double ownCpuSeconds() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : -1;
    }

    private static void awaitReady(int port, Process service, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("session-ingestion exited:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException("session-ingestion not ready in 90 s; log: " + log);
    }

    static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private IngestBench() {}
}
