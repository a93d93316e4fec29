package com.liftguard.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves the services as application/problem+json, never as an HTML page or a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.toResponse();
    }

    @ServerExceptionMapper(priority = 1)
    public Response unreadableJson(JsonProcessingException e) {
        String pointer = "";
        String message = "is not valid JSON: " + e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException u) {
            pointer = JsonPointers.of(u.getPath());
            message = "is not a known field";
        } else if (e instanceof InvalidFormatException f) {
            pointer = JsonPointers.of(f.getPath());
            message = "cannot be read as " + f.getTargetType().getSimpleName() + ": " + f.getValue();
        } else if (e instanceof MismatchedInputException m) {
            pointer = JsonPointers.of(m.getPath());
            message = "has the wrong type";
        }
        return ProblemException.badRequest(pointer, message).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response r = e.getResponse();
        int status = r.getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return Problem.of(status, slug(title), title, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected error", e);
        return Problem.of(500, "internal", "Internal error", "an unexpected error occurred; it has been logged")
                .toResponse();
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
