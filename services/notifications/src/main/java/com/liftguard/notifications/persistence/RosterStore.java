package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.liftguard.notifications.domain.RosterEntry;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/** Collection {@code rosters}: one entry per tenant and athlete, the newest roster event wins. */
@ApplicationScoped
public class RosterStore {
    @Inject
    NotificationsDatabase db;

    /**
     * Stores the entry unless a newer (or equally new) one is already stored, and returns what is stored
     * afterwards. One upsert conditioned on the stored {@code changedAt}: when the stored entry is newer
     * the filter misses, the upsert's insert hits the unique index, and the stale entry is dropped.
     */
    public RosterEntry apply(RosterEntry entry) {
        Bson update = Updates.combine(
                Updates.set("displayName", entry.displayName()),
                Updates.set("coachIds", entry.coachIds()),
                Updates.set("changedAt", Documents.date(entry.changedAt())));
        try {
            db.rosters()
                    .updateOne(
                            and(
                                    key(entry.tenant(), entry.athleteId()),
                                    lt("changedAt", Documents.date(entry.changedAt()))),
                            update,
                            new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (!NotificationsDatabase.isDuplicateKey(e)) {
                throw e;
            }
        }
        return find(entry.tenant(), entry.athleteId())
                .orElseThrow(() -> new IllegalStateException("roster of " + entry.athleteId() + " vanished"));
    }

    public Optional<RosterEntry> find(String tenant, String athleteId) {
        return Optional.ofNullable(db.rosters().find(key(tenant, athleteId)).first())
                .map(RosterStore::entry);
    }

    /** Whether any athlete of the tenant is followed by this coach. */
    public boolean followsAnyone(String tenant, String coachId) {
        return db.rosters()
                        .find(and(eq("tenant", tenant), eq("coachIds", coachId)))
                        .first()
                != null;
    }

    /** The athletes the coach follows, by display name. */
    public List<RosterEntry> followedBy(String tenant, String coachId) {
        return db.rosters()
                .find(and(eq("tenant", tenant), eq("coachIds", coachId)))
                .sort(Sorts.ascending("displayName", "athleteId"))
                .map(RosterStore::entry)
                .into(new ArrayList<>());
    }

    /**
     * Exactly the fields of the unique index, as one plain document: MongoDB and mongo-java-server both answer
     * it from the index (an {@code $and} of the two would be a collection scan on mongo-java-server).
     */
    private static Bson key(String tenant, String athleteId) {
        return new Document("tenant", tenant).append("athleteId", athleteId);
    }

    private static RosterEntry entry(Document doc) {
        return new RosterEntry(
                doc.getString("tenant"),
                doc.getString("athleteId"),
                doc.getString("displayName"),
                doc.getList("coachIds", String.class, List.of()),
                Documents.instant(doc, "changedAt"));
    }
}
