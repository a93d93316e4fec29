package com.liftguard.support.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 7807 problem document. {@code errors} lists every invalid field of a request at once, each
 * located by a JSON pointer into the request body.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://liftguard.example/problems/";

    public record FieldError(String pointer, String message) {}

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, List.of());
    }

    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid";
        return new Problem(TYPE_BASE + "validation", "Invalid request", 400, detail, List.copyOf(errors));
    }

    public Response toResponse() {
        return Response.status(status)
                .type(MediaType.valueOf(MEDIA_TYPE))
                .entity(this)
                .build();
    }
}
