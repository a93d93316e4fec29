package com.liftguard.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator against a stand-in for session-ingestion that checks every request it gets. */
class GymPlatformSimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final ContractCheck check = new ContractCheck();
    private final Set<String> sessionIds = new HashSet<>();
    private final Set<String> checkInIds = new HashSet<>();
    private final Set<String> roster = new HashSet<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private final AtomicInteger unavailableLeft = new AtomicInteger(1);
    private int duplicatesAnswered;
    private boolean reject;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/", this::handle);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private synchronized void handle(HttpExchange x) throws IOException {
        JsonNode body = JSON.readTree(x.getRequestBody());
        String path = x.getRequestURI().getPath();
        if (!"demo-key".equals(x.getRequestHeaders().getFirst("X-Api-Key"))) {
            answer(x, 401, "{}");
            return;
        }
        if (x.getRequestMethod().equals("PUT") && path.startsWith("/v1/athletes/")) {
            String id = path.substring("/v1/athletes/".length());
            check.roster(id, body);
            roster.add(id);
            answer(x, 200, "{}");
            return;
        }
        boolean sessions = path.equals("/v1/sessions");
        if (!x.getRequestMethod().equals("POST") || !(sessions || path.equals("/v1/check-ins"))) {
            answer(x, 404, "{}");
            return;
        }
        if (reject) {
            answer(x, 400, "{\"type\":\"about:blank\",\"title\":\"Invalid\",\"status\":400,\"errors\":[]}");
            return;
        }
        if (sessions && unavailableLeft.getAndDecrement() > 0) {
            x.getResponseHeaders().add("Retry-After", "0");
            answer(x, 503, "{}");
            return;
        }
        check.batch(body, sessions);
        batchSizes.add(body.size());
        int accepted = 0;
        int duplicates = 0;
        for (JsonNode item : body) {
            boolean fresh = sessions
                    ? sessionIds.add(item.path("sessionId").asText())
                    : checkInIds.add(item.path("checkInId").asText());
            if (fresh) {
                accepted++;
            } else {
                duplicates++;
            }
        }
        duplicatesAnswered += duplicates;
        answer(x, 202, "{\"accepted\":" + accepted + ",\"duplicates\":" + duplicates + ",\"results\":[]}");
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void streamsTheWholeScenarioInValidBatchesAndRetries503() throws Exception {
        String base = start();
        GymPlatformSimulator.Options o = GymPlatformSimulator.Options.parse(
                new String[] {"--base", base, "--athletes", "40", "--weeks", "4", "--progress", "plain", "--seed", "7"
                });
        assertEquals(0, new GymPlatformSimulator().run(o));
        assertEquals(List.of(), check.errors().stream().limit(10).toList());
        assertEquals(40, roster.size());
        assertTrue(batchSizes.stream().allMatch(n -> n >= 1 && n <= 500));
        assertTrue(sessionIds.size() > 400, "sessions " + sessionIds.size());
        assertTrue(checkInIds.size() > 50, "check-ins " + checkInIds.size());
        assertTrue(duplicatesAnswered > 0, "some sessions are sent again on purpose");
        assertTrue(unavailableLeft.get() < 0, "the 503 was retried");
    }

    @Test
    void stopsOnA4xx() throws Exception {
        String base = start();
        reject = true;
        GymPlatformSimulator.Options o = GymPlatformSimulator.Options.parse(
                new String[] {"--base", base, "--athletes", "3", "--weeks", "1", "--progress", "plain"});
        assertEquals(1, new GymPlatformSimulator().run(o));
        assertEquals(0, sessionIds.size());
    }

    @Test
    void options() {
        GymPlatformSimulator.Options o =
                GymPlatformSimulator.Options.parse(new String[] {"--athletes=12", "--speed", "3600", "--seed", "-3"});
        assertEquals(12, o.athletes());
        assertEquals(3600, o.speed());
        assertEquals(-3, o.seed());
        assertEquals("http://localhost:8081", o.base());
        assertEquals(
                0,
                GymPlatformSimulator.Options.parse(new String[] {"--speed", "max"})
                        .speed());
        assertThrows(
                GymPlatformSimulator.UsageException.class,
                () -> GymPlatformSimulator.Options.parse(new String[] {"--weeks", "0"}));
        assertThrows(
                GymPlatformSimulator.UsageException.class,
                () -> GymPlatformSimulator.Options.parse(new String[] {"--nope", "1"}));
        assertThrows(
                GymPlatformSimulator.UsageException.class,
                () -> GymPlatformSimulator.Options.parse(new String[] {"--speed", "-1"}));
    }
}
