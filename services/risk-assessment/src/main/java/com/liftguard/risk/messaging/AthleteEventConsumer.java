package com.liftguard.risk.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.PainRegion;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.risk.config.TriageConfig;
import com.liftguard.risk.domain.PainReportTriage;
import com.liftguard.risk.domain.SessionLoad;
import com.liftguard.risk.persistence.BackPainCheckInEntity;
import com.liftguard.risk.persistence.RiskState;
import com.liftguard.risk.persistence.SpinalSessionEntity;
import com.liftguard.risk.persistence.TriageDecisionEntity;
import com.liftguard.support.outbox.EventLedger;
import com.liftguard.support.outbox.Outbox;
import com.liftguard.support.outbox.BatchConsumption;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sessions and check-ins in: triage of every pain report, the athlete's load, e1RM, technique and sleep
 * state, and the risk level after the event. The state change, the consumed event's id and the outgoing
 * TriageDecided and RiskAssessed events are written in one transaction, one per poll of the topic
 * ({@link BatchConsumption}).
 */
@ApplicationScoped
public class AthleteEventConsumer {
    static final String SOURCE = "/risk-assessment";

    @Inject
    EventLedger ledger;

    @Inject
    Outbox outbox;

    @Inject
    PainReportTriage triage;

    @Inject
    TriageConfig config;

    @Inject
    BatchConsumption batches;

    @Inject
    RiskState riskState;

    @Inject
    com.liftguard.support.outbox.AfterCommit afterCommit;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Incoming("sessions")
    @Blocking
    public void sessions(ConsumerRecords<String, String> records) {
        batches.apply("sessions", records, payload -> EventCodec.decode(payload, SessionIngested.class),
                AthleteEventConsumer::athleteKey, Event::id, this::onSession);
    }

    static String athleteKey(Event<?> event) {
        return event.tenant() + ":" + event.athleteid();
    }

    void onSession(Event<SessionIngested> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        SessionIngested s = event.data();
        Instant performedAt = s.performedAt().toInstant();
        if (s.sets().stream().map(LoggedSet::exercise).anyMatch(e -> e != null && e.spinalLoading())) {
            SpinalSessionEntity spinal = new SpinalSessionEntity();
            spinal.key = new SpinalSessionEntity.Key(event.tenant(), s.athleteId(), s.sessionId());
            spinal.performedAt = performedAt;
            spinal.backPainAfter = s.painReports().stream().anyMatch(AthleteEventConsumer::backPain);
            spinal.persist();
        }
        decide(event, TriageDecided.SourceKind.SESSION, s.sessionId(), s.painReports(), performedAt);
        riskState.recordSession(event.tenant(), s);
        assessed(event, s.sessionId(), SessionLoad.day(s.performedAt()));
    }

    @Incoming("check-ins")
    @Blocking
    public void checkIns(ConsumerRecords<String, String> records) {
        batches.apply("check-ins", records, payload -> EventCodec.decode(payload, CheckInIngested.class),
                AthleteEventConsumer::athleteKey, Event::id, this::onCheckIn);
    }

    void onCheckIn(Event<CheckInIngested> event) {
        if (!ledger.firstTime(event.id())) {
            return;
        }
        CheckInIngested c = event.data();
        Instant reportedAt = c.reportedAt().toInstant();
        if (c.painReports().stream().anyMatch(AthleteEventConsumer::backPain)) {
            // back pain reported between sessions counts against the last spinal session before it; which
            // session that is, is settled when the history is read (a session may still arrive late)
            var key = new BackPainCheckInEntity.Key(event.tenant(), c.athleteId(), c.checkInId());
            if (BackPainCheckInEntity.findById(key) == null) {
                BackPainCheckInEntity row = new BackPainCheckInEntity();
                row.key = key;
                row.reportedAt = reportedAt;
                row.persist();
            }
        }
        decide(event, TriageDecided.SourceKind.CHECK_IN, c.checkInId(), c.painReports(), reportedAt);
        if (c.wellness() != null && c.wellness().sleepHours() != null) {
            riskState.recordSleep(event.tenant(), c.athleteId(), "check-in:" + c.checkInId(), reportedAt,
                    c.wellness().sleepHours());
        }
        assessed(event, c.checkInId(), SessionLoad.day(c.reportedAt()));
    }

