package com.liftguard.notifications.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.notifications.domain.WebhookTargetGuard;
import com.liftguard.notifications.service.WebhookRegistration;
import com.liftguard.support.web.Problem;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A coach's webhook: where each of their notifications is also POSTed, signed with the secret
 * ({@code Liftguard-Signature}, docs/api.md) and identified by {@code Liftguard-Delivery}.
 */
@Path("/v1/coaches/{coachId}/webhook")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {
    @Inject
    TenantContext tenantContext;

    @Inject
    WebhookRegistration webhooks;

    @Inject
    WebhookTargetGuard guard;

    /** Which coach of which tenant a request acts for. */
    private record Coach(String tenant, String id) {}

    /**
     * The coach the request may act for: any coach with the tenant's key, only its own coach with a token. The
     * one place a request's coach is established: every endpoint goes through here, so a check that the caller
     * may act for {@code coachId} (a coach token's subject) belongs here too.
     */
    private Coach coach(String coachId) {
        tenantContext.requireCoach(coachId);
        return new Coach(tenantContext.tenant(), coachId);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Set the coach's webhook",
            description = "Each notification is then also POSTed to the URL, signed with "
                    + "Liftguard-Signature: t=UNIX_SECONDS,v1=HEX(HMAC-SHA256(secret, t + \".\" + body)), "
                    + "with its id in Liftguard-Delivery, and retried with backoff until a 2xx answer. "
                    + "Replaces any earlier webhook; pending deliveries are signed with the new secret.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = WebhookRequest.class)))
    @APIResponse(responseCode = "200", description = "The stored webhook, without its secret")
    @APIResponse(
            responseCode = "400",
            description = "Invalid request: every invalid field with its JSON pointer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookResponse put(@PathParam("coachId") String coachId, JsonNode body) {
        Coach coach = coach(coachId);
        List<Problem.FieldError> errors = new ArrayList<>();
        WebhookRequest request = WebhookRequest.read(body, guard, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return WebhookResponse.of(webhooks.put(coach.tenant(), coach.id(), request.url(), request.secret()));
    }

    @GET
    @Operation(summary = "The coach's webhook", description = "Without its secret; 404 when the coach has none.")
    public WebhookResponse get(@PathParam("coachId") String coachId) {
        Coach coach = coach(coachId);
        return webhooks.find(coach.tenant(), coach.id())
                .map(WebhookResponse::of)
                .orElseThrow(() -> noWebhook(coach));
    }

    @DELETE
    @Operation(
            summary = "Remove the coach's webhook",
            description = "Deliveries not yet made are given up (kept as DEAD, not sent).")
    @APIResponse(responseCode = "204", description = "Removed")
    public void delete(@PathParam("coachId") String coachId) {
        Coach coach = coach(coachId);
        if (!webhooks.delete(coach.tenant(), coach.id())) {
            throw noWebhook(coach);
        }
    }

    private static ProblemException noWebhook(Coach coach) {
        return ProblemException.notFound("coach " + coach.id() + " has no webhook");
    }
}
