package com.liftguard.risk.service;

import com.fasterxml.jackson.core.type.TypeReference;
import com.liftguard.events.CheckInIngested;
import com.liftguard.events.Event;
import com.liftguard.events.EventIds;
import com.liftguard.events.RiskAssessed;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.FindingType;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.Json;
import com.liftguard.risk.config.RiskRulesConfig;
import com.liftguard.risk.domain.E1rm;
import com.liftguard.risk.domain.HeavySessions;
import com.liftguard.risk.domain.LoadCalculator;
import com.liftguard.risk.domain.LoadFigures;
import com.liftguard.risk.domain.RiskLevelPolicy;
import com.liftguard.risk.domain.SessionLoad;
import com.liftguard.risk.domain.SleepCheck;
import com.liftguard.risk.domain.SpacingCheck;
import com.liftguard.risk.domain.TechniqueFindings;
import com.liftguard.risk.persistence.AssessmentReads;
import com.liftguard.risk.persistence.DailyLoadEntity;
import com.liftguard.risk.persistence.E1rmEstimateEntity;
import com.liftguard.risk.persistence.SessionFactsEntity;
import com.liftguard.risk.persistence.SleepReportEntity;
import com.liftguard.support.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The athlete's load, e1RM, technique and sleep state, the figures and risk level built from it, and the
 * RiskAssessed event after every session or check-in. Every write adds what one session or check-in contributes
 * (a day's load, the session's facts, its best e1RM per exercise, a sleep report); every figure is computed from
 * rows of a bounded window before the date asked for, so the cost of an event does not grow with the athlete's
 * history and the order sessions arrive in does not change any figure.
 *
 * <p>Dates: a session counts on the calendar day of {@code performedAt} in its own offset. A figure "as of" a date
 * counts everything up to the end of that date in UTC for instants (sleep, pain, heavy sessions).
 */
@ApplicationScoped
public class RiskAssessment {
    /** The figures of one athlete on one date, with the risk level built from them. */
    public record Assessment(
            LocalDate asOf,
            double dailyLoad,
            LoadFigures load,
            Map<Exercise, E1rm.Estimate> e1rm,
            RiskLevelPolicy.Assessment risk,
            Instant lastHeavySpinalSessionAt) {}

    private static final TypeReference<List<LoggedSet>> SETS = new TypeReference<>() {};
    private static final TypeReference<Map<FindingType, Integer>> FINDING_COUNTS = new TypeReference<>() {};

    @Inject
    LoadCalculator loadCalculator;

    @Inject
    E1rm e1rm;

    @Inject
    HeavySessions heavySessions;

    @Inject
    SpacingCheck spacing;

    @Inject
    TechniqueFindings findings;

    @Inject
    SleepCheck sleepCheck;

    @Inject
    RiskLevelPolicy policy;

    @Inject
    RiskRulesConfig.Findings findingRules;

    @Inject
    RiskRulesConfig.Sleep sleepRules;

    @Inject
    RiskRulesConfig.Risk riskRules;

