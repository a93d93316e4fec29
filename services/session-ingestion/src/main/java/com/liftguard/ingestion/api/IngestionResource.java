package com.liftguard.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.ingestion.api.doc.ProblemResponses;
import com.liftguard.ingestion.api.doc.SessionDoc;
import com.liftguard.ingestion.domain.ItemKind;
import com.liftguard.ingestion.domain.Violation;
import com.liftguard.ingestion.service.BatchIngestion;
import com.liftguard.ingestion.service.EventPublisher;
import com.liftguard.ingestion.service.RosterIngestion;
import com.liftguard.ingestion.wire.IngestValidator;
import com.liftguard.ingestion.wire.ReceivedBatch;
import com.liftguard.support.web.Problem;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platforms' front door: sessions, check-ins and roster entries. */
@Path("/v1")
@Tag(name = "ingestion")
@SecurityRequirement(name = "apiKey")
@Blocking
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class IngestionResource {
    private static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    TenantContext tenantContext;

    @Inject
    BatchIngestion ingestion;

    @Inject
    RosterIngestion rosterIngestion;

    private final IngestValidator validator = new IngestValidator();

    @POST
    @Path("/sessions")
    @Operation(
            summary = "Ingest a batch of 1..500 sessions",
            description =
                    "Validated whole: any invalid item gives 400 listing every error and nothing of the batch is kept. "
                            + "202 once every event of the batch is on Kafka; a session sent again is a DUPLICATE and changes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = SessionDoc.Session.class,
                                            minItems = 1,
                                            maxItems = 500)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted",
            content = @Content(schema = @Schema(implementation = IngestResponse.class)))
    @ProblemResponses
    public Response sessions(byte[] body) throws IOException {
        ReceivedBatch batch = ReceivedBatch.parse(body);
        reject(validator.validateSessions(batch.tree()));
        return accepted(IngestResponse.json(ingest(ItemKind.SESSION, batch), true));
    }

    @POST
    @Path("/check-ins")
    @Operation(
            summary = "Ingest a batch of 1..500 stand-alone check-ins",
            description = "Same rules as sessions, keyed by checkInId.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = SessionDoc.CheckIn.class,
                                            minItems = 1,
                                            maxItems = 500)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted",
            content = @Content(schema = @Schema(implementation = IngestResponse.class)))
    @ProblemResponses
    public Response checkIns(byte[] body) throws IOException {
        ReceivedBatch batch = ReceivedBatch.parse(body);
        reject(validator.validateCheckIns(batch.tree()));
        return accepted(IngestResponse.json(ingest(ItemKind.CHECK_IN, batch), false));
    }

    @PUT
    @Path("/athletes/{athleteId}")
    @Operation(summary = "Set the athlete's roster entry: which coaches follow them")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SessionDoc.Roster.class)))
    @APIResponse(responseCode = "200", description = "The stored roster entry")
    @ProblemResponses
    public RosterResponse roster(@PathParam("athleteId") String athleteId, JsonNode body) {
        reject(validator.validateRoster(athleteId, body));
        try {
            return RosterResponse.of(rosterIngestion.update(tenantContext.tenant(), athleteId, body));
        } catch (EventPublisher.PublishFailedException e) {
            throw ProblemException.unavailable(
                    "the roster entry could not be stored durably (" + e.getMessage() + "); send it again",
                    RETRY_AFTER_SECONDS);
        }
    }

    private List<BatchIngestion.ItemResult> ingest(ItemKind kind, ReceivedBatch batch) {
        try {
            return ingestion.ingest(tenantContext.tenant(), kind, batch.items());
        } catch (EventPublisher.PublishFailedException e) {
            throw ProblemException.unavailable(
                    "the batch could not be stored durably (" + e.getMessage()
                            + "); nothing of it was kept, send it again",
                    RETRY_AFTER_SECONDS);
        }
    }

    private static void reject(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations.stream()
                    .map(v -> new Problem.FieldError(v.pointer(), v.message()))
                    .toList());
        }
    }

    private static Response accepted(byte[] body) {
        return Response.accepted(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}
