package com.liftguard.notifications.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The system's Chromium (Debian's {@code chromium} package), driven headless from the command line: no
 * WebDriver, no downloaded browser, nothing to fetch from the internet.
 */
final class HeadlessChromium {
    static final String SKIP_VARIABLE = "LIFTGUARD_SKIP_BROWSER";
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");
    private static final List<Path> KNOWN = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final Path binary;
    private final Path workDir;

    private HeadlessChromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /**
     * The browser, or the test fails saying how to install it; with {@code LIFTGUARD_SKIP_BROWSER=1} the test is
     * skipped instead, so that a machine that cannot have a browser can still run the rest of the suite.
     */
    static HeadlessChromium require(Path workDir) {
        Assumptions.assumeFalse(
                "1".equals(System.getenv(SKIP_VARIABLE)),
                SKIP_VARIABLE + "=1: the real-browser test of the coach page is skipped");
        Optional<Path> binary = find();
        if (binary.isEmpty()) {
            fail("No Chromium found (looked for " + NAMES + " on PATH and " + KNOWN + "). The coach page is tested in "
                    + "a real headless browser: './liftguard test' installs it (apt-get install -y chromium), or install "
                    + "it yourself; set " + SKIP_VARIABLE + "=1 to skip this test on a machine without a browser.");
        }
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new HeadlessChromium(binary.get(), workDir);
    }

    static Optional<Path> find() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        List<Path> candidates = new ArrayList<>();
        for (String name : NAMES) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        candidates.addAll(KNOWN);
        return candidates.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
                .findFirst();
    }

    /** The DOM after the page's scripts ran for {@code budgetMillis} of virtual time. */
    String dumpDom(String url, int budgetMillis) {
        Path out = workDir.resolve("dump-dom.html");
        run("dump-dom", List.of("--virtual-time-budget=" + budgetMillis, "--dump-dom", url), out);
        try {
            return Files.readString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PNG of the page's viewport after {@code budgetMillis} of virtual time. */
    void screenshot(String url, int budgetMillis, Path png) {
        try {
            Files.createDirectories(png.toAbsolutePath().getParent());
            Files.deleteIfExists(png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run(
                "screenshot",
                List.of("--virtual-time-budget=" + budgetMillis, "--screenshot=" + png.toAbsolutePath(), url),
                workDir.resolve("screenshot.out"));
    }

    private void run(String what, List<String> args, Path stdout) {
        // A fresh profile per run: nothing cached or stored by an earlier run can make the page look right.
        Path profile = workDir.resolve("profile-" + what);
        deleteRecursively(profile);
        List<String> command = new ArrayList<>(List.of(
                binary.toString(),
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath(),
                // machines that build Liftguard have no internet and often a small /dev/shm
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-dev-shm-usage"));
        command.addAll(args);
        Path log = workDir.resolve(what + ".log");
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(log.toFile());
        // the wrapper script and Chromium's crash handler write under HOME; keep them in target/
        builder.environment()
                .put("HOME", workDir.resolve("home").toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + binary, e);
        }
        try {
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill(process);
                fail("Chromium (" + what + ") did not finish within " + TIMEOUT + "; its log: " + log.toAbsolutePath());
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            fail("Chromium (" + what + ") exited with " + process.exitValue() + "; its log: " + log.toAbsolutePath()
                    + "\n" + tail(log));
        }
        deleteRecursively(profile);
    }

    private static void kill(Process process) {
        // Chromium's renderer and utility processes outlive the parent unless killed too
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover profile under target/ is harmless; the next run uses a fresh one anyway
        }
    }
}
