package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.liftguard.events.EventIds;
import com.liftguard.events.model.Severity;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.FeedPosition;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Collection {@code feed}: one item per coach and source event. */
@ApplicationScoped
public class FeedStore {
    @Inject
    NotificationsDatabase db;

    @Inject
    FeedSignals signals;

    /** The id of the item an event puts on a coach's feed: the same on every replay. */
    public static String itemId(String tenant, String coachId, String sourceEventId) {
        return EventIds.derive("feed-item", tenant, coachId, sourceEventId);
    }

    /** What {@link #add} did with an item. */
    public enum Outcome {
        /** A new item on the feed. */
        ADDED,
        /** Folded into an earlier unacknowledged item of the same athlete and reason (its repeats grew). */
        COLLAPSED,
        /** The source event was already on the feed (a replay). */
        ALREADY_THERE
    }

    /** An item as stored: its position in the coach's live stream and how many events it stands for. */
    public record Stored(FeedItem item, long seq, int repeats) {
    }

    /**
     * Puts the item on the coach's feed. An item with the same athlete and first reason as an
     * unacknowledged, non-urgent item of the last {@code collapseWindow} is folded into that one instead
     * (its repeats grow, its text becomes the latest), so a recurring warning does not flood the feed.
     * Every change takes the next number of the coach's sequence, which the live stream follows.
     */
    public Outcome add(String tenant, FeedItem item, String kind, Duration collapseWindow) {
        Bson coach = coach(tenant, item.coachId());
        if (db.feed().find(and(coach, eq("sourceEventIds", item.sourceEventId()))).limit(1).first() != null) {
            return Outcome.ALREADY_THERE;
        }
        String collapseKey = collapseKey(kind, item);
        if (item.severity() != Severity.URGENT && collapseKey != null && !collapseWindow.isZero()) {
            Document earlier = db.feed().find(and(coach, eq("athleteId", item.athleteId()),
                            eq("collapseKey", collapseKey), eq("acknowledgedAt", null),
                            gte("createdAt", Documents.date(item.createdAt().minus(collapseWindow)))))
                    .sort(Sorts.descending("createdAt")).limit(1).first();
            if (earlier != null) {
                db.feed().updateOne(eq("_id", earlier.getString("_id")), Updates.combine(
                        Updates.addToSet("sourceEventIds", item.sourceEventId()),
                        Updates.inc("repeats", 1),
                        Updates.set("title", item.title()),
                        Updates.set("body", item.body()),
                        Updates.set("reasons", Documents.reasons(item.reasons())),
                        Updates.set("recommendedActions", item.recommendedActions()),
                        Updates.set("lastOccurredAt", Documents.date(item.createdAt())),
                        Updates.set("seq", nextSeq(tenant, item.coachId()))));
                signals.changed(tenant, item.coachId());
                return Outcome.COLLAPSED;
            }
        }
        Document doc = new Document("_id", item.id())
                .append("tenant", tenant)
                .append("coachId", item.coachId())
                .append("athleteId", item.athleteId())
                .append("severity", item.severity().name())
                .append("title", item.title())
                .append("body", item.body())
                .append("reasons", Documents.reasons(item.reasons()))
                .append("recommendedActions", item.recommendedActions())
                .append("createdAt", Documents.date(item.createdAt()))
                .append("acknowledgedAt", Documents.date(item.acknowledgedAt()))
                .append("sourceEventId", item.sourceEventId())
                .append("sourceEventIds", List.of(item.sourceEventId()))
                .append("collapseKey", collapseKey)
                .append("repeats", 1)
                .append("seq", nextSeq(tenant, item.coachId()));
        try {
            db.feed().insertOne(doc);
            signals.changed(tenant, item.coachId());
            return Outcome.ADDED;
        } catch (MongoWriteException e) {
            if (NotificationsDatabase.isDuplicateKey(e)) {
                return Outcome.ALREADY_THERE;
            }
            throw e;
        }
    }