    @Inject
    AssessmentReads reads;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Adds what a session contributes and publishes the risk after it; once per session (the ledger sees to it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void session(Event<SessionIngested> event) {
        SessionIngested s = event.data();
        recordSession(event.tenant(), s);
        publish(event, s.sessionId(), SessionLoad.day(s.performedAt()));
    }

    /** Adds a check-in's sleep, if it reports any, and publishes the risk after it; once per check-in. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkIn(Event<CheckInIngested> event) {
        CheckInIngested c = event.data();
        if (c.wellness() != null && c.wellness().sleepHours() != null) {
            recordSleep(
                    event.tenant(),
                    c.athleteId(),
                    "check-in:" + c.checkInId(),
                    c.reportedAt().toInstant(),
                    c.wellness().sleepHours());
        }
        publish(event, c.checkInId(), SessionLoad.day(c.reportedAt()));
    }

    private void recordSession(String tenant, SessionIngested s) {
        LocalDate day = SessionLoad.day(s.performedAt());
        // kept to the microsecond, the precision both databases store: what is read back equals what was written
        Instant performedAt = s.performedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        DailyLoadEntity.add(
                tenant, s.athleteId(), day, SessionLoad.sessionLoad(s), SessionLoad.spinalVolumeLoad(s.sets()));

        SessionFactsEntity facts = new SessionFactsEntity();
        facts.key = new SessionFactsEntity.Key(tenant, s.athleteId(), s.sessionId());
        facts.performedAt = performedAt;
        facts.day = day;
        facts.spinalSets = Json.write(
                s.sets().stream().filter(set -> set.exercise().spinalLoading()).toList());
        facts.findings = Json.write(
                findings.ofSession(s.sessionId(), performedAt, s.sets()).setCounts());
        facts.persist();

        Map<Exercise, E1rm.Estimate> best = new EnumMap<>(Exercise.class);
        for (E1rm.Estimate estimate : e1rm.estimates(s.sessionId(), day, s.sets())) {
            best.merge(estimate.exercise(), estimate, (a, b) -> b.e1rmKg() > a.e1rmKg() ? b : a);
        }
        best.values().forEach(estimate -> {
            E1rmEstimateEntity row = new E1rmEstimateEntity();
            row.key = new E1rmEstimateEntity.Key(tenant, s.athleteId(), estimate.exercise(), s.sessionId());
            row.setIndex = estimate.setIndex();
            row.day = day;
            row.e1rmKg = estimate.e1rmKg();
            row.persist();
        });

        if (s.wellness() != null && s.wellness().sleepHours() != null) {
            recordSleep(
                    tenant,
                    s.athleteId(),
                    "session:" + s.sessionId(),
                    performedAt,
                    s.wellness().sleepHours());
        }
    }

    private static void recordSleep(
            String tenant, String athleteId, String sourceId, Instant reportedAt, double hours) {
        SleepReportEntity report = new SleepReportEntity();
        report.key = new SleepReportEntity.Key(tenant, athleteId, sourceId);
        report.reportedAt = reportedAt;
        report.hours = hours;
        report.persist();
    }

    /**
     * The athlete's risk as of the day of the event that changed it, published with the event's id in its own: a
     * replay yields the same id, and the date (not the time of processing) fixes the figures.
     */
    private void publish(Event<?> cause, String sourceId, LocalDate day) {
        Assessment a = assess(cause.tenant(), cause.athleteid(), day);
        Instant now = Instant.now(clock);
        RiskAssessed assessed = new RiskAssessed(
                cause.athleteid(),
                a.risk().level(),
                a.risk().factors(),
                sourceId,
                now,
                day,
                E1rm.kg(a.e1rm()),
                a.lastHeavySpinalSessionAt(),
                new RiskAssessed.Load(
                        a.dailyLoad(),
                        a.load().acuteLoad(),
                        a.load().chronicLoad(),
                        a.load().acwr(),
                        a.load().weeklyLoad()));
        outbox.append(Event.of(
                EventIds.derive("risk", cause.id()), AthleteEventIntake.SOURCE, cause.tenant(), assessed, now));
    }

    /** The load figures as of {@code asOf}. */
    public LoadFigures load(String tenant, String athleteId, LocalDate asOf) {
        return reads.read(r -> loadWindow(r, tenant, athleteId, asOf).figures());
    }

    /** The best estimate per exercise of the e1RM window before {@code asOf}. */
    public Map<Exercise, E1rm.Estimate> e1rm(String tenant, String athleteId, LocalDate asOf) {
        return reads.read(r -> e1rm.bestByExercise(r.estimates(tenant, athleteId, e1rm.windowStart(asOf), asOf), asOf));
    }

    /** The daily loads of the EWMA window before {@code asOf} (days without a session absent) and their figures. */
    private record LoadWindow(Map<LocalDate, Double> daily, LoadFigures figures) {}

    private LoadWindow loadWindow(AssessmentReads.Reader r, String tenant, String athleteId, LocalDate asOf)
            throws SQLException {
        Map<LocalDate, Double> daily = r.loads(tenant, athleteId, loadCalculator.windowStart(asOf), asOf);
        LocalDate first = r.firstDay(tenant, athleteId);
        // an athlete with no session yet (known from a check-in only) has figures of zero and no ACWR
        return new LoadWindow(daily, loadCalculator.figures(daily, first != null ? first : asOf, asOf));
    }

    /**
     * The athlete's figures and risk level as of {@code asOf}. Six reads on one connection ({@link AssessmentReads}):
     * the EWMA window and the first day, the sessions of the spacing window (whose last ones are also the last
     * sessions the finding patterns look at, unless the window holds fewer), the e1RM estimates those sessions are
     * judged against, the last sleep reports, and the triage categories of the triage window.
     */
    public Assessment assess(String tenant, String athleteId, LocalDate asOf) {
        Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant spacingFrom = end.minus(riskRules.spacingWindowDays(), ChronoUnit.DAYS);
        int lastN = findingRules.lastSessions();
        return reads.read(r -> {
            LoadWindow load = loadWindow(r, tenant, athleteId, asOf);

            // heavy sessions of the spacing window, each judged against the e1RM of its own day
            List<AssessmentReads.Facts> recent = r.facts(tenant, athleteId, spacingFrom, end);
            LocalDate earliest = recent.stream()
                    .map(AssessmentReads.Facts::day)
                    .min(Comparator.naturalOrder())
                    .orElse(asOf);
            List<E1rm.Estimate> candidates = r.estimates(tenant, athleteId, e1rm.windowStart(earliest), asOf);
            List<HeavySessions.HeavySession> heavy = new ArrayList<>();
            for (AssessmentReads.Facts f : recent) {
                Map<Exercise, Double> e1rmThatDay = E1rm.kg(e1rm.bestByExercise(candidates, f.day()));
                heavySessions
                        .assess(f.sessionId(), f.performedAt(), Json.read(f.spinalSets(), SETS), e1rmThatDay)
                        .ifPresent(heavy::add);
            }

            // the last sessions before the end of the day: the window's own last ones when it holds enough
            List<AssessmentReads.Facts> last;
            if (recent.size() >= lastN) {
                last = new ArrayList<>(recent.subList(recent.size() - lastN, recent.size()));
                Collections.reverse(last);
            } else {
                last = r.lastFacts(tenant, athleteId, end, lastN);
            }
            List<TechniqueFindings.SessionFindings> lastSessions = last.stream()
                    .map(f -> new TechniqueFindings.SessionFindings(
                            f.sessionId(), f.performedAt(), List.of(), Json.read(f.findings(), FINDING_COUNTS)))
                    .toList();

            SleepCheck.Result sleep = sleepCheck.assess(r.lastSleep(tenant, athleteId, end, sleepRules.reports()));

            TriageCategory activeTriage = RiskLevelPolicy.activeTriage(r.triageCategories(
                    tenant, athleteId, end.minus(riskRules.triageWindowDays(), ChronoUnit.DAYS), end));

            RiskLevelPolicy.Assessment risk = policy.assess(new RiskLevelPolicy.Inputs(
                    activeTriage, findings.patterns(lastSessions), load.figures(), spacing.tooClose(heavy), sleep));
            Instant lastHeavy = heavy.stream()
                    .map(HeavySessions.HeavySession::performedAt)
                    .max(Comparator.naturalOrder())
                    .orElse(null);
            return new Assessment(
                    asOf,
                    load.daily().getOrDefault(asOf, 0.0),
                    load.figures(),
                    e1rm.bestByExercise(candidates, asOf),
                    risk,
                    lastHeavy);
        });
    }
}
