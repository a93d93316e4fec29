package com.liftguard.risk.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.liftguard.events.SessionIngested;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.LoggedSet;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.serde.EventCodec;
import com.liftguard.risk.config.RiskRulesConfig;
import com.liftguard.risk.domain.E1rm;
import com.liftguard.risk.domain.FindingType;
import com.liftguard.risk.domain.HeavySessions;
import com.liftguard.risk.domain.LoadCalculator;
import com.liftguard.risk.domain.LoadFigures;
import com.liftguard.risk.domain.RiskLevelPolicy;
import com.liftguard.risk.domain.SessionLoad;
import com.liftguard.risk.domain.SleepCheck;
import com.liftguard.risk.domain.SpacingCheck;
import com.liftguard.risk.domain.TechniqueFindings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Per-athlete state behind the load, e1RM and risk figures, and the figures themselves. Every write adds
 * what one session or check-in contributes (a day's load, the session's facts, its best e1RM per exercise,
 * a sleep report); every figure is computed from rows of a bounded window before the date asked for, so
 * the cost of an event does not grow with the athlete's history and the order sessions arrive in does
 * not change any figure.
 *
 * <p>Dates: a session counts on the calendar day of {@code performedAt} in its own offset. A figure "as of"
 * a date counts everything up to the end of that date in UTC for instants (sleep, pain, heavy sessions).
 */
@ApplicationScoped
public class RiskState {
    /** The figures of one athlete on one date, with the risk level built from them. */
    public record Assessment(LocalDate asOf, double dailyLoad, LoadFigures load, Map<Exercise, E1rm.Estimate> e1rm,
                             RiskLevelPolicy.Assessment risk, Instant lastHeavySpinalSessionAt) {
    }

    private static final TypeReference<List<LoggedSet>> SETS = new TypeReference<>() {
    };
    private static final TypeReference<Map<FindingType, Integer>> FINDING_COUNTS = new TypeReference<>() {
    };

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

    /** Adds a session's load, facts, e1RM estimates and sleep; call once per session (the ledger sees to it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSession(String tenant, SessionIngested s) {
        LocalDate day = SessionLoad.day(s.performedAt());
        // kept to the microsecond, the precision both databases store: what is read back equals what was written
        Instant performedAt = s.performedAt().toInstant().truncatedTo(ChronoUnit.MICROS);
        DailyLoadEntity.add(tenant, s.athleteId(), day, SessionLoad.sessionLoad(s),
                SessionLoad.spinalVolumeLoad(s.sets()));

        SessionFactsEntity facts = new SessionFactsEntity();
        facts.key = new SessionFactsEntity.Key(tenant, s.athleteId(), s.sessionId());
        facts.performedAt = performedAt;
        facts.day = day;
        facts.spinalSets = json(s.sets().stream().filter(set -> set.exercise().spinalLoading()).toList());
        facts.findings = json(findings.ofSession(s.sessionId(), performedAt, s.sets()).setCounts());
        facts.persist();

        Map<Exercise, E1rm.Estimate> best = new EnumMap<>(Exercise.class);
        for (E1rm.Estimate estimate : e1rm.estimates(s.sessionId(), day, s.sets())) {
            best.merge(estimate.exercise(), estimate, (a, b) -> b.e1rmKg() > a.e1rmKg() ? b : a);
        }
        best.values().forEach(estimate -> {
            E1rmEstimateEntity row = new E1rmEstimateEntity();
            row.key = new E1rmEstimateEntity.Key(tenant, s.athleteId(), estimate.exercise().name(), s.sessionId());
            row.setIndex = setIndex(estimate.setRef());
            row.day = day;
            row.e1rmKg = estimate.e1rmKg();
            row.persist();
        });

        if (s.wellness() != null && s.wellness().sleepHours() != null) {
            recordSleep(tenant, s.athleteId(), "session:" + s.sessionId(), performedAt, s.wellness().sleepHours());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSleep(String tenant, String athleteId, String sourceId, Instant reportedAt, double hours) {
        SleepReportEntity report = new SleepReportEntity();
        report.key = new SleepReportEntity.Key(tenant, athleteId, sourceId);
        report.reportedAt = reportedAt;
        report.hours = hours;
        report.persist();
    }

    /** Whether the athlete has any session or report at all (unknown athletes are 404 to callers). */
    public boolean known(String tenant, String athleteId) {
        return DailyLoadEntity.firstDay(tenant, athleteId).isPresent()
                || SleepReportEntity.count("key.tenant = ?1 and key.athleteId = ?2", tenant, athleteId) > 0
                || TriageDecisionEntity.count("tenant = ?1 and athleteId = ?2", tenant, athleteId) > 0;
    }

    public LoadFigures load(String tenant, String athleteId, LocalDate asOf) {
        return reads.read(r -> loadWindow(r, tenant, athleteId, asOf).figures());
    }

    /** The best estimate per exercise of the e1RM window before {@code asOf}. */
    public Map<Exercise, E1rm.Estimate> e1rm(String tenant, String athleteId, LocalDate asOf) {
        return reads.read(r -> e1rm.bestByExercise(estimates(r, tenant, athleteId, e1rm.windowStart(asOf), asOf), asOf));
    }

