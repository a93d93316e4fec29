package com.liftguard.planning.domain;

import com.liftguard.events.RiskAssessed;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.Reason;
import com.liftguard.events.model.TriageCategory;
import com.liftguard.events.model.Variant;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything {@link PlanPolicy} plans from. Any part may be null or empty when unknown: a null restriction is
 * {@link Restriction#NONE}, null lists and maps are empty, and e1RM entries that are null or not positive are
 * dropped.
 *
 * @param restriction the pause in force, lifted only by a coach's clearance
 * @param restrictionReason why it was put in force
 * @param triageCategory the category of the athlete's latest triage decision
 * @param triageReasons the rules that fired in that decision
 * @param riskFactors the factors of the athlete's latest risk assessment
 * @param e1rmKg estimated 1RM per exercise, in kg
 * @param squatBarPosition {@link Variant#HIGH_BAR} or {@link Variant#LOW_BAR} when known
 * @param lastHeavySpinalAt when the athlete's last heavy spinal-loading session was performed
 * @param gate the gate status from {@link LoadGate}; null counts as no session yet
 * @param now the time the plan is made for
 */
public record PlanInputs(
        Restriction restriction,
        Reason restrictionReason,
        TriageCategory triageCategory,
        List<Reason> triageReasons,
        List<RiskAssessed.Factor> riskFactors,
        Map<Exercise, Double> e1rmKg,
        Variant squatBarPosition,
        Instant lastHeavySpinalAt,
        GateStatus gate,
        Instant now) {

    public PlanInputs {
        restriction = restriction == null ? Restriction.NONE : restriction;
        triageReasons = triageReasons == null
                ? List.of()
                : triageReasons.stream().filter(Objects::nonNull).toList();
        riskFactors = riskFactors == null
                ? List.of()
                : riskFactors.stream().filter(Objects::nonNull).toList();
        e1rmKg = known(e1rmKg);
        if (squatBarPosition != null && squatBarPosition != Variant.HIGH_BAR && squatBarPosition != Variant.LOW_BAR) {
            throw new IllegalArgumentException("a squat bar position is HIGH_BAR or LOW_BAR, not " + squatBarPosition);
        }
    }

    /** Nothing known yet but the time. */
    public static PlanInputs at(Instant now) {
        return new PlanInputs(null, null, null, null, null, null, null, null, null, now);
    }

    public PlanInputs withRestriction(Restriction restriction, Reason reason) {
        return new PlanInputs(
                restriction,
                reason,
                triageCategory,
                triageReasons,
                riskFactors,
                e1rmKg,
                squatBarPosition,
                lastHeavySpinalAt,
                gate,
                now);
    }

    public PlanInputs withTriage(TriageCategory category, List<Reason> reasons) {
        return new PlanInputs(
                restriction,
                restrictionReason,
                category,
                reasons,
                riskFactors,
                e1rmKg,
                squatBarPosition,
                lastHeavySpinalAt,
                gate,
                now);
    }

    public PlanInputs withRiskFactors(List<RiskAssessed.Factor> factors) {
        return new PlanInputs(
                restriction,
                restrictionReason,
                triageCategory,
                triageReasons,
                factors,
                e1rmKg,
                squatBarPosition,
                lastHeavySpinalAt,
                gate,
                now);
    }

    public PlanInputs withE1rmKg(Map<Exercise, Double> e1rm) {
        return new PlanInputs(
                restriction,
                restrictionReason,
                triageCategory,
                triageReasons,
                riskFactors,
                e1rm,
                squatBarPosition,
                lastHeavySpinalAt,
                gate,
                now);
    }

    public PlanInputs withSquatBarPosition(Variant position) {
        return new PlanInputs(
                restriction,
                restrictionReason,
                triageCategory,
                triageReasons,
                riskFactors,
                e1rmKg,
                position,
                lastHeavySpinalAt,
                gate,
                now);
    }

    public PlanInputs withLastHeavySpinalAt(Instant at) {
        return new PlanInputs(
                restriction,
                restrictionReason,
                triageCategory,
                triageReasons,
                riskFactors,
                e1rmKg,
                squatBarPosition,
                at,
                gate,
                now);
    }

    public PlanInputs withGate(GateStatus status) {
        return new PlanInputs(
                restriction,
                restrictionReason,
                triageCategory,
                triageReasons,
                riskFactors,
                e1rmKg,
                squatBarPosition,
                lastHeavySpinalAt,
                status,
                now);
    }

    private static Map<Exercise, Double> known(Map<Exercise, Double> e1rm) {
        Map<Exercise, Double> known = new EnumMap<>(Exercise.class);
        if (e1rm != null) {
            e1rm.forEach((exercise, kg) -> {
                if (exercise != null && kg != null && Double.isFinite(kg) && kg > 0) {
                    known.put(exercise, kg);
                }
            });
        }
        return Collections.unmodifiableMap(known);
    }
}
