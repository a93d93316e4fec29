package com.liftguard.notifications.messaging;

import com.liftguard.events.Event;
import com.liftguard.events.EventData;
import com.liftguard.events.LoadAdjusted;
import com.liftguard.events.RecoveryScheduled;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.RosterChanged;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.notifications.domain.NotificationComposer;
import com.liftguard.notifications.domain.RosterEntry;
import com.liftguard.notifications.service.AthleteCharts;
import com.liftguard.notifications.service.FeedFanout;
import com.mongodb.MongoException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The topics notifications reads. A record that is not a valid event of its topic's type fails and goes
 * to the channel's dead-letter topic. A MongoDB failure is retried first: it says nothing about the
 * record, and dead-lettering a valid event would keep it from the coaches until an operator replays it.
 * The two busy topics, triage decisions and risk assessments (one per session), are read a poll at a time
 * ({@link PollConsumption}); the others a record at a time.
 */
@ApplicationScoped
public class NotificationConsumers {
    @Inject
    NotificationComposer composer;

    @Inject
    FeedFanout fanout;

    @Inject
    AthleteCharts charts;

    @Inject
    PollConsumption polls;

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
        fanout.rosterChanged(new RosterEntry(
                event.tenant(),
                roster.athleteId(),
                roster.displayName(),
                roster.coachIds(),
                changedAt.truncatedTo(ChronoUnit.MILLIS)));
    }

    /** Triage decisions, a poll at a time ({@link PollConsumption}): every decision is a point on its athlete's chart. */
    @Incoming("triage")
    @Blocking
    public void triage(ConsumerRecords<String, String> records) {
        polls.apply(
                "triage",
                records,
                json -> valid(EventCodec.decode(json, TriageDecided.class)),
                charts::recordTriage,
                event -> fanout.notificationComposed(event.tenant(), event.id(), composer.compose(event.data())));
    }

    @Incoming("recovery")
    @Blocking
    @Retry(retryOn = MongoException.class, maxRetries = 5, delay = 1000, jitter = 500, maxDuration = 600_000)
    public void recovery(String json) {
        Event<RecoveryScheduled> event = EventCodec.decode(json, RecoveryScheduled.class);
        requireAthlete(event.data().athleteId());
        fanout.notificationComposed(event.tenant(), event.id(), composer.compose(event.data()));
    }

    /** Risk assessments, a poll at a time: each one's day on the athlete's chart, a notification when it warns. */
    @Incoming("risk")
    @Blocking
    public void risk(ConsumerRecords<String, String> records) {
        polls.apply(
                "risk",
                records,
                json -> valid(EventCodec.decode(json, RiskAssessed.class)),
                charts::recordDays,
                event -> composer.compose(event.data())
                        .ifPresent(n -> fanout.notificationComposed(event.tenant(), event.id(), n)));
    }

    @Incoming("load")
    @Blocking
    @Retry(retryOn = MongoException.class, maxRetries = 5, delay = 1000, jitter = 500, maxDuration = 600_000)
    public void load(String json) {
        Event<LoadAdjusted> event = EventCodec.decode(json, LoadAdjusted.class);
        requireAthlete(event.data().athleteId());
        fanout.notificationComposed(event.tenant(), event.id(), composer.compose(event.data()));
    }

    private static <T extends EventData> Event<T> valid(Event<T> event) {
        requireAthlete(event.data().athleteId());
        return event;
    }

    private static void requireAthlete(String athleteId) {
        if (athleteId == null || athleteId.isEmpty()) {
            throw new IllegalArgumentException("the event names no athlete");
        }
    }
}
