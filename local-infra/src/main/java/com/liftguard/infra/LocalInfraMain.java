package com.liftguard.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local run's infrastructure as its own process: a Kafka broker and MongoDB (mongo-java-server),
 * both keeping their data under one directory. Prints {@code READY kafka=... mongo=...} on stdout once
 * both accept connections (the launcher script waits for that line; nothing else goes to stdout) and
 * stops both on SIGTERM or Ctrl-C.
 */
public final class LocalInfraMain {
    static final String USAGE =
            "usage: java -jar local-infra.jar [--kafka-port 9092] [--mongo-port 27017] [--data-dir .liftguard/data]";

    record Settings(int kafkaPort, int mongoPort, Path dataDir) {
        Path kafkaDir() {
            return dataDir.resolve("kafka");
        }

        Path mongoFile() {
            return dataDir.resolve("mongo.mv");
        }
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        // checked up front so that a second copy of the local run fails at once, without touching the
        // first one's data directory
        List<String> taken = takenPorts(settings);
        if (!taken.isEmpty()) {
            taken.forEach(System.err::println);
            System.exit(2);
            return;
        }
        KafkaBroker broker;
        EmbeddedMongo mongo;
        try {
            broker = KafkaBroker.start(KafkaBroker.Options.defaults()
                    .withPort(settings.kafkaPort())
                    .withDataDir(settings.kafkaDir()));
        } catch (RuntimeException e) {
            fail("kafka", e);
            return;
        }
        try {
            mongo = EmbeddedMongo.start(settings.mongoPort(), settings.mongoFile());
        } catch (RuntimeException e) {
            broker.close();
            fail("mongodb", e);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                mongo.close();
                                broker.close();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "local-infra-shutdown"));
        System.out.println("READY kafka=" + broker.bootstrapServers() + " mongo=" + mongo.connectionString());
        System.out.flush();
        // the servers run on their own non-daemon threads; this only keeps main from returning early
        stopped.await();
    }

    private static void fail(String what, RuntimeException e) {
        System.err.println("local-infra: " + what + " did not start: " + e);
        e.printStackTrace();
        System.exit(1);
    }

    static Settings parse(String[] args) {
        int kafkaPort = 9092;
        int mongoPort = 27017;
        Path dataDir = Path.of(".liftguard", "data");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.equals("--kafka-port") && !flag.equals("--mongo-port") && !flag.equals("--data-dir")) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            String value = args[++i];
            switch (flag) {
                case "--kafka-port" -> kafkaPort = port(flag, value);
                case "--mongo-port" -> mongoPort = port(flag, value);
                default -> dataDir = Path.of(value);
            }
        }
        if (kafkaPort == mongoPort) {
            throw new IllegalArgumentException("--kafka-port and --mongo-port must differ, both are " + kafkaPort);
        }
        return new Settings(kafkaPort, mongoPort, dataDir);
    }

    private static int port(String flag, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a port number from 1 to 65535, not " + value);
        }
    }

    /** One line per port that something else already listens on, e.g. {@code port 9092 (kafka) is already in use}. */
    static List<String> takenPorts(Settings settings) {
        List<String> messages = new ArrayList<>();
        if (!free(settings.kafkaPort())) {
            messages.add("port " + settings.kafkaPort() + " (kafka) is already in use");
        }
        if (!free(settings.mongoPort())) {
            messages.add("port " + settings.mongoPort() + " (mongo) is already in use");
        }
        return messages;
    }

    // binding is the only reliable test; a listener on 0.0.0.0 or [::] makes it fail too
    static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private LocalInfraMain() {}
}
