package com.liftguard.risk.service;

import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.TriageDecided;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.PainReport;
import com.liftguard.events.model.Reason;
import com.liftguard.events.serde.Json;
import com.liftguard.risk.config.TriageConfig;
import com.liftguard.risk.domain.BackPainHistory;
import com.liftguard.risk.domain.PainReportTriage;
import com.liftguard.risk.persistence.BackPainCheckInEntity;
import com.liftguard.risk.persistence.SpinalSessionEntity;
import com.liftguard.risk.persistence.TriageDecisionEntity;
import com.liftguard.support.outbox.AfterCommit;
import com.liftguard.support.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The triage of every pain report of a session or check-in (docs/rules.md section 2): each decision is stored and
 * published as a TriageDecided through the outbox. Also keeps what the persistent-soreness rule reads: the
 * athlete's spinal-loading sessions and the check-ins that reported back pain.
 */
@ApplicationScoped
public class PainTriage {
    @Inject
    PainReportTriage triage;

    @Inject
    TriageConfig config;

    @Inject
    Outbox outbox;

    @Inject
    AfterCommit afterCommit;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    /** Records a spinal-loading session for the history, then triages the session's pain reports. */
    public void session(Event<SessionIngested> event) {
        SessionIngested s = event.data();
        Instant performedAt = s.performedAt().toInstant();
        if (s.sets().stream().map(LoggedSet::exercise).anyMatch(e -> e != null && e.spinalLoading())) {
            SpinalSessionEntity spinal = new SpinalSessionEntity();
            spinal.key = new SpinalSessionEntity.Key(event.tenant(), s.athleteId(), s.sessionId());
            spinal.performedAt = performedAt;
            spinal.backPainAfter = s.painReports().stream().anyMatch(BackPainHistory::backPain);
            spinal.persist();
        }
        decide(event, TriageDecided.SourceKind.SESSION, s.sessionId(), s.painReports(), performedAt);
    }

    /** Records a check-in's back pain for the history, then triages the check-in's pain reports. */
    public void checkIn(Event<CheckInIngested> event) {
        CheckInIngested c = event.data();
        Instant reportedAt = c.reportedAt().toInstant();
        if (c.painReports().stream().anyMatch(BackPainHistory::backPain)) {
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
    }

    private void decide(
            Event<?> cause, TriageDecided.SourceKind kind, String sourceId, List<PainReport> reports, Instant at) {
        // the athlete's spinal history is the same for every report of this event: read it once
        PainReportTriage.History backPainHistory = reports.stream().anyMatch(BackPainHistory::backPain)
                ? history(cause, at)
                : PainReportTriage.History.none();
        for (int i = 0; i < reports.size(); i++) {
            PainReport report = reports.get(i);
            PainReportTriage.History history =
                    BackPainHistory.backPain(report) ? backPainHistory : PainReportTriage.History.none();
            PainReportTriage.Decision decision = triage.triage(report, history);
            Instant decidedAt = Instant.now(clock);
            String id = EventIds.derive("triage", cause.id(), Integer.toString(i));
            TriageDecided decided = new TriageDecided(
                    id,
                    cause.athleteid(),
                    kind,
                    sourceId,
                    i,
                    report,
                    decision.category(),
                    decision.reasons(),
                    decidedAt);

            TriageDecisionEntity entity = new TriageDecisionEntity();
            entity.id = id;
            entity.tenant = cause.tenant();
            entity.athleteId = cause.athleteid();
            entity.sourceKind = kind;
            entity.sourceId = sourceId;
            entity.reportIndex = i;
            entity.category = decision.category();
            entity.reasons = Json.write(decision.reasons());
            entity.decidedAt = decidedAt;
            entity.reportedAt = at;
            entity.persist();

            outbox.append(Event.of(id, AthleteEventIntake.SOURCE, cause.tenant(), decided, decidedAt));
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
        List<String> codes = decision.reasons().stream().map(Reason::code).toList();
        afterCommit.run(() -> {
            metrics.counter("liftguard.triage.decisions", "category", category).increment();
            codes.forEach(code -> metrics.counter("liftguard.triage.rules", "category", category, "code", code)
                    .increment());
        });
    }

    private PainReportTriage.History history(Event<?> cause, Instant at) {
        List<SpinalSessionEntity> recent =
                SpinalSessionEntity.recent(cause.tenant(), cause.athleteid(), at, config.recurrentWindow());
        if (recent.isEmpty()) {
            return PainReportTriage.History.none();
        }
        List<Instant> checkIns = BackPainCheckInEntity.reportedBetween(
                cause.tenant(), cause.athleteid(), recent.get(recent.size() - 1).performedAt, at);
        return BackPainHistory.history(
                recent.stream().map(s -> s.performedAt).toList(),
                recent.stream().map(s -> s.backPainAfter).toList(),
                checkIns);
    }
}
