package com.liftguard.bench;

import com.liftguard.infra.EmbeddedMongo;
import com.liftguard.infra.KafkaBroker;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ingest throughput against Kafka's own ceiling, on one broker: first Kafka's ProducerPerformance with
 * records the size of a session event (acks=all), then the packaged session-ingestion service taking
 * batches of sessions over HTTP for a fixed time. Prints both and their ratio (goal: at least 50%).
 *
 * <p>Arguments: {@code --seconds 30 --clients 4 --batch 500 --sets 8 --perf-records 300000}.
 */
public final class IngestBench {

    public static void main(String[] args) throws Exception {
        int seconds = intArg(args, "--seconds", 30);
        int clients = intArg(args, "--clients", 4);
        int batch = intArg(args, "--batch", 500);
        int sets = intArg(args, "--sets", 8);
        int perfRecords = intArg(args, "--perf-records", 300_000);
        Path root = Path.of(System.getProperty("liftguard.root", ".")).toAbsolutePath().normalize();

        System.out.printf("liftguard ingest benchmark: %d s, %d clients, batches of %d sessions with %d sets each%n",
                seconds, clients, batch, sets);
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Options.defaults());
             EmbeddedMongo mongo = EmbeddedMongo.start(0, null)) {
            int port = freePort();
            Path log = Files.createTempFile("bench-ingestion", ".log");
            List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
            String extra = System.getenv().getOrDefault("LIFTGUARD_BENCH_SERVICE_OPTS", "").trim();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(List.of(
                    "-Dquarkus.http.port=" + port,
                    "-Dkafka.bootstrap.servers=" + broker.bootstrapServers(),
                    "-Dquarkus.mongodb.connection-string=" + mongo.connectionString(),
                    "-Dliftguard.tenants.bench.api-keys=bench-key",
                    "-Dquarkus.log.level=WARN",
                    "-jar", root.resolve("services/session-ingestion/target/quarkus-app/quarkus-run.jar").toString()));
            Process service = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                awaitReady(port, service, log);
                Result warm = post(port, clients, batch, sets, Math.max(3, seconds / 6), "warm", service.pid());
                // the ceiling: Kafka's own producer on the same broker, with records the size of the events the
                // service published in the warm-up; a first run warms the broker up and is not counted
                int eventBytes = publishedEventSize(broker.bootstrapServers());
                producerPerformance(broker.bootstrapServers(), Math.max(50_000, perfRecords / 3), eventBytes);
                Ceiling ceiling = producerPerformance(broker.bootstrapServers(), perfRecords, eventBytes);
                Result run = post(port, clients, batch, sets, seconds, "run", service.pid());
                double rate = run.sessions / run.seconds;
                System.out.println();
                System.out.println("| measure | value |");
                System.out.println("|---|---|");
                System.out.printf(Locale.ROOT, "| Kafka ProducerPerformance (%d B records = one session event, acks=all, lz4) | %.0f records/s |%n",
                        eventBytes, ceiling.recordsPerSecond());
                System.out.printf(Locale.ROOT, "| session-ingestion, POST /v1/sessions (%d x %d, %d sets each) | %.0f sessions/s |%n",
                        clients, batch, sets, rate);
                System.out.printf(Locale.ROOT, "| ratio (goal >= 50%%) | %.0f%% |%n", 100 * rate / ceiling.recordsPerSecond());
                System.out.printf(Locale.ROOT, "| CPU us per record, ProducerPerformance / broker JVM | %s |%n", ceiling.cpuPerRecord());
                System.out.printf(Locale.ROOT, "| CPU us per session, session-ingestion / bench JVM (client, broker, mongo-java-server) | %s |%n",
                        run.cpuPerSession());
                System.out.printf(Locale.ROOT, "| batch latency p50 / p99 | %d ms / %d ms |%n",
                        run.percentile(50), run.percentile(99));
                System.out.printf(Locale.ROOT, "| failed requests | %d (warm-up %d) |%n", run.failures, warm.failures);
            } finally {
                service.destroy();
                service.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * One timed run of posting: sessions accepted, and the CPU seconds the service and this JVM (load client,
     * broker, mongo-java-server) used meanwhile.
     */
    record Result(long sessions, double seconds, long failures, List<Long> latenciesMs, double serviceCpuSeconds,
                  double benchCpuSeconds) {
        /** CPU microseconds per accepted session: the service's, this JVM's. */
        String cpuPerSession() {
            return String.format(Locale.ROOT, "%.1f / %.1f", 1e6 * serviceCpuSeconds / Math.max(1, sessions),
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

    private static final String HEADERS = "X-Api-Key: bench-key\r\nContent-Type: application/json\r\n";

    static Result post(int port, int clients, int batch, int sets, int seconds, String phase, long servicePid)
            throws Exception {
        double serviceCpu = cpuSeconds(servicePid);
        double benchCpu = ownCpuSeconds();
        AtomicLong sessions = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
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
                byte[] tail = sessionJson("", "", sets).substring(sessionJson("", "", sets).indexOf("\",\"performedAt\""))
                        .getBytes(StandardCharsets.UTF_8);
                byte[] idOpen = "{\"sessionId\":\"".getBytes(StandardCharsets.UTF_8);
                byte[] athleteOpen = "\",\"athleteId\":\"".getBytes(StandardCharsets.UTF_8);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(batch * (tail.length + 64));
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
        return new Result(sessions.get(), elapsed, failures.get(), List.copyOf(latencies),
                cpuSeconds(servicePid) - serviceCpu, ownCpuSeconds() - benchCpu);
    }

    static String sessionJson(String sessionId, String athleteId, int sets) {
        StringBuilder s = new StringBuilder(900);
        s.append("{\"sessionId\":\"").append(sessionId).append("\",\"athleteId\":\"").append(athleteId)
                .append("\",\"performedAt\":\"2026-11-20T18:30:00+01:00\",\"durationMinutes\":65,\"sessionRpe\":7.5,")
                .append("\"wellness\":{\"sleepHours\":7.5,\"sleepQuality\":4,\"stress\":2},\"sets\":[");
        for (int i = 0; i < sets; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(i % 2 == 0
                    ? "{\"exercise\":\"BACK_SQUAT\",\"variant\":\"HIGH_BAR\",\"reps\":5,\"loadKg\":120,\"rpe\":8,\"tempo\":\"3-1-1\",\"belt\":true}"
                    : "{\"exercise\":\"DEADLIFT\",\"variant\":\"CONVENTIONAL\",\"reps\":3,\"loadKg\":160,\"rir\":2}");
        }
        return s.append("]}").toString();
    }

    /** The size of one session event as the service published it. */
    static int publishedEventSize(String bootstrap) {
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                     new org.apache.kafka.clients.consumer.KafkaConsumer<>(java.util.Map.of(
                             "bootstrap.servers", bootstrap,
                             "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                             "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"))) {
            var partitions = consumer.partitionsFor("liftguard.sessions.v1").stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    return record.value().length;
                }
            }
            throw new IllegalStateException("no session event on liftguard.sessions.v1 after the warm-up");
        }
    }

    /** Runs Kafka's ProducerPerformance in its own JVM (it calls System.exit) and returns its records/s. */
    /** Kafka's ProducerPerformance: records/s, and CPU seconds of its process and of this JVM (the broker). */
    record Ceiling(double recordsPerSecond, int records, double producerCpuSeconds, double brokerCpuSeconds) {
        /** CPU microseconds per record: the producer's, this JVM's. */
        String cpuPerRecord() {
            return String.format(Locale.ROOT, "%.1f / %.1f", 1e6 * producerCpuSeconds / records,
                    1e6 * brokerCpuSeconds / records);
        }
    }

    static Ceiling producerPerformance(String bootstrap, int records, int recordBytes) throws Exception {
        String classpath = System.getProperty("java.class.path");
        double benchCpu = ownCpuSeconds();
        Process p = new ProcessBuilder(javaBinary(), "-cp", classpath, "org.apache.kafka.tools.ProducerPerformance",
                "--topic", "bench-producer-performance", "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(recordBytes), "--throughput", "-1",
                "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all", "linger.ms=5",
                "batch.size=262144", "compression.type=lz4")
                .redirectErrorStream(true).start();
        String last = null;
        double producerCpu = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
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
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
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
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/q/health/ready")).build(),
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
        return ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + File.separator
                + "bin" + File.separator + "java");
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

    private IngestBench() {
    }
}
