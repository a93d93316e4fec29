package com.liftguard.notifications.persistence;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.liftguard.events.EventIds;
import com.liftguard.events.model.Severity;
import com.liftguard.notifications.domain.FeedChange;
import com.liftguard.notifications.domain.FeedCollapse;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.FeedPosition;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Collection {@code feed}: one item per coach and source event, or per run of repeats folded into one.
 * Beside it, every lookup a write or the live stream makes is by {@code _id}, which MongoDB and
 * mongo-java-server alike answer from the primary index, so their cost does not grow with the feed:
 * <ul>
 *   <li>{@code feed_sources}: one marker per coach and source event already on the feed (the replay check);</li>
 *   <li>{@code feed_collapse}: per coach, athlete and collapse key, the item repeats fold into;</li>
 *   <li>{@code feed_changes}: the coach's change log, one entry per sequence number naming the item it
 *       changed, which the live stream reads in order.</li>
 * </ul>
 * A change is written item first, then its log entry, then its marker: a crash in between leaves the item
 * written and the event redelivered, which finds the item (its id, or its {@code sourceEventIds}) and
 * completes the log entry and the marker.
 */
@ApplicationScoped
public class FeedStore {
    /** How long the live stream's change log keeps an entry (a stream resuming from older ids skips them). */
    static final Duration CHANGE_RETENTION = Duration.ofDays(7);
    /** How long a source event is remembered as delivered: longer than any topic keeps a record to replay. */
    static final Duration SOURCE_RETENTION = Duration.ofDays(30);

    private static final Object[] SEQUENCE_LOCKS = new Object[64];

    static {
        for (int i = 0; i < SEQUENCE_LOCKS.length; i++) {
            SEQUENCE_LOCKS[i] = new Object();
        }
    }

    @Inject
    NotificationsDatabase db;

    @Inject
    FeedSignals signals;

    @Inject
    Clock clock;

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

    /**
     * Puts the item on the coach's feed, or folds it into an earlier item when {@link FeedCollapse} says it
     * repeats one (its repeats grow, its text becomes the latest), so a recurring warning does not flood the
     * feed. Every change takes the next number of the coach's sequence, which the live stream follows.
     */
    public Outcome add(String tenant, FeedItem item, String kind, Duration collapseWindow) {
        String sourceMarker = item.id(); // = itemId(tenant, coach, sourceEventId)
        if (db.feedSources().find(eq("_id", sourceMarker)).first() != null) {
            return Outcome.ALREADY_THERE;
        }
        String collapseKey = FeedCollapse.key(kind, item);
        boolean collapsible = FeedCollapse.mayFold(item, collapseKey, collapseWindow);
        String collapseId = collapseKey == null
                ? null
                : EventIds.derive("feed-collapse", tenant, item.coachId(), item.athleteId(), collapseKey);
        if (collapsible) {
            Document pointer = db.feedCollapse().find(eq("_id", collapseId)).first();
            Document earlier = pointer == null
                    ? null
                    : db.feed().find(eq("_id", pointer.getString("item"))).first();
            if (earlier != null && FeedCollapse.foldsInto(item, item(earlier), collapseWindow)) {
                return foldInto(tenant, earlier, item, sourceMarker);
            }
        }
        return insert(tenant, item, collapseKey, collapsible ? collapseId : null, sourceMarker);
    }

