package com.liftguard.notifications.api;

import com.liftguard.notifications.persistence.AthleteSeriesStore;
import com.liftguard.notifications.persistence.RosterEntry;
import com.liftguard.notifications.persistence.RosterStore;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The athletes a coach follows, and what the coach's page charts for each (load, ACWR, risk, triage). */
@Path("/v1/coaches/{coachId}/athletes")
@Produces(MediaType.APPLICATION_JSON)
public class AthleteResource {
    static final int DEFAULT_DAYS = 42;
    static final int MAX_DAYS = 400;

    public record AthleteView(String athleteId, String displayName) {
    }

    public record Athletes(List<AthleteView> items) {
    }

    public record TriagePoint(java.time.Instant at, String category) {
    }

    public record Series(String athleteId, String displayName, LocalDate from, LocalDate to,
                         List<AthleteSeriesStore.Day> days, List<TriagePoint> triage) {
    }

    @Inject
    TenantContext tenantContext;

    @Inject
    RosterStore rosters;

    @Inject
    AthleteSeriesStore series;

    @GET
    @Operation(summary = "The athletes the coach follows")
    public Athletes athletes(@PathParam("coachId") String coachId) {
        tenantContext.requireCoach(coachId);
        List<RosterEntry> followed = rosters.followedBy(tenantContext.tenant(), coachId);
        if (followed.isEmpty()) {
            throw ProblemException.notFound("no coach " + coachId);
        }
        return new Athletes(followed.stream().map(r -> new AthleteView(r.athleteId(), r.displayName())).toList());
    }

    @GET
    @Path("{athleteId}/series")
    @Operation(summary = "The athlete's daily load, ACWR, risk level and triage decisions over time",
            description = "The last `days` days up to the athlete's latest figures.")
    public Series series(@PathParam("coachId") String coachId, @PathParam("athleteId") String athleteId,
                         @Parameter(description = "1..400, default 42") @QueryParam("days") String days) {
        tenantContext.requireCoach(coachId);
        int n = days(days);
        String tenant = tenantContext.tenant();
        RosterEntry roster = rosters.find(tenant, athleteId)
                .filter(r -> r.coachIds().contains(coachId))
                .orElseThrow(() -> ProblemException.notFound("coach " + coachId + " does not follow athlete " + athleteId));
        LocalDate to = series.latestDay(tenant, athleteId).orElse(LocalDate.now(ZoneOffset.UTC));
        LocalDate from = to.minusDays(n - 1L);
        List<TriagePoint> triage = series.triage(tenant, athleteId, from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()).stream()
                .map(t -> new TriagePoint(t.at(), t.category().name())).toList();
        return new Series(athleteId, roster.displayName(), from, to, series.days(tenant, athleteId, from, to), triage);
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
