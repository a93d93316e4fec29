package com.liftguard.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker in KRaft mode (one node that is both broker and controller), running in
 * this JVM. Tests share one per JVM ({@link #shared()}); the local run starts one in its own process
 * ({@link LocalInfraMain}).
 */
public final class KafkaBroker implements AutoCloseable {

    /**
     * @param port client port on 127.0.0.1, 0 for any free port
     * @param dataDir kept across restarts (formatted only the first time), or null for a temporary
     *     directory deleted on close
     * @param defaultPartitions partitions of a topic the broker creates on first use
     * @param extraProperties broker properties applied last, so they win over the defaults here
     */
    public record Options(int port, Path dataDir, int defaultPartitions, Map<String, String> extraProperties) {
        public Options {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (any) or 1..65535, not " + port);
            }
            if (defaultPartitions < 1) {
                throw new IllegalArgumentException("defaultPartitions must be at least 1, not " + defaultPartitions);
            }
            extraProperties = extraProperties == null ? Map.of() : Map.copyOf(extraProperties);
        }

        public static Options defaults() {
            return new Options(0, null, 3, Map.of());
        }

        public Options withPort(int p) {
            return new Options(p, dataDir, defaultPartitions, extraProperties);
        }

        public Options withDataDir(Path dir) {
            return new Options(port, dir, defaultPartitions, extraProperties);
        }

        public Options withDefaultPartitions(int partitions) {
            return new Options(port, dataDir, partitions, extraProperties);
        }

        public Options withExtraProperties(Map<String, String> properties) {
            return new Options(port, dataDir, defaultPartitions, properties);
        }
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private static KafkaBroker shared;

    /** Null for a handle on the broker that another class loader runs (see {@link JvmWide}). */
    private final KafkaRaftServer server;

    private final String bootstrapServers;
    private final Path dataDir;
    private final boolean temporary;
    private boolean closed;

    private KafkaBroker(KafkaRaftServer server, String bootstrapServers, Path dataDir, boolean temporary) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.dataDir = dataDir;
        this.temporary = temporary;
    }

    /**
     * One broker for the whole JVM, started on first use and stopped when the JVM exits. Closing it
     * does nothing: other test classes still use it.
     */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            var elsewhere = JvmWide.addressFromSystemLoader(KafkaBroker.class, "bootstrapServers");
            if (elsewhere.isPresent()) {
                shared = new KafkaBroker(null, elsewhere.get(), null, false);
            } else {
                KafkaBroker broker = start(Options.defaults());
                Thread hook = new Thread(broker::stop, "kafka-broker-shutdown");
                hook.setContextClassLoader(KafkaBroker.class.getClassLoader());
                Runtime.getRuntime().addShutdownHook(hook);
                shared = new KafkaBroker(null, broker.bootstrapServers(), null, false);
            }
        }
        return shared;
    }

    /** Formats storage when needed, starts the broker and returns once it answers a client request. */
    public static KafkaBroker start(Options options) {
        QuietLogs.warnOnly(QuietLogs.KAFKA);
        // Kafka and Log4j load classes by name through the context class loader, and the broker's threads
        // inherit it; under Quarkus that loader can hold other copies of the same classes, which fails
        // with NoSuchMethodException and ClassCastException deep inside the broker
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try {
            return startWithOwnClassLoader(options);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static KafkaBroker startWithOwnClassLoader(Options options) {
        boolean temporary = options.dataDir() == null;
        Path dataDir;
        try {
            dataDir = temporary
                    ? Files.createTempDirectory("liftguard-kafka-")
                    : options.dataDir().toAbsolutePath();
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka data directory", e);
        }
        KafkaRaftServer server = null;
        try {
            int port = options.port() == 0 ? freePort() : options.port();
            Properties props = properties(port, freePort(), dataDir, options);
            format(writeConfig(props, dataDir), dataDir);
            server = new KafkaRaftServer(new KafkaConfig(props, false), Time.SYSTEM);
            server.startup();
            KafkaBroker broker = new KafkaBroker(server, "127.0.0.1:" + port, dataDir, temporary);
            broker.awaitReady();
            return broker;
        } catch (RuntimeException | Error e) {
            if (server != null) {
                stopQuietly(server, e);
            }
            if (temporary) {
                deleteRecursively(dataDir);
            }
            throw e;
        }
    }

    private static Properties properties(int port, int controllerPort, Path dataDir, Options options) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        // loopback only: the local run must not be reachable from the network
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dataDir.resolve("logs").toString());
        p.put("num.partitions", Integer.toString(options.defaultPartitions()));
        p.put("auto.create.topics.enable", "true");
        // internal topics default to 3 replicas, which one node can never hold
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // the first consumer group or transaction creates these topics; 50 partitions each (the default)
        // costs seconds on two cores for no benefit on one node
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        // a test's consumer is alone in its group: no point waiting for others to join
        p.put("group.initial.rebalance.delay.ms", "0");
        // fewer idle threads on a small machine that also runs the services under test
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        p.put("group.coordinator.threads", "1");
        p.put("log.cleaner.threads", "1");
        options.extraProperties().forEach(p::put);
        return p;
    }

    // StorageTool reads a file; it stays beside the logs so that the last start's settings can be looked up
    private static Path writeConfig(Properties props, Path dataDir) {
        Path configFile = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(configFile)) {
            props.store(out, "written by liftguard local-infra on each start; editing it changes nothing");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return configFile;
    }

    /** Formats the log directory unless it already holds a cluster (the local run restarting). */
    private static void format(Path configFile, Path dataDir) {
        if (Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exit = StorageTool.execute(
                    new String[] {
                        "format",
                        "--cluster-id",
                        Uuid.randomUuid().toString(),
                        "--config",
                        configFile.toString(),
                        "--ignore-formatted"
                    },
                    out);
        }
        if (exit != 0) {
            throw new IllegalStateException(
                    "formatting Kafka storage failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    // startup() returns once the broker is unfenced, but a client is the only proof that it serves requests
    private void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster()
                            .nodes()
                            .get(5, TimeUnit.SECONDS)
                            .isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers + " not ready in " + READY_TIMEOUT, last);
    }

    /** Creates the topics that do not exist yet; existing ones are left as they are. */
    public static void createTopics(String bootstrapServers, int partitions, String... names) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers))) {
            List<NewTopic> topics = Stream.of(names)
                    .map(n -> new NewTopic(n, partitions, (short) 1))
                    .toList();
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + entry.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topics timed out", e);
        }
    }

    private static Map<String, Object> adminConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "liftguard-local-infra");
        return config;
    }

    /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    Path dataDir() {
        return dataDir;
    }

    /** Stops the broker and waits for it; a temporary data directory is deleted. */
    @Override
    public void close() {
        if (server != null) {
            stop();
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (temporary) {
                deleteRecursively(dataDir);
            }
        }
    }

    private static void stopQuietly(KafkaRaftServer server, Throwable cause) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        // after a failed start the broker's own fatal-error shutdown may still be writing checkpoints
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a file vanished during the walk: the next attempt sees the rest
            }
            if (Files.exists(dir)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
