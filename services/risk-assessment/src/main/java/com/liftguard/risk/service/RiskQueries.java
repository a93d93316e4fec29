package com.liftguard.risk.service;

import com.liftguard.events.model.Exercise;
import com.liftguard.risk.domain.E1rm;
import com.liftguard.risk.domain.LoadFigures;
import com.liftguard.risk.domain.RiskLevelPolicy;
import com.liftguard.risk.persistence.DailyLoadEntity;
import com.liftguard.risk.persistence.SleepReportEntity;
import com.liftguard.risk.persistence.TriageDecisionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the API shows of an athlete's figures: load, e1RM and risk as of a date, computed as the assessment after
 * an event computes them ({@link RiskAssessment}), from everything stored. Empty for an athlete of whom no session
 * or report has arrived.
 */
@ApplicationScoped
public class RiskQueries {
    @Inject
    RiskAssessment assessment;

    @Transactional
    public Optional<LoadFigures> load(String tenant, String athleteId, LocalDate asOf) {
        return ifKnown(tenant, athleteId, () -> assessment.load(tenant, athleteId, asOf));
    }

    /** The best estimate per exercise of the e1RM window before {@code asOf}. */
    @Transactional
    public Optional<Map<Exercise, E1rm.Estimate>> e1rm(String tenant, String athleteId, LocalDate asOf) {
        return ifKnown(tenant, athleteId, () -> assessment.e1rm(tenant, athleteId, asOf));
    }

    /** The risk level and every factor behind it. */
    @Transactional
    public Optional<RiskLevelPolicy.Assessment> risk(String tenant, String athleteId, LocalDate asOf) {
        return ifKnown(
                tenant,
                athleteId,
                () -> assessment.assess(tenant, athleteId, asOf).risk());
    }

    private static <T> Optional<T> ifKnown(String tenant, String athleteId, Supplier<T> figures) {
        return known(tenant, athleteId) ? Optional.of(figures.get()) : Optional.empty();
    }

    /** Whether the athlete has any session or report at all. */
    private static boolean known(String tenant, String athleteId) {
        return DailyLoadEntity.firstDay(tenant, athleteId).isPresent()
                || SleepReportEntity.count("key.tenant = ?1 and key.athleteId = ?2", tenant, athleteId) > 0
                || TriageDecisionEntity.count("tenant = ?1 and athleteId = ?2", tenant, athleteId) > 0;
    }
}
