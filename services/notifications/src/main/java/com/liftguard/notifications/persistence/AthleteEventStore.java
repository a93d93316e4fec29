package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.liftguard.events.model.Severity;
import com.liftguard.notifications.domain.Notification;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Collection {@code athlete_events}: every composed notification per athlete, once per source event. */
@ApplicationScoped
public class AthleteEventStore {
    @Inject
    NotificationsDatabase db;

    /**
     * Stores the notification of a source event, or returns the one stored the first time the event was
     * received: a replay is fanned out again from exactly what was first composed.
     */
    public AthleteEvent record(String tenant, String sourceEventId, Notification n, Instant receivedAt) {
        Document doc = new Document("tenant", tenant)
                .append("sourceEventId", sourceEventId)
                .append("athleteId", n.athleteId())
                .append("severity", n.severity().name())
                .append("headline", n.headline())
                .append("body", n.body())
                .append("reasons", Documents.reasons(n.reasons()))
                .append("recommendedActions", n.recommendedActions())
                .append("occurredAt", Documents.date(n.occurredAt()))
                .append("kind", n.kind())
                .append("receivedAt", Documents.date(receivedAt));
        try {
            db.athleteEvents().insertOne(doc);
            return event(doc);
        } catch (MongoWriteException e) {
            if (!NotificationsDatabase.isDuplicateKey(e)) {
                throw e;
            }
            Document stored = db.athleteEvents()
                    .find(and(eq("tenant", tenant), eq("sourceEventId", sourceEventId)))
                    .first();
            if (stored == null) {
                throw e;
            }
            return event(stored);
        }
    }

    /** The athlete's events received at or after {@code since}, oldest first. */
    public List<AthleteEvent> receivedSince(String tenant, String athleteId, Instant since) {
        return db.athleteEvents()
                .find(and(eq("tenant", tenant), eq("athleteId", athleteId), gte("receivedAt", Documents.date(since))))
                .sort(Sorts.ascending("receivedAt"))
                .map(AthleteEventStore::event)
                .into(new ArrayList<>());
    }

    private static AthleteEvent event(Document doc) {
        Notification n = new Notification(
                doc.getString("athleteId"),
                Severity.valueOf(doc.getString("severity")),
                doc.getString("headline"),
                doc.getString("body"),
                Documents.reasons(doc, "reasons"),
                Documents.strings(doc, "recommendedActions"),
                Documents.instant(doc, "occurredAt"),
                doc.getString("kind"));
        return new AthleteEvent(
                doc.getString("tenant"), doc.getString("sourceEventId"), n, Documents.instant(doc, "receivedAt"));
    }
}
