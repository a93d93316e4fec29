package com.liftguard.notifications.persistence;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's collections and their indexes. The unique indexes are what makes every consumer
 * idempotent: a duplicate key means the write was already done.
 */
@ApplicationScoped
public class NotificationsDatabase {
    static final String ROSTERS = "rosters";
    static final String ATHLETE_EVENTS = "athlete_events";
    static final String FEED = "feed";
    static final String FEED_SEQUENCES = "feed_sequences";
    static final String ATHLETE_DAYS = "athlete_days";
    static final String ATHLETE_TRIAGE = "athlete_triage";
    static final String FEED_CHANGES = "feed_changes";
    static final String FEED_SOURCES = "feed_sources";
    static final String FEED_COLLAPSE = "feed_collapse";
    static final String NOTIFICATION_OUTBOX = "notification_outbox";
    static final String NOTIFICATIONS_PUBLISHED = "notifications_published";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void createIndexes(@Observes StartupEvent ignored) {
        rosters()
                .createIndex(
                        Indexes.ascending("tenant", "athleteId"),
                        new IndexOptions().unique(true).name("tenant_athlete"));
        rosters().createIndex(Indexes.ascending("tenant", "coachIds"), new IndexOptions().name("tenant_coach"));
        athleteEvents()
                .createIndex(
                        Indexes.ascending("tenant", "sourceEventId"),
                        new IndexOptions().unique(true).name("tenant_source_event"));
        athleteEvents()
                .createIndex(
                        Indexes.ascending("tenant", "athleteId", "receivedAt"),
                        new IndexOptions().name("tenant_athlete_received"));
        feed().createIndex(
                        Indexes.ascending("tenant", "coachId", "sourceEventId"),
                        new IndexOptions().unique(true).name("tenant_coach_source_event"));
        feed().createIndex(
                        Indexes.compoundIndex(
                                Indexes.ascending("tenant", "coachId"), Indexes.descending("createdAt", "_id")),
                        new IndexOptions().name("tenant_coach_newest"));
        feed().createIndex(Indexes.ascending("tenant", "coachId", "seq"), new IndexOptions().name("tenant_coach_seq"));
        athleteDays()
                .createIndex(
                        Indexes.ascending("tenant", "athleteId", "date"),
                        new IndexOptions().name("tenant_athlete_date"));
        athleteTriage()
                .createIndex(
                        Indexes.ascending("tenant", "athleteId", "at"), new IndexOptions().name("tenant_athlete_at"));
        // the live stream's change log and the delivery markers are read by _id only; on MongoDB they expire
        // (mongo-java-server keeps them: it has no TTL indexes)
        feedChanges()
                .createIndex(
                        Indexes.ascending("at"),
                        new IndexOptions()
                                .name("expire")
                                .expireAfter(FeedStore.CHANGE_RETENTION.toSeconds(), TimeUnit.SECONDS));
        notificationOutbox().createIndex(Indexes.ascending("at", "_id"), new IndexOptions().name("oldest"));
        notificationsPublished()
                .createIndex(
                        Indexes.ascending("expireAt"),
                        new IndexOptions().name("expire").expireAfter(0L, TimeUnit.SECONDS));
        feedSources()
                .createIndex(
                        Indexes.ascending("at"),
                        new IndexOptions()
                                .name("expire")
                                .expireAfter(FeedStore.SOURCE_RETENTION.toSeconds(), TimeUnit.SECONDS));
    }

    MongoCollection<Document> notificationOutbox() {
        return collection(NOTIFICATION_OUTBOX);
    }

    MongoCollection<Document> notificationsPublished() {
        return collection(NOTIFICATIONS_PUBLISHED);
    }

    MongoCollection<Document> feedChanges() {
        return collection(FEED_CHANGES);
    }

    MongoCollection<Document> feedSources() {
        return collection(FEED_SOURCES);
    }

    MongoCollection<Document> feedCollapse() {
        return collection(FEED_COLLAPSE);
    }

    MongoCollection<Document> athleteDays() {
        return collection(ATHLETE_DAYS);
    }

    MongoCollection<Document> athleteTriage() {
        return collection(ATHLETE_TRIAGE);
    }

    MongoCollection<Document> feedSequences() {
        return collection(FEED_SEQUENCES);
    }

    MongoCollection<Document> rosters() {
        return collection(ROSTERS);
    }

    MongoCollection<Document> athleteEvents() {
        return collection(ATHLETE_EVENTS);
    }

    MongoCollection<Document> feed() {
        return collection(FEED);
    }

    static boolean isDuplicateKey(MongoWriteException e) {
        return e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }
}
