package com.liftguard.notifications.api;

import com.liftguard.notifications.domain.FeedPosition;
import com.liftguard.notifications.service.CoachFeed;
import com.liftguard.notifications.wire.NotificationResponse;
import com.liftguard.support.web.Problem;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** A coach's feed: what happened to the athletes they follow, and what to do about it. */
@Path("/v1/coaches/{coachId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    TenantContext tenantContext;

    @Inject
    CoachFeed feed;

    @GET
    @Operation(
            summary = "The coach's feed",
            description =
                    "Pages are cut newest first; within a page, unacknowledged items come first, most severe first.")
    public FeedPage feed(
            @PathParam("coachId") String coachId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("after") String after,
            @Parameter(description = "1..200, default 50") @QueryParam("limit") String limit) {
        tenantContext.requireCoach(coachId);
        List<Problem.FieldError> errors = new ArrayList<>();
        int pageSize = parseLimit(limit, errors);
        FeedPosition position = parseCursor(after, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        CoachFeed.Page page = feed.page(tenantContext.tenant(), coachId, position, pageSize)
                .orElseThrow(() -> ProblemException.notFound("no coach " + coachId));
        return new FeedPage(
                page.items().stream()
                        .map(i -> NotificationResponse.of(i, page.repeatsOf(i)))
                        .toList(),
                page.next() == null ? null : FeedCursor.encode(page.next()));
    }

    @POST
    @Path("{id}/ack")
    @Operation(summary = "Acknowledge a feed item", description = "Idempotent: the first acknowledgement's time stays.")
    public NotificationResponse acknowledge(@PathParam("coachId") String coachId, @PathParam("id") String id) {
        tenantContext.requireCoach(coachId);
        return feed.acknowledge(tenantContext.tenant(), coachId, id)
                .map(NotificationResponse::of)
                .orElseThrow(() -> ProblemException.notFound("no notification " + id));
    }

    private static int parseLimit(String limit, List<Problem.FieldError> errors) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        errors.add(new Problem.FieldError("/limit", "must be an integer between 1 and " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static FeedPosition parseCursor(String after, List<Problem.FieldError> errors) {
        if (after == null) {
            return null;
        }
        Optional<FeedPosition> position = FeedCursor.decode(after);
        if (position.isEmpty()) {
            errors.add(new Problem.FieldError("/after", "is not a cursor this feed handed out"));
            return null;
        }
        return position.get();
    }
}
