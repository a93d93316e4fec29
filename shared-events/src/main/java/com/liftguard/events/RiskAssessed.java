package com.liftguard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.liftguard.events.model.Exercise;
import com.liftguard.events.model.RiskFactor;
import com.liftguard.events.model.RiskLevel;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The athlete's risk level after an event, with every factor behind it and its figures. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RiskAssessed(
        String athleteId,
        RiskLevel level,
        List<Factor> factors,
        String sourceId,
        Instant assessedAt,
        LocalDate asOf,
        Map<Exercise, Double> e1rmKg,
        Instant lastHeavySpinalSessionAt,
        Load load)
        implements EventData {

    /**
     * The training-load figures of {@code asOf} (docs/rules.md section 4), for charts; {@code acwr} is null where
     * docs/rules.md says so.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Load(double dailyLoad, double acuteLoad, double chronicLoad, Double acwr, double weeklyLoad) {}

    /**
     * @param asOf the date the figures are as of (the day of the session or check-in that led to them)
     * @param e1rmKg the athlete's estimated 1RM per exercise on that date, for planning's loads
     * @param lastHeavySpinalSessionAt when the athlete's last heavy spinal-loading session was performed
     * @param load the load figures of {@code asOf}
     */
    public RiskAssessed {
        factors = factors == null ? List.of() : List.copyOf(factors);
        e1rmKg = e1rmKg == null || e1rmKg.isEmpty() ? null : Collections.unmodifiableMap(new TreeMap<>(e1rmKg));
    }

    /** An assessment without the optional figures. */
    public RiskAssessed(String athleteId, RiskLevel level, List<Factor> factors, String sourceId, Instant assessedAt) {
        this(athleteId, level, factors, sourceId, assessedAt, null, null, null, null);
    }

    /** One reason the level is what it is; figures are the raw numbers, always shown beside any ratio. */
    public record Factor(RiskFactor code, String message, Map<String, Double> figures) {
        public Factor {
            // a figure docs/rules.md reports as null (ACWR before 28 days, monotony with no variation) is left out
            Map<String, Double> known = new LinkedHashMap<>();
            if (figures != null) {
                figures.forEach((k, v) -> {
                    if (v != null && Double.isFinite(v)) {
                        known.put(k, v);
                    }
                });
            }
            figures = Collections.unmodifiableMap(known);
        }
    }
}
