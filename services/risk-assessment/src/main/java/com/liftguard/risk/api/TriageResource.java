package com.liftguard.risk.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.liftguard.events.model.Reason;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.risk.persistence.TriageDecisionEntity;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The athlete's triage decisions (API.md, Risk). */
@Path("/v1/athletes/{athleteId}/triage")
@Tag(name = "triage")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {
    private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
    };

    /** One decision as the API shows it. */
    public record TriageView(String category, List<Reason> reasons, Instant decidedAt, String sourceId) {
    }

    public record TriageHistory(List<TriageView> items) {
    }

    @Inject
    TenantContext tenantContext;

    @GET
    @Operation(summary = "The latest triage decision; 404 before any pain report")
    public TriageView latest(@PathParam("athleteId") String athleteId) {
        return TriageDecisionEntity.history(tenantContext.tenant(), athleteId, 1).stream().findFirst()
                .map(TriageResource::view)
                .orElseThrow(() -> ProblemException.notFound("no pain report has been triaged for athlete " + athleteId));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every triage decision of the athlete, newest first")
    public TriageHistory history(@PathParam("athleteId") String athleteId,
                                 @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.badRequest("/limit", "must be between 1 and 500");
        }
        List<TriageView> items = TriageDecisionEntity.history(tenantContext.tenant(), athleteId, n).stream()
                .map(TriageResource::view).toList();
        if (items.isEmpty()) {
            throw ProblemException.notFound("no pain report has been triaged for athlete " + athleteId);
        }
        return new TriageHistory(items);
    }

    private static TriageView view(TriageDecisionEntity e) {
        try {
            return new TriageView(e.category, EventCodec.mapper().readValue(e.reasons, REASONS), e.decidedAt, e.sourceId);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored reasons of decision " + e.id + " are not readable", ex);
        }
    }
}
