package com.liftguard.notifications.api;

import com.liftguard.events.serde.Json;
import com.liftguard.notifications.config.NotificationsConfig;
import com.liftguard.notifications.domain.FeedChange;
import com.liftguard.notifications.service.CoachFeed;
import com.liftguard.notifications.service.CoachStream;
import com.liftguard.notifications.wire.NotificationResponse;
import com.liftguard.support.web.ProblemException;
import com.liftguard.support.web.TenantContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.logging.Logger;

/**
 * The coach's feed live, as server-sent events. Every change to the coach's feed (a new item, a repeat
 * collapsed into one, an acknowledgement) takes the next number of the coach's sequence; the stream
 * sends them in that order with the number as the event id, so a client that reconnects with
 * {@code Last-Event-ID} resumes exactly after what it last received: no gap, no repeat. A change that a
 * later change of the same item superseded is not sent (the item goes out, as it is then, with the later
 * one). The stream reads the coach's change log in MongoDB, not this instance's memory, so it sees writes
 * of every instance.
 *
 * <p>Events: {@code ready} once at the start (id = the position the stream starts after), then
 * {@code notification} per change (data = the item as in the feed); comment lines keep idle streams open.
 */
@Path("/v1/coaches/{coachId}/notifications/stream")
public class FeedStreamResource {
    private static final Logger LOG = Logger.getLogger(FeedStreamResource.class);
    private static final int BATCH = 100;

    @Inject
    TenantContext tenantContext;

    @Inject
    CoachFeed feed;

    @Inject
    CoachStream stream;

    @Inject
    NotificationsConfig config;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "The coach's feed live (server-sent events)",
            description =
                    "Reconnect with the Last-Event-ID header (or ?lastEventId=) to resume after the last event received.")
    public void stream(
            @PathParam("coachId") String coachId,
            @Parameter(description = "the id of the last event received") @HeaderParam("Last-Event-ID")
                    String lastEventId,
            @Parameter(description = "the same, for clients that cannot set headers") @QueryParam("lastEventId")
                    String lastEventIdParam,
            @Context SseEventSink sink,
            @Context Sse sse) {
        tenantContext.requireCoach(coachId);
        String tenant = tenantContext.tenant();
        String resumeFrom = lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventIdParam;
        long start;
        if (resumeFrom != null && !resumeFrom.isBlank()) {
            start = parse(resumeFrom.strip());
        } else {
            if (!feed.exists(tenant, coachId)) {
                throw ProblemException.notFound("no coach " + coachId);
            }
            start = stream.lastSeq(tenant, coachId);
        }
        // the first event goes out here, on the request's thread: it writes the response head before the
        // framework's own initial write for the stream runs, which skips a head already written. Sent from the
        // pump's thread instead, the two raced to write the head, and the loser broke the stream
        try {
            send(sink, ready(sse, start));
        } catch (StreamClosed e) {
            return; // the client went away already
        }
        Thread.ofVirtual().name("feed-stream-" + coachId).start(() -> pump(tenant, coachId, start, sink, sse));
    }

    static OutboundSseEvent ready(Sse sse, long start) {
        return sse.newEventBuilder()
                .name("ready")
                .id(Long.toString(start))
                .data("{}")
                .build();
    }

    private static long parse(String id) {
        try {
            long seq = Long.parseLong(id);
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.badRequest("Last-Event-ID", "must be the id of an event this stream sent (a number)");
    }

    /** Sends the coach's changes after {@code start} ('ready' was sent) in sequence order until the client goes away. */
    void pump(String tenant, String coachId, long start, SseEventSink sink, Sse sse) {
        long cursor = start;
        long gapSince = 0;
        long lastSent = System.nanoTime();
        try (sink) {
            while (!sink.isClosed()) {
                long version = stream.version(tenant, coachId);
                List<FeedChange> changes = stream.changedAfter(tenant, coachId, cursor, BATCH);
                for (FeedChange change : changes) {
                    if (change.seq() != cursor + 1) {
                        // an earlier number is not visible yet (a write in flight elsewhere, or never completed):
                        // wait for it a little, then go on without it
                        if (gapSince == 0) {
                            gapSince = System.nanoTime();
                        }
                        if (System.nanoTime() - gapSince
                                < config.streamGapWait().toNanos()) {
                            break;
                        }
                    }
                    gapSince = 0;
                    cursor = change.seq();
                    if (change.item() == null) {
                        continue; // superseded: the item goes out with its later change
                    }
                    send(
                            sink,
                            sse.newEventBuilder()
                                    .name("notification")
                                    .id(Long.toString(cursor))
                                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                    .data(Json.write(NotificationResponse.of(change.item(), change.repeats())))
                                    .build());
                    lastSent = System.nanoTime();
                }
                long last = changes.isEmpty() ? stream.lastSeq(tenant, coachId) : cursor;
                if (last > cursor) {
                    // numbers were taken but none of the next BATCH has an entry: writes in flight, or entries
                    // that never completed or have expired; wait as for any gap, then step over them
                    if (gapSince == 0) {
                        gapSince = System.nanoTime();
                    } else if (System.nanoTime() - gapSince
                            >= config.streamGapWait().toNanos()) {
                        cursor = Math.min(last, cursor + BATCH);
                        gapSince = 0;
                        continue;
                    }
                }
                if (System.nanoTime() - lastSent > config.streamKeepAlive().toNanos()) {
                    send(sink, sse.newEventBuilder().comment("keep-alive").build());
                    lastSent = System.nanoTime();
                }
                if (gapSince != 0 || changes.size() < BATCH) {
                    // woken at once by a change this instance makes, other instances' changes at the next poll. A
                    // gap is most often a write of this instance between taking its number and logging its change
                    // (the stream read in between): it ends with that write's signal, not a poll interval later
                    stream.awaitChange(tenant, coachId, version, config.streamPollInterval());
                }
            }
        } catch (StreamClosed | InterruptedException e) {
            // the client went away
        } catch (RuntimeException e) {
            LOG.warnf("live feed of coach %s stopped: %s", coachId, e.toString());
        }
    }

    private static void send(SseEventSink sink, OutboundSseEvent event) throws StreamClosed {
        if (sink.isClosed()) {
            throw new StreamClosed();
        }
        try {
            sink.send(event).toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new StreamClosed();
        }
    }

    private static final class StreamClosed extends Exception {
        StreamClosed() {
            super(null, null, false, false);
        }
    }
}