    /**
     * The athlete's risk as of the day of the event that changed it, published with the event's id in its
     * own: a replay yields the same id, and the date (not the time of processing) fixes the figures.
     */
    private void assessed(Event<?> cause, String sourceId, java.time.LocalDate day) {
        RiskState.Assessment a = riskState.assess(cause.tenant(), cause.athleteid(), day);
        Instant now = Instant.now();
        RiskAssessed assessed = new RiskAssessed(cause.athleteid(), a.risk().level(), a.risk().factors(), sourceId, now,
                day, com.liftguard.risk.domain.E1rm.kg(a.e1rm()), a.lastHeavySpinalSessionAt(),
                new RiskAssessed.Load(a.dailyLoad(), a.load().acuteLoad(),
                        a.load().chronicLoad(), a.load().acwr(), a.load().weeklyLoad()));
        outbox.append(Event.of(EventIds.derive("risk", cause.id()), SOURCE, cause.tenant(), assessed, now));
    }

    private void decide(Event<?> cause, TriageDecided.SourceKind kind, String sourceId, List<PainReport> reports,
                        Instant at) {
        // the athlete's spinal history is the same for every report of this event: read it once
        PainReportTriage.History backPainHistory = reports.stream().anyMatch(AthleteEventConsumer::backPain)
                ? history(cause, at) : PainReportTriage.History.none();
        for (int i = 0; i < reports.size(); i++) {
            PainReport report = reports.get(i);
            PainReportTriage.History history = backPain(report) ? backPainHistory : PainReportTriage.History.none();
            PainReportTriage.Decision decision = triage.triage(report, history);
            Instant decidedAt = Instant.now();
            String id = EventIds.derive("triage", cause.id(), Integer.toString(i));
            TriageDecided decided = new TriageDecided(id, cause.athleteid(), kind, sourceId, i, report,
                    decision.category(), decision.reasons(), decidedAt);

            TriageDecisionEntity entity = new TriageDecisionEntity();
            entity.id = id;
            entity.tenant = cause.tenant();
            entity.athleteId = cause.athleteid();
            entity.sourceKind = kind.name();
            entity.sourceId = sourceId;
            entity.reportIndex = i;
            entity.category = decision.category().name();
            entity.reasons = json(decision.reasons());
            entity.decidedAt = decidedAt;
            entity.reportedAt = at;
            entity.persist();

            outbox.append(Event.of(id, SOURCE, cause.tenant(), decided, decidedAt));
            countAfterCommit(decision);
        }
    }

    /**
     * Per-rule counts for operators: {@code liftguard_triage_decisions_total{category}} and
     * {@code liftguard_triage_rules_total{category,code}} (every rule that fired), counted once per
     * committed decision.
     */
    private void countAfterCommit(PainReportTriage.Decision decision) {
        String category = decision.category().name();
        List<String> codes = decision.reasons().stream().map(com.liftguard.events.model.Reason::code).toList();
        afterCommit.run(() -> {
            metrics.counter("liftguard.triage.decisions", "category", category).increment();
            codes.forEach(code -> metrics.counter("liftguard.triage.rules", "category", category, "code", code)
                    .increment());
        });
    }

    private PainReportTriage.History history(Event<?> cause, Instant at) {
        List<SpinalSessionEntity> recent = SpinalSessionEntity.recent(cause.tenant(), cause.athleteid(), at,
                config.recurrentWindow());
        if (recent.isEmpty()) {
            return PainReportTriage.History.none();
        }
        List<Instant> checkIns = BackPainCheckInEntity.reportedBetween(cause.tenant(), cause.athleteid(),
                recent.get(recent.size() - 1).performedAt, at);
        return history(recent.stream().map(s -> s.performedAt).toList(),
                recent.stream().map(s -> s.backPainAfter).toList(), checkIns);
    }

    /**
     * The persistent-soreness history: of the athlete's last spinal sessions ({@code performed}, newest first),
     * those with back pain in their own reports ({@code ownBackPain}) or in a check-in ({@code checkIns},
     * reported no earlier than the oldest of them) counted against them: the last session at or before it.
     * Read from what is stored, not marked when the check-in came, so the order the two topics are read in
     * does not change the count.
     */
    static PainReportTriage.History history(List<Instant> performed, List<Boolean> ownBackPain,
                                            List<Instant> checkIns) {
        boolean[] withPain = new boolean[performed.size()];
        for (int i = 0; i < performed.size(); i++) {
            withPain[i] = ownBackPain.get(i);
        }
        for (Instant reported : checkIns) {
            for (int i = 0; i < performed.size(); i++) {
                if (!performed.get(i).isAfter(reported)) {
                    withPain[i] = true;
                    break;
                }
            }
        }
        int count = 0;
        for (boolean b : withPain) {
            count += b ? 1 : 0;
        }
        return new PainReportTriage.History(performed.size(), count);
    }

    static boolean backPain(PainReport r) {
        return r.region() == PainRegion.LOWER_BACK || r.region() == PainRegion.UPPER_BACK;
    }

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
