package com.liftguard.notifications.service;

import com.liftguard.notifications.config.NotificationsConfig;
import com.liftguard.notifications.domain.FeedItem;
import com.liftguard.notifications.domain.Notification;
import com.liftguard.notifications.domain.RosterEntry;
import com.liftguard.notifications.persistence.AthleteEvent;
import com.liftguard.notifications.persistence.AthleteEventStore;
import com.liftguard.notifications.persistence.FeedStore;
import com.liftguard.notifications.persistence.RosterStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Puts notifications on coaches' feeds. The roster topic and the event topics are not ordered against
 * each other, so both paths write first and read the other side after: an event is stored for its
 * athlete, then sent to the roster's coaches; a roster is stored, then the athlete's recent events are
 * sent to its coaches. Whichever of the two writes comes second sees the first, so no interleaving
 * loses an item, and the feed's unique index drops what both paths deliver.
 *
 * <p>Neither path stops at "already stored": a redelivery after a crash between the store and the
 * fan-out completes the fan-out.
 */
@ApplicationScoped
public class FeedFanout {
    @Inject
    RosterStore rosters;

    @Inject
    AthleteEventStore athleteEvents;

    @Inject
    FeedStore feed;

    @Inject
    NotificationsConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<FeedItemDelivered> delivered;

    public void notificationComposed(String tenant, String sourceEventId, Notification notification) {
        AthleteEvent event = athleteEvents.record(tenant, sourceEventId, notification, now());
        rosters.find(tenant, notification.athleteId()).ifPresent(roster -> deliver(roster, List.of(event)));
    }

    /**
     * Every coach of the stored roster, not only the ones this change added, receives the recent events:
     * coaches who already have them lose nothing to the unique index, and the stored roster may be a newer
     * one than this (stale) change.
     */
    public void rosterChanged(RosterEntry change) {
        RosterEntry current = rosters.apply(change);
        Instant since = now().minus(config.recentWindow());
        deliver(current, athleteEvents.receivedSince(current.tenant(), current.athleteId(), since));
    }

    private void deliver(RosterEntry roster, List<AthleteEvent> events) {
        for (AthleteEvent event : events) {
            Notification n = event.notification();
            for (String coachId : roster.coachIds()) {
                FeedItem item = new FeedItem(
                        FeedStore.itemId(roster.tenant(), coachId, event.sourceEventId()),
                        coachId,
                        n.athleteId(),
                        n.severity(),
                        n.titleFor(roster.displayName()),
                        n.body(),
                        n.reasons(),
                        n.recommendedActions(),
                        now(),
                        null,
                        event.sourceEventId());
                FeedStore.Outcome outcome = feed.add(roster.tenant(), item, n.kind(), config.collapseWindow());
                if (outcome != FeedStore.Outcome.COLLAPSED) {
                    // a collapsed repeat updates an item the coach was already told about: no second webhook
                    announce(new FeedItemDelivered(roster.tenant(), item, outcome == FeedStore.Outcome.ADDED));
                }
            }
        }
    }

    private void announce(FeedItemDelivered delivery) {
        if (delivered != null) { // null only when built outside CDI, as unit tests do
            delivered.fire(delivery);
        }
    }

    /** Millisecond precision: what MongoDB stores, so that what is returned equals what a cursor holds. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
