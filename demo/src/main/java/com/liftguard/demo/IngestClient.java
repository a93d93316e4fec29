package com.liftguard.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The platform's side of the ingestion API: JSON over HTTP with the tenant's key. A 503 is retried after its
 * Retry-After (the service could not reach Kafka and kept nothing); a refused connection or a timeout a few
 * times with a pause; any other answer that is not a success stops the simulator with the problem body.
 */
final class IngestClient {
    static final int MAX_503_RETRIES = 60;
    static final int MAX_IO_RETRIES = 5;

    /** An answer the simulator cannot go on from: a 4xx (it sent something invalid) or a lasting failure. */
    static final class RejectedException extends Exception {
        final int status;
        final String body;

        RejectedException(String message, int status, String body) {
            super(message);
            this.status = status;
            this.body = body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json;
    private final String base;
    private final String apiKey;
    private int retried503;

    IngestClient(ObjectMapper json, String base, String apiKey) {
        this.json = json;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.apiKey = apiKey;
    }

    int retried503() {
        return retried503;
    }

    JsonNode putAthlete(String athleteId, Object body) throws RejectedException, InterruptedException {
        return send("PUT", "/v1/athletes/" + URLEncoder.encode(athleteId, StandardCharsets.UTF_8), body, 200);
    }

    JsonNode postSessions(Object batch) throws RejectedException, InterruptedException {
        return send("POST", "/v1/sessions", batch, 202);
    }

    JsonNode postCheckIns(Object batch) throws RejectedException, InterruptedException {
        return send("POST", "/v1/check-ins", batch, 202);
    }

    private JsonNode send(String method, String path, Object body, int expected)
            throws RejectedException, InterruptedException {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .header("X-Api-Key", apiKey)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build();
        int ioFailures = 0;
        int unavailable = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (++ioFailures > MAX_IO_RETRIES) {
                    throw new RejectedException(
                            method + " " + base + path + " failed " + ioFailures + " times: " + e, 0, "");
                }
                Thread.sleep(1000L * ioFailures);
                continue;
            }
            int status = response.statusCode();
            if (status == expected) {
                try {
                    return json.readTree(response.body());
                } catch (IOException e) {
                    throw new RejectedException("unreadable answer to " + method + " " + path, status, response.body());
                }
            }
            if (status == 503 && ++unavailable <= MAX_503_RETRIES) {
                retried503++;
                Thread.sleep(retryAfterMillis(response));
                continue;
            }
            throw new RejectedException(
                    method + " " + base + path + " answered HTTP " + status, status, response.body());
        }
    }

    /** Retry-After in seconds (the form the service sends); 1 s when absent or in another form. */
    static long retryAfterMillis(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse("").strip();
        try {
            long seconds = Long.parseLong(value);
            return Math.min(Math.max(seconds, 0), 60) * 1000L;
        } catch (NumberFormatException e) {
            return 1000L;
        }
    }
}
