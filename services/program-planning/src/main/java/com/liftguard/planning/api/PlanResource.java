package com.liftguard.planning.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.liftguard.events.model.PlanItem;
import com.liftguard.events.model.Reason;
import com.liftguard.planning.domain.ExercisePlan;
import com.liftguard.planning.domain.GateStatus;
import com.liftguard.planning.domain.Plan;
import com.liftguard.planning.domain.PlanState;
import com.liftguard.planning.domain.Restriction;
import com.liftguard.planning.service.Clearance;
import com.liftguard.planning.service.PlanQueries;
import com.liftguard.support.web.Problem;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The athlete's plan, its history, and a coach's clearance (docs/api.md, Planning). */
@Path("/v1/athletes/{athleteId}")
@Tag(name = "planning")
@Blocking
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    public record RestrictionView(
            String restriction, List<PlanItem> paused, Instant since, Reason reason, String causeEventId) {}

    /**
     * The athlete's whole current prescription: the restrictions in force, each exercise with its sets,
     * reps, tempo and load (kg and percent of e1RM), the earliest next heavy spinal session, volume and
     * deload, accessory, core and mobility work, and coaching cues; every item with the reason behind it.
     */
    public record PlanView(
            String athleteId,
            Instant asOf,
            List<RestrictionView> restrictions,
            boolean mayIncreaseLoad,
            Reason loadIncreaseReason,
            List<ExercisePlan> exercises,
            boolean returnToBasics,
            Reason basicsReason,
            Instant earliestNextHeavySpinal,
            Reason earliestNextHeavySpinalReason,
            Double spinalVolumeChangePct,
            Reason spinalVolumeReason,
            boolean deloadWeek,
            Reason deloadReason,
            List<Plan.Item> accessories,
            List<Plan.Item> core,
            List<Plan.Item> mobility,
            List<Plan.Item> cues,
            GateStatus gate) {}

    public record AdjustmentView(
            String id,
            String action,
            String restriction,
            Reason reason,
            Instant madeAt,
            String causeEventId,
            String causeType) {}

    public record Adjustments(List<AdjustmentView> items) {}

    public record ClearanceView(String athleteId, String clearedBy, Instant clearedAt, Reason reason) {}

    @Inject
    TenantContext tenantContext;

    @Inject
    PlanQueries queries;

    @Inject
    Clearance clearance;

    @GET
    @Path("/plan")
    @Operation(summary = "The athlete's current prescription and the restrictions in force, each with its reason")
    public PlanView plan(@PathParam("athleteId") String athleteId) {
        PlanQueries.CurrentPlan current = queries.plan(tenantContext.tenant(), athleteId)
                .orElseThrow(() -> ProblemException.notFound("no plan is known for athlete " + athleteId));
        PlanState.Pause pause = current.pause();
        Restriction restriction = pause.restriction();
        List<RestrictionView> restrictions = new ArrayList<>();
        if (restriction != Restriction.NONE) {
            restrictions.add(new RestrictionView(
                    restriction.name(), restriction.paused(), pause.since(), pause.reason(), pause.causeEventId()));
        }
        Plan p = current.plan();
        return new PlanView(
                athleteId,
                p.asOf(),
                restrictions,
                p.mayIncreaseLoad(),
                p.loadIncreaseReason(),
                p.exercises(),
                p.returnToBasics(),
                p.basicsReason(),
                p.earliestNextHeavySpinal(),
                p.earliestNextHeavySpinalReason(),
                p.spinalVolumeChangePct(),
                p.spinalVolumeReason(),
                p.deloadWeek(),
                p.deloadReason(),
                p.accessories(),
                p.core(),
                p.mobility(),
                p.cues(),
                p.gate());
    }

    @GET
    @Path("/adjustments")
    @Operation(summary = "Every change to the plan, newest first, with the event that caused it")
    public Adjustments adjustments(@PathParam("athleteId") String athleteId) {
        List<AdjustmentView> items = queries
                .adjustments(tenantContext.tenant(), athleteId, 500)
                .orElseThrow(() -> ProblemException.notFound("no plan is known for athlete " + athleteId))
                .stream()
                .map(a -> new AdjustmentView(
                        a.id(),
                        a.action().name(),
                        a.restriction().name(),
                        a.reason(),
                        a.madeAt(),
                        a.cause().eventId(),
                        a.cause().eventType()))
                .toList();
        return new Adjustments(items);
    }

    @POST
    @Path("/clearance")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A coach of the athlete clears a paused athlete to train again")
    public ClearanceView clear(@PathParam("athleteId") String athleteId, JsonNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.badRequest("", "must be an object with coachId and note");
        }
        body.fieldNames().forEachRemaining(f -> {
            if (!f.equals("coachId") && !f.equals("note")) {
                errors.add(new Problem.FieldError("/" + f, "is not a known field"));
            }
        });
        JsonNode coach = body.get("coachId");
        if (coach == null
                || !coach.isTextual()
                || coach.asText().isBlank()
                || coach.asText().length() > 128) {
            errors.add(new Problem.FieldError(
                    "/coachId", "is required: the id of a coach of the athlete, 1 to 128 characters"));
        }
        JsonNode note = body.get("note");
        if (note != null
                && !note.isNull()
                && (!note.isTextual() || note.asText().length() > 2000)) {
            errors.add(new Problem.FieldError("/note", "must be a text of at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String noteText = note == null || note.isNull() ? null : note.asText();
        Clearance.Outcome outcome = clearance.clear(tenantContext.tenant(), athleteId, coach.asText(), noteText);
        return switch (outcome) {
            case Clearance.Outcome.Cleared c -> new ClearanceView(athleteId, coach.asText(), c.clearedAt(), c.reason());
            case Clearance.Outcome.UnknownAthlete u ->
                throw ProblemException.notFound("no plan is known for athlete " + athleteId);
            case Clearance.Outcome.NotACoach n ->
                throw new ProblemException(Problem.of(403, "not-a-coach-of-the-athlete", "Forbidden", n.why()));
            case Clearance.Outcome.NothingToClear n ->
                throw new ProblemException(Problem.of(409, "nothing-to-clear", "Conflict", n.why()));
        };
    }
}
