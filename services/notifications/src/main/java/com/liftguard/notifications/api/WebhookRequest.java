package com.liftguard.notifications.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.notifications.domain.WebhookTargetGuard;
import com.liftguard.support.web.JsonPointers;
import com.liftguard.support.web.Problem;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v1/coaches/{coachId}/webhook}. Read from the JSON tree rather than bound, so that
 * every invalid field is reported at once, unknown ones included.
 */
@Schema(name = "WebhookRequest", additionalProperties = Schema.False.class)
public record WebhookRequest(
        @Schema(
                required = true,
                maxLength = WebhookTargetGuard.MAX_URL_LENGTH,
                description = "Absolute http or https URL; not a loopback, private or otherwise internal address")
        String url,

        @Schema(
                required = true,
                minLength = WebhookRequest.MIN_SECRET,
                maxLength = WebhookRequest.MAX_SECRET,
                description = "The HMAC-SHA256 key of the Liftguard-Signature header; never returned")
        String secret) {

    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    private static final Set<String> FIELDS = Set.of("url", "secret");

    /** The request, or every error in it; the URL's target is checked only once the URL is well-formed. */
    static WebhookRequest read(JsonNode body, WebhookTargetGuard guard, List<Problem.FieldError> errors) {
        if (body == null || !body.isObject()) {
            errors.add(new Problem.FieldError("", "must be a JSON object with url and secret"));
            return null;
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                errors.add(new Problem.FieldError("/" + JsonPointers.escape(name), "is not a known field"));
            }
        }
        String url = text(body, "url", errors);
        if (url != null) {
            Optional<String> problem = target(url, guard);
            if (problem.isPresent()) {
                errors.add(new Problem.FieldError("/url", problem.get()));
            }
        }
        String secret = text(body, "secret", errors);
        if (secret != null && (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET)) {
            errors.add(new Problem.FieldError(
                    "/secret", "must be between " + MIN_SECRET + " and " + MAX_SECRET + " characters"));
        }
        return errors.isEmpty() ? new WebhookRequest(url, secret) : null;
    }

    private static Optional<String> target(String url, WebhookTargetGuard guard) {
        Optional<String> malformed = WebhookTargetGuard.malformation(url);
        if (malformed.isPresent()) {
            return malformed;
        }
        try {
            return guard.refusal(url);
        } catch (UnknownHostException e) {
            return Optional.of(
                    "names a host that does not resolve: " + URI.create(url).getHost());
        }
    }

    private static String text(JsonNode body, String field, List<Problem.FieldError> errors) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            errors.add(new Problem.FieldError("/" + field, "is required"));
            return null;
        }
        if (!value.isTextual()) {
            errors.add(new Problem.FieldError("/" + field, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    /** Keeps the secret out of logs and error messages. */
    @Override
    public String toString() {
        return "WebhookRequest[url=" + url + "]";
    }
}
