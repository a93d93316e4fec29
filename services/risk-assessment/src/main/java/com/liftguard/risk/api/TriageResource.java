package com.liftguard.risk.api;

import com.liftguard.events.model.Reason;
import com.liftguard.risk.service.TriageQueries;
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

/** The athlete's triage decisions (docs/api.md, Risk). */
@Path("/v1/athletes/{athleteId}/triage")
@Tag(name = "triage")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class TriageResource {
    /** One decision as the API shows it. */
    public record TriageView(String category, List<Reason> reasons, Instant decidedAt, String sourceId) {
        static TriageView of(TriageQueries.Decision d) {
            return new TriageView(d.category().name(), d.reasons(), d.decidedAt(), d.sourceId());
        }
    }

    public record TriageHistory(List<TriageView> items) {}

    @Inject
    TenantContext tenantContext;

    @Inject
    TriageQueries queries;

    @GET
    @Operation(summary = "The latest triage decision; 404 before any pain report")
    public TriageView latest(@PathParam("athleteId") String athleteId) {
        return queries.history(tenantContext.tenant(), athleteId, 1).stream()
                .findFirst()
                .map(TriageView::of)
                .orElseThrow(
                        () -> ProblemException.notFound("no pain report has been triaged for athlete " + athleteId));
    }

    @GET
    @Path("/history")
    @Operation(summary = "Every triage decision of the athlete, newest first")
    public TriageHistory history(@PathParam("athleteId") String athleteId, @QueryParam("limit") Integer limit) {
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw ProblemException.badRequest("/limit", "must be between 1 and 500");
        }
        List<TriageView> items = queries.history(tenantContext.tenant(), athleteId, n).stream()
                .map(TriageView::of)
                .toList();
        if (items.isEmpty()) {
            throw ProblemException.notFound("no pain report has been triaged for athlete " + athleteId);
        }
        return new TriageHistory(items);
    }
}
