package com.liftguard.support.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current trace context as Kafka record headers (W3C {@code traceparent}, {@code tracestate}), for
 * records sent with a plain Kafka producer (the outbox relays of support-outbox and notifications): the messaging
 * connector reads them on the consuming side, so one trace follows an event from the HTTP request that
 * brought it in through every service it passes. Empty when the service runs without OpenTelemetry.
 */
@ApplicationScoped
public class TraceHeaders {
    @Inject
    Instance<OpenTelemetry> openTelemetry;

    public Map<String, String> current() {
        Map<String, String> carrier = new LinkedHashMap<>();
        if (openTelemetry.isResolvable()) {
            openTelemetry
                    .get()
                    .getPropagators()
                    .getTextMapPropagator()
                    .inject(Context.current(), carrier, (c, k, v) -> c.put(k, v));
        }
        return carrier;
    }

    /** Lines of {@code name=value}; null for none. */
    public static String encode(Map<String, String> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        headers.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    public static Map<String, String> decode(String encoded) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (encoded != null) {
            for (String line : encoded.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    headers.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return headers;
    }
}
