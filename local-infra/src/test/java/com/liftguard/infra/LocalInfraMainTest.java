package com.liftguard.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalInfraMainTest {

    private static String message(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> LocalInfraMain.parse(args))
                .getMessage();
    }

    @Test
    void takenPortsAreNamedBeforeAnythingStarts() throws Exception {
        try (ServerSocket kafka = new ServerSocket();
                ServerSocket mongo = new ServerSocket()) {
            kafka.bind(new InetSocketAddress("127.0.0.1", 0));
            mongo.bind(new InetSocketAddress("127.0.0.1", 0));
            var settings = new LocalInfraMain.Settings(kafka.getLocalPort(), mongo.getLocalPort(), Path.of("x"));
            assertEquals(
                    List.of(
                            "port " + kafka.getLocalPort() + " (kafka) is already in use",
                            "port " + mongo.getLocalPort() + " (mongo) is already in use"),
                    LocalInfraMain.takenPorts(settings));
        }
    }

    @Test
    void aListenerOnAllInterfacesCountsAsTaken() throws Exception {
        try (ServerSocket any = new ServerSocket()) {
            any.bind(new InetSocketAddress(0));
            int free = KafkaBroker.freePort();
            var settings = new LocalInfraMain.Settings(any.getLocalPort(), free, Path.of("x"));
            assertEquals(
                    List.of("port " + any.getLocalPort() + " (kafka) is already in use"),
                    LocalInfraMain.takenPorts(settings));
        }
    }

    @Test
    void freePortsPassTheCheck() {
        var settings = new LocalInfraMain.Settings(KafkaBroker.freePort(), KafkaBroker.freePort(), Path.of("x"));
        assertEquals(List.of(), LocalInfraMain.takenPorts(settings));
    }

    @Test
    void defaultsAndOptions() {
        var defaults = LocalInfraMain.parse(new String[0]);
        assertEquals(new LocalInfraMain.Settings(9092, 27017, Path.of(".liftguard/data")), defaults);
        assertEquals(Path.of(".liftguard/data/kafka"), defaults.kafkaDir());
        assertEquals(Path.of(".liftguard/data/mongo.mv"), defaults.mongoFile());

        var s = LocalInfraMain.parse(
                new String[] {"--kafka-port", "19092", "--data-dir", "/tmp/x", "--mongo-port", "1"});
        assertEquals(new LocalInfraMain.Settings(19092, 1, Path.of("/tmp/x")), s);
    }

    @Test
    void badOptionsGetClearMessages() {
        assertEquals("--mongo-port must be a port number from 1 to 65535, not 0", message("--mongo-port", "0"));
        assertEquals("--kafka-port must be a port number from 1 to 65535, not x", message("--kafka-port", "x"));
        assertEquals("unknown option --port", message("--port", "1"));
        assertEquals("--data-dir needs a value", message("--data-dir"));
        assertEquals(
                "--kafka-port and --mongo-port must differ, both are 5000",
                message("--kafka-port", "5000", "--mongo-port", "5000"));
    }
}
