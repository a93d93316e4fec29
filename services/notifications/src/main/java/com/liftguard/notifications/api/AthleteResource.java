package com.liftguard.notifications.api;

import com.liftguard.notifications.domain.AthleteSeries;
import com.liftguard.notifications.domain.RosterEntry;
import com.liftguard.notifications.service.AthleteCharts;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The athletes a coach follows, and what the coach's page charts for each (load, ACWR, risk, triage). */
@Path("/v1/coaches/{coachId}/athletes")
@Produces(MediaType.APPLICATION_JSON)
public class AthleteResource {
    static final int DEFAULT_DAYS = 42;
    static final int MAX_DAYS = 400;

    public record AthleteView(String athleteId, String displayName) {}

    public record Athletes(List<AthleteView> items) {}

    public record TriagePoint(Instant at, String category) {}

    public record Series(
            String athleteId,
            String displayName,
            LocalDate from,
            LocalDate to,
            List<AthleteSeries.Day> days,
            List<TriagePoint> triage) {}

    @Inject
    TenantContext tenantContext;

    @Inject
    AthleteCharts charts;

    @GET
    @Operation(summary = "The athletes the coach follows")
    public Athletes athletes(@PathParam("coachId") String coachId) {
        tenantContext.requireCoach(coachId);
        List<RosterEntry> followed = charts.followedBy(tenantContext.tenant(), coachId);
        if (followed.isEmpty()) {
            throw ProblemException.notFound("no coach " + coachId);
        }
        return new Athletes(followed.stream()
                .map(r -> new AthleteView(r.athleteId(), r.displayName()))
                .toList());
    }

    @GET
    @Path("{athleteId}/series")
    @Operation(
            summary = "The athlete's daily load, ACWR, risk level and triage decisions over time",
            description = "The last `days` days up to the athlete's latest figures.")
    public Series series(
            @PathParam("coachId") String coachId,
            @PathParam("athleteId") String athleteId,
            @Parameter(description = "1..400, default 42") @QueryParam("days") String days) {
        tenantContext.requireCoach(coachId);
        int n = days(days);
        AthleteCharts.Chart chart = charts.chart(tenantContext.tenant(), coachId, athleteId, n)
                .orElseThrow(
                        () -> ProblemException.notFound("coach " + coachId + " does not follow athlete " + athleteId));
        List<TriagePoint> triage = chart.triage().stream()
                .map(t -> new TriagePoint(t.at(), t.category().name()))
                .toList();
        return new Series(athleteId, chart.athlete().displayName(), chart.from(), chart.to(), chart.days(), triage);
    }

    private static int days(String text) {
        if (text == null) {
            return DEFAULT_DAYS;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_DAYS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("/days", "must be an integer between 1 and " + MAX_DAYS);
    }
}