    private Outcome foldInto(String tenant, Document earlier, FeedItem item, String sourceMarker) {
        String earlierId = earlier.getString("_id");
        if (Documents.strings(earlier, "sourceEventIds").contains(item.sourceEventId())) {
            // folded in before a crash kept the log entry or the marker from being written: complete them
            logChange(tenant, item.coachId(), ((Number) earlier.get("seq")).longValue(), earlierId);
            markDelivered(sourceMarker, earlierId);
            return Outcome.ALREADY_THERE;
        }
        long seq = nextSeq(tenant, item.coachId());
        // one atomic write adds the event to the item's sources (their number is its repeats) and gives
        // it the event's text and the change's number; the item as it was before says whether this
        // delivery folded the event in: of two deliveries of one event at once (the event's channel
        // and a roster change) both write the same, and only one finds the event absent
        Document before = db.feed()
                .findOneAndUpdate(
                        eq("_id", earlierId),
                        Updates.combine(
                                Updates.addToSet("sourceEventIds", item.sourceEventId()),
                                Updates.set("title", item.title()),
                                Updates.set("body", item.body()),
                                Updates.set("reasons", Documents.reasons(item.reasons())),
                                Updates.set("recommendedActions", item.recommendedActions()),
                                Updates.set("lastOccurredAt", Documents.date(item.createdAt())),
                                Updates.set("seq", seq)),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE));
        logChange(tenant, item.coachId(), seq, earlierId);
        signals.changed(tenant, item.coachId());
        markDelivered(sourceMarker, earlierId);
        return before != null && !Documents.strings(before, "sourceEventIds").contains(item.sourceEventId())
                ? Outcome.COLLAPSED
                : Outcome.ALREADY_THERE;
    }

    /** @param collapseId the pointer repeats of the item fold by from now on; null when it takes none */
    private Outcome insert(String tenant, FeedItem item, String collapseKey, String collapseId, String sourceMarker) {
        long seq = nextSeq(tenant, item.coachId());
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
                .append("seq", seq);
        try {
            db.feed().insertOne(doc);
        } catch (MongoWriteException e) {
            if (NotificationsDatabase.isDuplicateKey(e)) {
                // inserted before a crash, or by a delivery of the same event at the same moment: complete what
                // may not have followed (log entry, pointer, marker)
                Document stored = db.feed().find(eq("_id", item.id())).first();
                if (stored != null && stored.get("seq") != null) {
                    logChange(tenant, item.coachId(), ((Number) stored.get("seq")).longValue(), item.id());
                }
                // the number this attempt took is logged too, as a change the item's own number supersedes: the
                // live stream steps over it at once instead of waiting for it as for a write in flight
                logChange(tenant, item.coachId(), seq, item.id());
                if (collapseId != null) {
                    pointCollapseAt(collapseId, item.id());
                }
                markDelivered(sourceMarker, item.id());
                return Outcome.ALREADY_THERE;
            }
            throw e;
        }
        logChange(tenant, item.coachId(), seq, item.id());
        if (collapseId != null) {
            // repeats of this athlete and reason fold into this item from now on
            pointCollapseAt(collapseId, item.id());
        }
        signals.changed(tenant, item.coachId());
        markDelivered(sourceMarker, item.id());
        return Outcome.ADDED;
    }

    /**
     * The coach's changes after {@code afterSeq} among the next {@code limit} numbers, in sequence order. A
     * number without an entry is missing from the result: a change still being written, or one that never
     * completed (its writer crashed after taking the number).
     */
    public List<FeedChange> changedAfter(String tenant, String coachId, long afterSeq, int limit) {
        List<String> ids = new ArrayList<>(limit);
        for (long seq = afterSeq + 1; seq <= afterSeq + limit; seq++) {
            ids.add(changeId(tenant, coachId, seq));
        }
        TreeMap<Long, String> itemBySeq = new TreeMap<>();
        db.feedChanges()
                .find(in("_id", ids))
                .forEach(d -> itemBySeq.put(((Number) d.get("seq")).longValue(), d.getString("item")));
        if (itemBySeq.isEmpty()) {
            return List.of();
        }
        Map<String, Document> items = new HashMap<>();
        db.feed().find(in("_id", new HashSet<>(itemBySeq.values()))).forEach(d -> items.put(d.getString("_id"), d));
        List<FeedChange> changes = new ArrayList<>(itemBySeq.size());
        itemBySeq.forEach((seq, itemId) -> {
            Document doc = items.get(itemId);
            Object itemSeq = doc == null ? null : doc.get("seq");
            boolean current = itemSeq != null && ((Number) itemSeq).longValue() == seq;
            changes.add(current ? change(doc) : new FeedChange(null, seq, 0));
        });
        return changes;
    }

    /** The coach's latest sequence number (0 before any item). */
    public long lastSeq(String tenant, String coachId) {
        Document d = db.feedSequences().find(eq("_id", tenant + ":" + coachId)).first();
        return d == null ? 0 : ((Number) d.get("seq")).longValue();
    }

    /** How many events each item stands for (1 unless repeats were collapsed into it). */
    public Map<String, Integer> repeats(String tenant, String coachId, List<String> ids) {
        Map<String, Integer> repeats = new HashMap<>();
        if (!ids.isEmpty()) {
            db.feed().find(in("_id", ids)).forEach(d -> {
                if (tenant.equals(d.getString("tenant")) && coachId.equals(d.getString("coachId"))) {
                    repeats.put(d.getString("_id"), repeatsOf(d));
                }
            });
        }
        return repeats;
    }

    /** The log entry of a change; written once (a replay completing a change finds it there). */
    private void logChange(String tenant, String coachId, long seq, String itemId) {
        try {
            db.feedChanges()
                    .insertOne(new Document("_id", changeId(tenant, coachId, seq))
                            .append("seq", seq)
                            .append("item", itemId)
                            .append("at", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (!NotificationsDatabase.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    private void pointCollapseAt(String collapseId, String itemId) {
        db.feedCollapse()
                .replaceOne(
                        eq("_id", collapseId),
                        new Document("_id", collapseId).append("item", itemId),
                        new ReplaceOptions().upsert(true));
    }

    private void markDelivered(String sourceMarker, String itemId) {
        try {
            db.feedSources()
                    .insertOne(new Document("_id", sourceMarker)
                            .append("item", itemId)
                            .append("at", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (!NotificationsDatabase.isDuplicateKey(e)) {
                throw e;
            }
        }
    }

    static String changeId(String tenant, String coachId, long seq) {
        return EventIds.derive("feed-change", tenant, coachId, Long.toString(seq));
    }

    /**
     * The coach's next sequence number. MongoDB's findAndModify is atomic; mongo-java-server's is not (two
     * increments at once can both return the later value, and the number between goes to nobody, which the live
     * stream then waits for as for a write in flight), so this instance's increments of one coach's sequence
     * take turns. Instances of the service share MongoDB, where the operation itself is atomic.
     */
    private long nextSeq(String tenant, String coachId) {
        String id = tenant + ":" + coachId;
        synchronized (SEQUENCE_LOCKS[Math.floorMod(id.hashCode(), SEQUENCE_LOCKS.length)]) {
            Document d = db.feedSequences()
                    .findOneAndUpdate(
                            eq("_id", id),
                            Updates.inc("seq", 1L),
                            new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            return ((Number) d.get("seq")).longValue();
        }
    }

    /** The events folded into the item: its sources (items stored before that counted them in "repeats"). */
    private static int repeatsOf(Document d) {
        int sources = Documents.strings(d, "sourceEventIds").size();
        if (sources > 0) {
            return sources;
        }
        Object r = d.get("repeats");
        return r == null ? 1 : ((Number) r).intValue();
    }

    private static FeedChange change(Document doc) {
        Object seq = doc.get("seq");
        return new FeedChange(item(doc), seq == null ? 0 : ((Number) seq).longValue(), repeatsOf(doc));
    }

    /** Up to {@code limit} items of the coach's feed after {@code after} (from the newest when null), newest first. */
    public List<FeedItem> page(String tenant, String coachId, FeedPosition after, int limit) {
        Bson filter = coach(tenant, coachId);
        if (after != null) {
            filter = and(
                    filter,
                    or(
                            lt("createdAt", Documents.date(after.createdAt())),
                            and(eq("createdAt", Documents.date(after.createdAt())), lt("_id", after.id()))));
        }
        return db.feed()
                .find(filter)
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
        Document doc = db.feed().find(eq("_id", id)).first();
        if (doc == null || !tenant.equals(doc.getString("tenant")) || !coachId.equals(doc.getString("coachId"))) {
            return Optional.empty();
        }
        if (doc.get("acknowledgedAt") == null) {
            // the acknowledgement is a change live streams show too: it takes the next sequence number
            long seq = nextSeq(tenant, coachId);
            // conditional, so that of two acknowledgements at once the first one's time stays (a rare human
            // action: the filter's scan on mongo-java-server does not matter)
            if (db.feed()
                            .updateOne(
                                    and(eq("_id", id), eq("acknowledgedAt", null)),
                                    Updates.combine(
                                            Updates.set("acknowledgedAt", Documents.date(now)),
                                            Updates.set("seq", seq)))
                            .getModifiedCount()
                    > 0) {
                logChange(tenant, coachId, seq, id);
                signals.changed(tenant, coachId);
            }
            doc = db.feed().find(eq("_id", id)).first();
        }
        return Optional.ofNullable(doc).map(FeedStore::item);
    }

    private static Bson coach(String tenant, String coachId) {
        return and(eq("tenant", tenant), eq("coachId", coachId));
    }

    private static FeedItem item(Document doc) {
        return new FeedItem(
                doc.getString("_id"),
                doc.getString("coachId"),
                doc.getString("athleteId"),
                Severity.valueOf(doc.getString("severity")),
                doc.getString("title"),
                doc.getString("body"),
                Documents.reasons(doc, "reasons"),
                Documents.strings(doc, "recommendedActions"),
                Documents.instant(doc, "createdAt"),
                Documents.instant(doc, "acknowledgedAt"),
                doc.getString("sourceEventId"));
    }
}
