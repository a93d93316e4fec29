package com.liftguard.support.web;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Thrown by resources to answer with a problem document; headers such as Retry-After ride along. */
public class ProblemException extends RuntimeException {
    private final Problem problem;
    private final Map<String, String> headers;

    public ProblemException(Problem problem) {
        this(problem, Map.of());
    }

    public ProblemException(Problem problem, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
    }

    public static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "unauthorized", "Unauthorized", detail));
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        return new ProblemException(Problem.validation(errors));
    }

    public static ProblemException badRequest(String pointer, String message) {
        return invalid(List.of(new Problem.FieldError(pointer, message)));
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(
                Problem.of(503, "unavailable", "Service unavailable", detail),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public Problem problem() {
        return problem;
    }

    public Response toResponse() {
        Response.ResponseBuilder builder = Response.fromResponse(problem.toResponse());
        headers.forEach(builder::header);
        return builder.build();
    }
}
