package com.liftguard.system;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service started as its own JVM, as an operator would run it. */
final class ServiceProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final Path jar;
    private final Map<String, String> properties;

    private ServiceProcess(String name, int port, Process process, Path log, Path jar, Map<String, String> properties) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
        this.jar = jar;
        this.properties = properties;
    }

    static ServiceProcess start(String name, Map<String, String> properties) throws IOException {
        Path jar = packagedJar(name);
        Path logs = Path.of(System.getProperty("liftguard.logs", "target/e2e-logs"));
        Files.createDirectories(logs);
        return launch(name, jar, properties, freePort(), logs.resolve(name + ".log"), false);
    }

    /**
     * Starts {@code jar} (a service's {@code quarkus-run.jar}, possibly a copy) on a given port, appending its
     * output to {@code log}; {@link #restart()} starts it again the same way.
     */
    static ServiceProcess start(String name, Path jar, Map<String, String> properties, int port, Path log)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        return launch(name, jar, properties, port, log, true);
    }

    /** The packaged service, {@code services/NAME/target/quarkus-app/quarkus-run.jar}; fails when it is missing. */
    static Path packagedJar(String name) {
        Path root = Path.of(System.getProperty("liftguard.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path jar = root.resolve("services").resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        return jar;
    }

    private static ServiceProcess launch(
            String name, Path jar, Map<String, String> properties, int port, Path log, boolean append)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-Dquarkus.http.port=" + port));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        append
                                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()))
                .start();
        return new ServiceProcess(name, port, process, log, jar, Map.copyOf(properties));
    }

    String name() {
        return name;
    }

    Process process() {
        return process;
    }

    /** kill -9 (SIGKILL), then waits until the operating system has reaped the process. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(15, TimeUnit.SECONDS) || process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    /**
     * SIGTERM, as Kubernetes stops a pod, and waits for the process to end: returns its exit code, or throws
     * if it is still running after {@code timeout} (the service's 30 s shutdown timeout plus a margin).
     */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(
                    name + " (pid " + process.pid() + ") did not stop within " + timeout + " of SIGTERM");
        }
        return process.exitValue();
    }

    /** The same service started again on the same port with the same settings; it must be dead already. */
    ServiceProcess restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running (pid " + process.pid() + ")");
        }
        Files.writeString(
                log,
                "%n=== %s: restarted after pid %d ended with exit code %d%n"
                        .formatted(Instant.now(), process.pid(), process.exitValue()),
                StandardOpenOption.APPEND);
        return launch(name, jar, properties, port, log, true);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up:\n" + tail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection)
                        URI.create(baseUrl() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ":\n" + tail());
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
