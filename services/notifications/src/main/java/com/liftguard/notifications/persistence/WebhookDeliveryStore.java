package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.liftguard.notifications.config.WebhooksConfig;
import com.liftguard.notifications.domain.WebhookDelivery;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code webhook_deliveries}, the webhook outbox: a document per feed item to POST, written
 * before anything is sent so that a crash loses nothing. A delivery is PENDING until a 2xx answer makes
 * it DELIVERED or the last allowed attempt fails and makes it DEAD, where it stays as the dead-letter
 * record with its last error. A DELIVERED or DEAD record carries {@code expireAt}, when MongoDB removes it
 * ({@link WebhooksConfig#deliveredRetention()}, {@link WebhooksConfig#deadRetention()}); a PENDING one has
 * none and is never removed.
 *
 * <p>A sender first claims a delivery: one findOneAndUpdate that sets a lease ({@code claimedUntil}) and
 * a fresh claim token, so that two instances never send the same delivery at once. Every outcome is
 * written only under that token: a sender whose lease ran out and was taken over changes nothing. If a
 * sender dies, the lease runs out and the delivery is claimed again, so a POST may be repeated (receivers
 * tell repeats by {@code Liftguard-Delivery}).
 */
@ApplicationScoped
public class WebhookDeliveryStore {
    private static final Date NEVER_CLAIMED = new Date(0);

    @Inject
    WebhookCollections db;

    @Inject
    WebhooksConfig config;

    /** Adds the delivery, due now; false if there already is one with its id (the item was enqueued before). */
    public boolean enqueue(WebhookDelivery delivery, Instant now) {
        Document doc = new Document("_id", delivery.id())
                .append("tenant", delivery.tenant())
                .append("coachId", delivery.coachId())
                .append("url", delivery.url())
                .append("body", delivery.body())
                .append("status", WebhookDelivery.Status.PENDING.name())
                .append("attempts", 0)
                .append("createdAt", Date.from(now))
                .append("nextAttemptAt", Date.from(now))
                .append("claimedUntil", NEVER_CLAIMED)
                .append("claim", null)
                .append("lastAttemptAt", null)
                .append("lastError", null);
        try {
            db.deliveries().insertOne(doc);
            return true;
        } catch (MongoWriteException e) {
            if (NotificationsDatabase.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Claims the PENDING delivery due first whose lease (if any) has run out, until {@code leaseUntil}. */
    public Optional<WebhookDelivery> claimDue(Instant now, Instant leaseUntil) {
        Date at = Date.from(now);
        Bson due = and(
                eq("status", WebhookDelivery.Status.PENDING.name()), lte("nextAttemptAt", at), lte("claimedUntil", at));
        String claim = UUID.randomUUID().toString();
        Document claimed = db.deliveries()
                .findOneAndUpdate(
                        due,
                        Updates.combine(
                                Updates.set("claimedUntil", Date.from(leaseUntil)), Updates.set("claim", claim)),
                        new FindOneAndUpdateOptions()
                                .sort(Sorts.ascending("nextAttemptAt"))
                                .returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(claimed).map(WebhookDeliveryStore::delivery);
    }

    /** The receiver answered 2xx. False when the claim was lost meanwhile. */
    public boolean delivered(WebhookDelivery claimed, Instant now) {
        return complete(
                claimed,
                now,
                Updates.combine(
                        Updates.set("status", WebhookDelivery.Status.DELIVERED.name()),
                        Updates.set("deliveredAt", Date.from(now)),
                        Updates.set("expireAt", Date.from(now.plus(config.deliveredRetention()))),
                        Updates.set("lastError", null)));
    }

    /** The attempt failed and another one is due at {@code next}. */
    public boolean retryLater(WebhookDelivery claimed, Instant now, Instant next, String error) {
        return complete(
                claimed,
                now,
                Updates.combine(Updates.set("nextAttemptAt", Date.from(next)), Updates.set("lastError", error)));
    }

    /** The delivery is given up: it stays DEAD with the reason, the dead-letter record. */
    public boolean dead(WebhookDelivery claimed, Instant now, String error) {
        return complete(
                claimed,
                now,
                Updates.combine(
                        Updates.set("status", WebhookDelivery.Status.DEAD.name()),
                        Updates.set("deadAt", Date.from(now)),
                        Updates.set("expireAt", Date.from(now.plus(config.deadRetention()))),
                        Updates.set("lastError", error)));
    }

    /** The stored delivery, whatever its status. */
    public Optional<Document> find(String id) {
        return Optional.ofNullable(db.deliveries().find(eq("_id", id)).first());
    }

    private boolean complete(WebhookDelivery claimed, Instant now, Bson outcome) {
        return db.deliveries()
                        .updateOne(
                                and(eq("_id", claimed.id()), eq("claim", claimed.claim())),
                                Updates.combine(
                                        outcome,
                                        Updates.inc("attempts", 1),
                                        Updates.set("lastAttemptAt", Date.from(now)),
                                        Updates.set("claimedUntil", Date.from(now)),
                                        Updates.set("claim", null)))
                        .getModifiedCount()
                > 0;
    }

    private static WebhookDelivery delivery(Document doc) {
        return new WebhookDelivery(
                doc.getString("_id"),
                doc.getString("tenant"),
                doc.getString("coachId"),
                doc.getString("url"),
                doc.getString("body"),
                doc.getInteger("attempts", 0),
                doc.getString("claim"));
    }
}
