package com.liftguard.support.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an announced oversize body with a 413 problem document before any of it is read. Vert.x
 * enforces the same limit on bodies that do not announce their size, with a bare 413.
 */
@ApplicationScoped
public class BodyLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                try {
                    if (Long.parseLong(length.trim()) > limit) {
                        ctx.response()
                                .setStatusCode(413)
                                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                                .putHeader(HttpHeaders.CONNECTION, "close")
                                .end("{\"type\":\"https://liftguard.example/problems/too-large\","
                                        + "\"title\":\"Payload too large\",\"status\":413,"
                                        + "\"detail\":\"the body has " + Long.parseLong(length.trim())
                                        + " bytes; at most " + limit + " are accepted\"}");
                        return;
                    }
                } catch (NumberFormatException ignored) {
                    // a malformed Content-Length is Vert.x's to reject
                }
            }
            ctx.next();
        });
    }
}