    /** The daily loads of the EWMA window before {@code asOf} (days without a session absent) and their figures. */
    private record LoadWindow(Map<LocalDate, Double> daily, LoadFigures figures) {
    }

    private LoadWindow loadWindow(AssessmentReads.Reader r, String tenant, String athleteId, LocalDate asOf)
            throws SQLException {
        Map<LocalDate, Double> daily = r.loads(tenant, athleteId, loadCalculator.windowStart(asOf), asOf);
        LocalDate first = r.firstDay(tenant, athleteId);
        // an athlete with no session yet (known from a check-in only) has figures of zero and no ACWR
        return new LoadWindow(daily, loadCalculator.figures(daily, first != null ? first : asOf, asOf));
    }

    private static List<E1rm.Estimate> estimates(AssessmentReads.Reader r, String tenant, String athleteId, LocalDate from,
                                                 LocalDate to) throws SQLException {
        return r.estimates(tenant, athleteId, from, to).stream()
                .map(e -> new E1rm.Estimate(Exercise.valueOf(e.exercise()), e.day(), e.sessionId() + "#" + e.setIndex(),
                        e.e1rmKg()))
                .toList();
    }

    /**
     * The athlete's figures and risk level as of {@code asOf}. Six reads on one connection
     * ({@link AssessmentReads}): the EWMA window and the first day, the sessions of the spacing window (whose
     * last ones are also the last sessions the finding patterns look at, unless the window holds fewer), the
     * e1RM estimates those sessions are judged against, the last sleep reports, and the triage categories of
     * the triage window.
     */
    public Assessment assess(String tenant, String athleteId, LocalDate asOf) {
        Instant end = asOf.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant spacingFrom = end.minus(riskRules.spacingWindowDays(), ChronoUnit.DAYS);
        int lastN = findingRules.lastSessions();
        return reads.read(r -> {
            LoadWindow load = loadWindow(r, tenant, athleteId, asOf);

            // heavy sessions of the spacing window, each judged against the e1RM of its own day
            List<AssessmentReads.Facts> recent = r.facts(tenant, athleteId, spacingFrom, end);
            LocalDate earliest = recent.stream().map(AssessmentReads.Facts::day).min(Comparator.naturalOrder()).orElse(asOf);
            List<E1rm.Estimate> candidates = estimates(r, tenant, athleteId, e1rm.windowStart(earliest), asOf);
            List<HeavySessions.HeavySession> heavy = new ArrayList<>();
            for (AssessmentReads.Facts f : recent) {
                Map<Exercise, Double> e1rmThatDay = E1rm.kg(e1rm.bestByExercise(candidates, f.day()));
                heavySessions.assess(f.sessionId(), f.performedAt(), read(f.spinalSets(), SETS), e1rmThatDay)
                        .ifPresent(heavy::add);
            }

            // the last sessions before the end of the day: the window's own last ones when it holds enough
            List<AssessmentReads.Facts> last;
            if (recent.size() >= lastN) {
                last = new ArrayList<>(recent.subList(recent.size() - lastN, recent.size()));
                java.util.Collections.reverse(last);
            } else {
                last = r.lastFacts(tenant, athleteId, end, lastN);
            }
            List<TechniqueFindings.SessionFindings> lastSessions = last.stream()
                    .map(f -> new TechniqueFindings.SessionFindings(f.sessionId(), f.performedAt(), List.of(),
                            read(f.findings(), FINDING_COUNTS)))
                    .toList();

            SleepCheck.Result sleep = sleepCheck.assess(r.lastSleep(tenant, athleteId, end, sleepRules.reports()).stream()
                    .map(x -> new SleepCheck.SleepReport(x.reportedAt(), x.hours())).toList());

            TriageCategory activeTriage = worst(r.triageCategories(tenant, athleteId,
                    end.minus(riskRules.triageWindowDays(), ChronoUnit.DAYS), end));

            RiskLevelPolicy.Assessment risk = policy.assess(new RiskLevelPolicy.Inputs(activeTriage,
                    findings.patterns(lastSessions), load.figures(), spacing.tooClose(heavy), sleep));
            Instant lastHeavy = heavy.stream().map(HeavySessions.HeavySession::performedAt).max(Comparator.naturalOrder())
                    .orElse(null);
            return new Assessment(asOf, load.daily().getOrDefault(asOf, 0.0), load.figures(),
                    e1rm.bestByExercise(candidates, asOf), risk, lastHeavy);
        });
    }

    static TriageCategory worst(Collection<String> categories) {
        // TriageCategory is declared most severe first
        return categories.stream().map(TriageCategory::valueOf).min(Comparator.naturalOrder()).orElse(null);
    }

    static int setIndex(String setRef) {
        return Integer.parseInt(setRef.substring(setRef.lastIndexOf('#') + 1));
    }

    private static String json(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts are not readable: " + e.getOriginalMessage(), e);
        }
    }
}
