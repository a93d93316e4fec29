package com.liftguard.notifications.persistence;

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
 * The webhook collections and their indexes: {@code webhooks}, one per tenant and coach, and
 * {@code webhook_deliveries}, the outbox of POSTs still to make (and the record of those made or given up).
 */
@ApplicationScoped
public class WebhookCollections {
    static final String WEBHOOKS = "webhooks";
    static final String DELIVERIES = "webhook_deliveries";

    @Inject
    MongoClient mongo;

    @ConfigProperty(name = "quarkus.mongodb.database")
    String database;

    void createIndexes(@Observes StartupEvent ignored) {
        webhooks()
                .createIndex(
                        Indexes.ascending("tenant", "coachId"),
                        new IndexOptions().unique(true).name("tenant_coach"));
        deliveries().createIndex(Indexes.ascending("status", "nextAttemptAt"), new IndexOptions().name("status_due"));
        deliveries()
                .createIndex(
                        Indexes.ascending("tenant", "coachId", "status"),
                        new IndexOptions().name("tenant_coach_status"));
        // a delivery made or given up is removed at its expireAt; a pending one has none (mongo-java-server has no
        // TTL indexes and keeps every record)
        deliveries()
                .createIndex(
                        Indexes.ascending("expireAt"),
                        new IndexOptions().name("expire").expireAfter(0L, TimeUnit.SECONDS));
    }

    MongoCollection<Document> webhooks() {
        return collection(WEBHOOKS);
    }

    MongoCollection<Document> deliveries() {
        return collection(DELIVERIES);
    }

    private MongoCollection<Document> collection(String name) {
        return mongo.getDatabase(database).getCollection(name);
    }
}
