package com.liftguard.notifications.messaging;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/** A webhook receiver on 127.0.0.1 that records every request and answers as scripted. */
final class WebhookReceiver implements AutoCloseable {

    record Received(Instant at, String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private volatile int otherwise = 204;
    private volatile IntConsumer beforeAnswer = n -> {};
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    /** The test's: actions that call the application (RestAssured, Jackson) load classes through it. */
    private final ClassLoader testClassLoader = Thread.currentThread().getContextClassLoader();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The statuses of the next requests, in order; after them, {@link #otherwise(int)}'s. */
    WebhookReceiver answer(int... statuses) {
        for (int status : statuses) {
            script.add(status);
        }
        return this;
    }

    WebhookReceiver otherwise(int status) {
        otherwise = status;
        return this;
    }

    /** Runs with the request's number (from 1) after it is recorded and before it is answered. */
    WebhookReceiver beforeAnswer(IntConsumer action) {
        beforeAnswer = action;
        return this;
    }

    /** What {@link #beforeAnswer(IntConsumer)}'s action threw; the request was answered all the same. */
    List<Throwable> failures() {
        return new ArrayList<>(failures);
    }

    List<Received> received() {
        return new ArrayList<>(received);
    }

    List<Received> receivedFor(String deliveryId) {
        return received.stream()
                .filter(r -> deliveryId.equals(r.header(WebhookDispatcher.DELIVERY_HEADER)))
                .toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Thread.currentThread().setContextClassLoader(testClassLoader);
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    Instant.now(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    new Headers(exchange.getRequestHeaders()),
                    body));
            Integer status = script.poll();
            try {
                beforeAnswer.accept(received.size());
            } catch (Throwable e) {
                failures.add(e);
            }
            exchange.sendResponseHeaders(status == null ? otherwise : status, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
