package com.liftguard.risk.api;

import com.liftguard.events.RiskAssessed;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.RiskLevel;
import com.liftguard.risk.domain.E1rm;
import com.liftguard.risk.domain.LoadFigures;
import com.liftguard.risk.domain.RiskLevelPolicy;
import com.liftguard.risk.service.RiskQueries;
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
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The athlete's training load, estimated 1RMs and risk level (docs/api.md, Risk). */
@Path("/v1/athletes/{athleteId}")
@Tag(name = "risk")
@SecurityRequirement(name = "apiKey")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class RiskResource {
    /** Load figures of one date; null where docs/rules.md says null (ACWR before 28 days, monotony without variation). */
    public record LoadView(
            LocalDate asOf,
            double acuteLoad,
            double chronicLoad,
            Double acwr,
            double weeklyLoad,
            Double weekOverWeekChangePct,
            Double monotony,
            Double strain) {
        static LoadView of(LoadFigures f) {
            return new LoadView(
                    f.asOf(),
                    f.acuteLoad(),
                    f.chronicLoad(),
                    f.acwr(),
                    f.weeklyLoad(),
                    f.weekOverWeekChangePct(),
                    f.monotony(),
                    f.strain());
        }
    }

    /** An exercise's e1RM and the set it came from. */
    public record E1rmView(Exercise exercise, double e1rmKg, String sessionId, int setIndex, LocalDate performedOn) {}

    public record E1rmList(LocalDate asOf, List<E1rmView> items) {}

    public record RiskView(LocalDate asOf, RiskLevel level, List<RiskAssessed.Factor> factors) {}

    @Inject
    TenantContext tenantContext;

    @Inject
    RiskQueries queries;

    @Inject
    Clock clock;

    @GET
    @Path("/load")
    @Operation(summary = "Training-load figures as of a date (EWMA acute/chronic, ACWR, weekly load, monotony, strain)")
    public LoadView load(
            @PathParam("athleteId") String athleteId,
            @Parameter(description = "YYYY-MM-DD; default today in UTC") @QueryParam("asOf") String asOf) {
        LocalDate date = asOf(asOf);
        LoadFigures figures =
                queries.load(tenantContext.tenant(), athleteId, date).orElseThrow(() -> unknown(athleteId));
        return LoadView.of(figures);
    }

    @GET
    @Path("/e1rm")
    @Operation(summary = "The estimated 1RM per exercise (best of the last 42 days), with the set it came from")
    public E1rmList e1rm(
            @PathParam("athleteId") String athleteId,
            @Parameter(description = "YYYY-MM-DD; default today in UTC") @QueryParam("asOf") String asOf) {
        LocalDate date = asOf(asOf);
        Map<Exercise, E1rm.Estimate> best =
                queries.e1rm(tenantContext.tenant(), athleteId, date).orElseThrow(() -> unknown(athleteId));
        return new E1rmList(date, best.values().stream().map(RiskResource::view).toList());
    }

    @GET
    @Path("/risk")
    @Operation(summary = "The risk level and every factor behind it, with its figures")
    public RiskView risk(
            @PathParam("athleteId") String athleteId,
            @Parameter(description = "YYYY-MM-DD; default today in UTC") @QueryParam("asOf") String asOf) {
        LocalDate date = asOf(asOf);
        RiskLevelPolicy.Assessment risk =
                queries.risk(tenantContext.tenant(), athleteId, date).orElseThrow(() -> unknown(athleteId));
        return new RiskView(date, risk.level(), risk.factors());
    }

    private static ProblemException unknown(String athleteId) {
        return ProblemException.notFound("no session or report has been received for athlete " + athleteId);
    }

    private LocalDate asOf(String text) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("/asOf", "must be a date as YYYY-MM-DD");
        }
    }

    static E1rmView view(E1rm.Estimate e) {
        return new E1rmView(e.exercise(), Math.round(e.e1rmKg() * 10) / 10.0, e.sessionId(), e.setIndex(), e.date());
    }
}
