package com.liftguard.support.outbox;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * What quarkus-opentelemetry gives a service, as far as the outbox uses it: W3C trace-context propagation
 * (the test app has no SDK, so a test makes a span current with {@link #within}).
 */
@Dependent
public class TestTracing {
    public static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    public static final String SPAN_ID = "b7ad6b7169203331";
    public static final String TRACEPARENT = "00-" + TRACE_ID + "-" + SPAN_ID + "-01";
    public static final String TRACESTATE = "liftguard=t1";

    @Produces
    @Singleton
    OpenTelemetry openTelemetry() {
        return OpenTelemetry.propagating(ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
    }

    /** Runs {@code work} in the span {@link #TRACEPARENT} with the trace state {@link #TRACESTATE}. */
    public static void within(Runnable work) {
        SpanContext span = SpanContext.create(
                TRACE_ID,
                SPAN_ID,
                TraceFlags.getSampled(),
                TraceState.builder().put("liftguard", "t1").build());
        try (Scope ignored = Context.root().with(Span.wrap(span)).makeCurrent()) {
            work.run();
        }
    }
}
