package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.liftguard.events.EventIds;
import com.liftguard.events.model.Severity;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.FeedPosition;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    /** The id of the item an event puts on a coach's feed: the same on every replay. */
    public static String itemId(String tenant, String coachId, String sourceEventId) {
        return EventIds.derive("feed-item", tenant, coachId, sourceEventId);
    }

    /** Puts the item on the coach's feed; false if the source event is already there. */
    public boolean add(String tenant, FeedItem item) {
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
                .append("sourceEventId", item.sourceEventId());
        try {
            db.feed().insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (NotificationsDatabase.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
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
        db.feed().updateOne(and(item, eq("acknowledgedAt", null)), Updates.set("acknowledgedAt", Documents.date(now)));
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
