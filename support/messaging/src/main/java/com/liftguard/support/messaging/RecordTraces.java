package com.liftguard.support.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * A batch consumer's equivalent of the connector's per-record tracing: each event of a batch is applied in
 * a consumer span whose parent is the trace context in its record's headers, so the trace of an event goes
 * on through the outbox (which stores the current context) even when many events share a transaction.
 */
@ApplicationScoped
public class RecordTraces {
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> keys = new ArrayList<>();
            carrier.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers carrier, String key) {
            if (carrier == null) {
                return null;
            }
            Header h = carrier.lastHeader(key);
            return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    @Inject
    Instance<OpenTelemetry> openTelemetry;

    /** Runs {@code work} in a span continuing the record's trace (or just runs it without OpenTelemetry). */
    public void within(String channel, ConsumerRecord<String, String> record, Runnable work) {
        if (!openTelemetry.isResolvable()) {
            work.run();
            return;
        }
        OpenTelemetry otel = openTelemetry.get();
        Context parent =
                otel.getPropagators().getTextMapPropagator().extract(Context.root(), record.headers(), HEADERS);
        Span span = otel.getTracer("com.liftguard.support.messaging")
                .spanBuilder(channel + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.destination.partition", (long) record.partition())
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
