package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.in;

import com.liftguard.notifications.config.NotificationsConfig;
import com.liftguard.notifications.domain.OutboxEntry;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * The outbox of NotificationCreated events: {@code notification_outbox} holds each event to publish, from
 * the moment its feed item is written until the broker has acknowledged it; {@code notifications_published}
 * remembers what was published (for {@code publishing.published-retention}; a TTL index removes it), so a
 * second delivery of the same item (a roster change, a redelivered event) does not publish it again.
 * The outbox only ever holds what is still to send, so the relay's read stays small on every server.
 */
@ApplicationScoped
public class PublicationStore {
    @Inject
    NotificationsDatabase db;

    @Inject
    NotificationsConfig config;

    public boolean published(String eventId) {
        return db.notificationsPublished().find(new Document("_id", eventId)).first() != null;
    }

    /** Adds the event unless it is already waiting (then this is a no-op). */
    public void enqueue(OutboxEntry event, Instant now) {
        Document doc = new Document("_id", event.eventId())
                .append("key", event.key())
                .append("value", event.value())
                .append("trace", new Document(Map.copyOf(event.trace())))
                .append("at", Date.from(now));
        try {
            db.notificationOutbox().insertOne(doc);
        } catch (MongoWriteException e) {
            if (!NotificationsDatabase.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    /** The oldest waiting events, oldest first. */
    public List<OutboxEntry> oldest(int limit) {
        return db.notificationOutbox()
                .find()
                .sort(Sorts.ascending("at", "_id"))
                .limit(limit)
                .map(PublicationStore::entry)
                .into(new ArrayList<>());
    }

    /** The broker acknowledged these: remembered as published, then taken out of the outbox. */
    public void sent(List<String> eventIds, Instant now) {
        if (eventIds.isEmpty()) {
            return;
        }
        Date expireAt = Date.from(now.plus(config.publishing().publishedRetention()));
        List<Document> markers = eventIds.stream()
                .map(id -> new Document("_id", id).append("at", Date.from(now)).append("expireAt", expireAt))
                .toList();
        try {
            db.notificationsPublished().insertMany(markers, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            // published twice (another instance, or a relay that died before deleting): the marker is there
            if (e.getWriteErrors().stream()
                    .anyMatch(err -> ErrorCategory.fromErrorCode(err.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
        db.notificationOutbox().deleteMany(in("_id", eventIds));
    }

    private static OutboxEntry entry(Document doc) {
        Map<String, String> trace = new LinkedHashMap<>();
        Document t = doc.get("trace", Document.class);
        if (t != null) {
            t.forEach((k, v) -> trace.put(k, String.valueOf(v)));
        }
        return new OutboxEntry(doc.getString("_id"), doc.getString("key"), doc.getString("value"), trace);
    }
}