    /** Items changed after {@code afterSeq} in the coach's sequence, in sequence order. */
    public List<Stored> changedAfter(String tenant, String coachId, long afterSeq, int limit) {
        return db.feed().find(and(coach(tenant, coachId), gt("seq", afterSeq)))
                .sort(Sorts.ascending("seq"))
                .limit(limit)
                .map(FeedStore::stored)
                .into(new ArrayList<>());
    }

    /** The coach's latest sequence number (0 before any item). */
    public long lastSeq(String tenant, String coachId) {
        Document d = db.feedSequences().find(eq("_id", tenant + ":" + coachId)).first();
        return d == null ? 0 : ((Number) d.get("seq")).longValue();
    }

    /** How many events each item stands for (1 unless repeats were collapsed into it). */
    public java.util.Map<String, Integer> repeats(String tenant, String coachId, List<String> ids) {
        java.util.Map<String, Integer> repeats = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            db.feed().find(and(coach(tenant, coachId), in("_id", ids)))
                    .forEach(d -> repeats.put(d.getString("_id"), repeatsOf(d)));
        }
        return repeats;
    }

    private long nextSeq(String tenant, String coachId) {
        Document d = db.feedSequences().findOneAndUpdate(eq("_id", tenant + ":" + coachId), Updates.inc("seq", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return ((Number) d.get("seq")).longValue();
    }

    /** Items collapse when they are the same kind of news about the same athlete for the same (first) reason. */
    static String collapseKey(String kind, FeedItem item) {
        return item.reasons().isEmpty() ? null : kind + ":" + item.reasons().get(0).code();
    }

    private static int repeatsOf(Document d) {
        Object r = d.get("repeats");
        return r == null ? 1 : ((Number) r).intValue();
    }

    private static Stored stored(Document doc) {
        Object seq = doc.get("seq");
        return new Stored(item(doc), seq == null ? 0 : ((Number) seq).longValue(), repeatsOf(doc));
    }

    /** Up to {@code limit} items of the coach's feed after {@code after} (from the newest when null), newest first. */
    public List<FeedItem> page(String tenant, String coachId, FeedPosition after, int limit) {
        Bson filter = coach(tenant, coachId);
        if (after != null) {
            filter = and(filter, or(
                    lt("createdAt", Documents.date(after.createdAt())),
                    and(eq("createdAt", Documents.date(after.createdAt())), lt("_id", after.id()))));
        }
        return db.feed().find(filter)
                .sort(Sorts.descending("createdAt", "_id"))
                .limit(limit)
                .map(FeedStore::item)
                .into(new ArrayList<>());
    }

    public boolean hasAny(String tenant, String coachId) {
        return db.feed().find(coach(tenant, coachId)).limit(1).first() != null;
    }

    /**
     * Marks the item acknowledged at {@code now} unless it already was (the first acknowledgement's
     * time stays), and returns it; empty when the coach has no such item.
     */
    public Optional<FeedItem> acknowledge(String tenant, String coachId, String id, Instant now) {
        Bson item = and(eq("_id", id), coach(tenant, coachId));
        if (db.feed().find(and(item, eq("acknowledgedAt", null))).limit(1).first() != null) {
            // the acknowledgement is a change live streams show too: it takes the next sequence number
            db.feed().updateOne(and(item, eq("acknowledgedAt", null)), Updates.combine(
                    Updates.set("acknowledgedAt", Documents.date(now)), Updates.set("seq", nextSeq(tenant, coachId))));
            signals.changed(tenant, coachId);
        }
        return Optional.ofNullable(db.feed().find(item).first()).map(FeedStore::item);
    }

    private static Bson coach(String tenant, String coachId) {
        return and(eq("tenant", tenant), eq("coachId", coachId));
    }

    private static FeedItem item(Document doc) {
        return new FeedItem(doc.getString("_id"), doc.getString("coachId"), doc.getString("athleteId"),
                Severity.valueOf(doc.getString("severity")), doc.getString("title"), doc.getString("body"),
                Documents.reasons(doc, "reasons"), Documents.strings(doc, "recommendedActions"),
                Documents.instant(doc, "createdAt"), Documents.instant(doc, "acknowledgedAt"),
                doc.getString("sourceEventId"));
    }
}
