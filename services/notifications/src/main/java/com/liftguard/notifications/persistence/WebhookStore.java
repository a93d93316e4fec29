package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import com.liftguard.notifications.domain.Webhook;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Collection {@code webhooks}: at most one per tenant and coach. */
@ApplicationScoped
public class WebhookStore {
    @Inject
    WebhookCollections db;

    /** Stores the coach's webhook, replacing any earlier one. */
    public void put(Webhook webhook) {
        Document doc = new Document("tenant", webhook.tenant())
                .append("coachId", webhook.coachId())
                .append("url", webhook.url())
                .append("secret", webhook.secret())
                .append("updatedAt", Date.from(webhook.updatedAt()));
        try {
            db.webhooks().replaceOne(key(webhook.tenant(), webhook.coachId()), doc, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!NotificationsDatabase.isDuplicateKey(e)) {
                throw e;
            }
            // two first PUTs raced and the other inserted: it exists now, so this one replaces it
            db.webhooks().replaceOne(key(webhook.tenant(), webhook.coachId()), doc);
        }
    }

    public Optional<Webhook> find(String tenant, String coachId) {
        return Optional.ofNullable(db.webhooks().find(key(tenant, coachId)).first())
                .map(WebhookStore::webhook);
    }

    /** False when the coach had none. */
    public boolean delete(String tenant, String coachId) {
        return db.webhooks().deleteOne(key(tenant, coachId)).getDeletedCount() > 0;
    }

    private static Bson key(String tenant, String coachId) {
        return and(eq("tenant", tenant), eq("coachId", coachId));
    }

    private static Webhook webhook(Document doc) {
        return new Webhook(
                doc.getString("tenant"),
                doc.getString("coachId"),
                doc.getString("url"),
                doc.getString("secret"),
                doc.getDate("updatedAt").toInstant());
    }
}
