package com.liftguard.notifications.messaging;

import com.liftguard.events.Event;
import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RiskAssessed;
import com.liftguard.notifications.persistence.AthleteSeriesStore;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.notifications.domain.NotificationComposer;
import com.liftguard.notifications.persistence.RosterEntry;
import com.mongodb.MongoException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics notifications reads. A record that is not a valid event of its topic's type fails and goes
 * to the channel's dead-letter topic. A MongoDB failure is retried first: it says nothing about the
 * record, and dead-lettering a valid event would keep it from the coaches until an operator replays it.
 */
@ApplicationScoped
public class NotificationConsumers {
    @Inject
    NotificationComposer composer;

    @Inject
    FeedFanout fanout;

    @Inject
    AthleteSeriesStore series;

    @Incoming("roster")
    @Blocking
    @Retry(retryOn = MongoException.class, maxRetries = 5, delay = 1000, jitter = 500, maxDuration = 600_000)
    public void roster(String json) {
        Event<RosterChanged> event = EventCodec.decode(json, RosterChanged.class);
        RosterChanged roster = event.data();
        requireAthlete(roster.athleteId());
        Instant changedAt = roster.changedAt() != null ? roster.changedAt() : event.time();
        if (changedAt == null) {
            throw new IllegalArgumentException("roster change of " + roster.athleteId() + " has no time");
        }
        fanout.rosterChanged(new RosterEntry(event.tenant(), roster.athleteId(), roster.displayName(),
                roster.coachIds(), changedAt.truncatedTo(ChronoUnit.MILLIS)));
    }

    @Incoming("triage")
    @Blocking
    @Retry(retryOn = MongoException.class, maxRetries = 5, delay = 1000, jitter = 500, maxDuration = 600_000)
    public void triage(String json) {
        Event<TriageDecided> event = EventCodec.decode(json, TriageDecided.class);
        requireAthlete(event.data().athleteId());
        series.recordTriage(event.tenant(), event.id(), event.data().athleteId(),
                event.data().decidedAt() != null ? event.data().decidedAt() : event.time(), event.data().category());
        fanout.notificationComposed(event.tenant(), event.id(), composer.compose(event.data()));
    }

    @Incoming("recovery")
    @Blocking
    @Retry(retryOn = MongoException.class, maxRetries = 5, delay = 1000, jitter = 500, maxDuration = 600_000)
    public void recovery(String json) {
        Event<RecoveryScheduled> event = EventCodec.decode(json, RecoveryScheduled.class);
        requireAthlete(event.data().athleteId());
        fanout.notificationComposed(event.tenant(), event.id(), composer.compose(event.data()));
    }

    @Incoming("risk")
    @Blocking
    @Retry(retryOn = MongoException.class, maxRetries = 5, delay = 1000, jitter = 500, maxDuration = 600_000)
    public void risk(String json) {
        Event<RiskAssessed> event = EventCodec.decode(json, RiskAssessed.class);
        requireAthlete(event.data().athleteId());
        series.recordDay(event.tenant(), event.data());
        composer.compose(event.data()).ifPresent(n -> fanout.notificationComposed(event.tenant(), event.id(), n));
    }

    @Incoming("load")
    @Blocking
    @Retry(retryOn = MongoException.class, maxRetries = 5, delay = 1000, jitter = 500, maxDuration = 600_000)
    public void load(String json) {
        Event<LoadAdjusted> event = EventCodec.decode(json, LoadAdjusted.class);
        requireAthlete(event.data().athleteId());
        fanout.notificationComposed(event.tenant(), event.id(), composer.compose(event.data()));
    }

    private static void requireAthlete(String athleteId) {
        if (athleteId == null || athleteId.isEmpty()) {
            throw new IllegalArgumentException("the event names no athlete");
        }
    }
}
