package com.liftguard.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Kafka broker (local-infra's, through {@link BrokerMain}) as a child process with a fixed port and
 * data directory, so that it can be killed and started again like a real broker. Each start logs to its
 * own file ({@code kafka-1.log}, {@code kafka-2.log}, ...).
 */
final class BrokerProcess implements AutoCloseable {
    private final int port;
    private final Path dataDir;
    private final Path logs;
    private Process process;
    private int starts;

    private BrokerProcess(int port, Path dataDir, Path logs) {
        this.port = port;
        this.dataDir = dataDir;
        this.logs = logs;
    }

    static BrokerProcess start(int port, Path dataDir, Path logs, Duration timeout) throws Exception {
        BrokerProcess broker = new BrokerProcess(port, dataDir, logs);
        broker.launch(timeout);
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    synchronized Process process() {
        return process;
    }

    /** kill -9, and waits until the operating system has reaped the process. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS) || process.isAlive()) {
            throw new IllegalStateException("the broker (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    /** Starts it again on the same port and data directory; it must have been stopped first. */
    synchronized void restart(Duration timeout) throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker is still running (pid " + process.pid() + ")");
        }
        launch(timeout);
    }

    private synchronized void launch(Duration timeout) throws Exception {
        Files.createDirectories(logs);
        Path log = logs.resolve("kafka-" + (++starts) + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:+UseSerialGC",
                "-cp",
                classpath(),
                BrokerMain.class.getName(),
                Integer.toString(port),
                dataDir.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).lines().anyMatch(l -> l.startsWith("READY "))) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited during start-up:\n" + Files.readString(log));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the broker did not start within " + timeout + ":\n" + Files.readString(log));
    }

    /**
     * This JVM's class path (the tests' class path under failsafe), plus local-infra's slf4j-simple when
     * it is there, so the broker logs warnings the way {@code ./liftguard run} does.
     */
    private static String classpath() throws IOException {
        String cp = System.getProperty("java.class.path");
        Path root = Path.of(System.getProperty("liftguard.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path lib = root.resolve("local-infra/target/lib");
        if (Files.isDirectory(lib) && !cp.contains("slf4j-simple")) {
            try (var jars = Files.list(lib)) {
                cp += jars.filter(p -> p.getFileName().toString().startsWith("slf4j-simple-"))
                        .findFirst()
                        .map(p -> File.pathSeparator + p)
                        .orElse("");
            }
        }
        return cp;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
